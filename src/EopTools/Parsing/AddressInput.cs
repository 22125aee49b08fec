using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Addresses as admins find them in logs and headers: a bare address, "ip:port", "[ipv6]:port", IPv6 with a zone id.
    /// Anything else is rejected with the reason.
    /// </summary>
    internal static class AddressInput
    {
        /// <summary>True when the text means "no address" ("" or "-", as W3C logs write it).</summary>
        public static bool IsNoAddress(string text)
        {
            int start = 0, end = text.Length;
            Trim(text, ref start, ref end);
            return start == end || (end - start == 1 && text[start] == '-');
        }

        public static bool TryParse(string text, out IpAddressValue address, out string? error)
        {
            int start = 0, end = text.Length;
            Trim(text, ref start, ref end);

            if (start < end && text[start] == '[')
            {
                int close = text.IndexOf(']', start, end - start);
                if (close < 0)
                {
                    address = default;
                    error = "'[' is not closed by ']'";
                    return false;
                }
                if (!TryParsePort(text, close + 1, end, out error) ||
                    !IpText.TryParseAddress(text, start + 1, close, allowZone: true, out address, out error))
                {
                    address = default;
                    return false;
                }
                if (text.IndexOf(':', start + 1, close - start - 1) < 0)
                {
                    error = "brackets are for IPv6 addresses only";
                    return false;
                }
                return true;
            }

            if (text.IndexOf('/', start, end - start) >= 0)
            {
                address = default;
                error = "a prefix (with '/') is not an address";
                return false;
            }

            int colon = text.IndexOf(':', start, end - start);
            if (colon >= 0 && text.IndexOf(':', colon + 1, end - colon - 1) < 0)
            {
                // Exactly one colon: IPv4 with a port, since IPv6 has at least two.
                if (!TryParsePort(text, colon, end, out error))
                {
                    address = default;
                    return false;
                }
                return IpText.TryParseAddress(text, start, colon, allowZone: false, out address, out error);
            }
            return IpText.TryParseAddress(text, start, end, allowZone: true, out address, out error);
        }

        /// <summary>Accepts nothing, or ':' and a port from 0 to 65535 written plainly.</summary>
        private static bool TryParsePort(string text, int start, int end, out string? error)
        {
            error = null;
            if (start == end) return true;
            if (text[start] != ':')
            {
                error = "unexpected text after the address";
                return false;
            }
            int digits = end - start - 1;
            int port = 0;
            bool plain = digits > 0 && digits <= 5 && !(digits > 1 && text[start + 1] == '0');
            for (int i = start + 1; plain && i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') plain = false;
                else port = port * 10 + (c - '0');
            }
            if (!plain || port > 65535)
            {
                error = "the port '" + text.Substring(start + 1, digits) + "' is not a number from 0 to 65535";
                return false;
            }
            return true;
        }

        private static void Trim(string text, ref int start, ref int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        }
    }
}
