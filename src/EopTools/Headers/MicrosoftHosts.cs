using System;

namespace EopTools.Headers
{
    /// <summary>
    /// The host names of Microsoft 365's mail servers in the worldwide service and the other instances (GCC High and
    /// DoD under office365.us, 21Vianet under partner.outlook.cn). A name is a claim: only what a hop's address says is
    /// tested against the EOP ranges; the name only tells which hops claim to be Microsoft's.
    /// </summary>
    internal static class MicrosoftHosts
    {
        // Internet-facing front ends: the names a tenant's MX and EOP's inbound servers stamp as "by".
        private static readonly string[] FrontEndSuffixes =
        {
            ".mail.protection.outlook.com", ".mail.protection.office365.us", ".mail.protection.partner.outlook.cn",
        };

        private static readonly string[] ServiceSuffixes =
        {
            ".protection.outlook.com", ".prod.outlook.com", ".outlook.office365.com", ".prod.exchangelabs.com",
            ".protection.office365.us", ".office365.us", ".partner.outlook.cn", ".outlook.cn",
        };

        /// <summary>True for a host name of Microsoft 365's mail service (case-insensitive, a trailing dot allowed).</summary>
        public static bool IsMicrosoft365(string? host) => host != null && EndsWithAny(host, 0, host.Length, ServiceSuffixes);

        /// <summary>True for a front end that takes connections from the Internet (a tenant's MX endpoint).</summary>
        public static bool IsFrontEnd(string? host) => host != null && EndsWithAny(host, 0, host.Length, FrontEndSuffixes);

        /// <summary>Whether the hop's receiver (by) is a Microsoft 365 mail host, read in place.</summary>
        public static bool IsMicrosoft365(ReceivedFields hop) => hop.ByPart.IsSet && EndsWithAny(hop.Value, hop.ByPart.Start, hop.ByPart.End, ServiceSuffixes);

        /// <summary>Whether the hop's receiver (by) is a front end, read in place.</summary>
        public static bool IsFrontEnd(ReceivedFields hop) => hop.ByPart.IsSet && EndsWithAny(hop.Value, hop.ByPart.Start, hop.ByPart.End, FrontEndSuffixes);

        private static bool EndsWithAny(string text, int start, int end, string[] suffixes)
        {
            if (end > start && text[end - 1] == '.') end--;
            foreach (string suffix in suffixes)
            {
                if (end - start >= suffix.Length && string.Compare(text, end - suffix.Length, suffix, 0, suffix.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            }
            return false;
        }
    }
}
