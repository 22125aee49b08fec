using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Addresses as admins find them in logs and headers: a bare address, "ip:port", "[ipv6]:port", IPv6 with a zone id.
    /// Anything else is rejected with the reason.
    /// </summary>
    internal static class AddressInput
    {
        private const string PrefixIsNotAnAddress = "a prefix (with '/') is not an address";

        /// <summary>True when the text means "no address" ("" or "-", as W3C logs write it).</summary>
        public static bool IsNoAddress(string text)
        {
            int start = 0, end = text.Length;
            Trim(text, ref start, ref end);
            return start == end || (end - start == 1 && text[start] == '-');
        }

        public static bool TryParse(string text, out IpAddressValue address, out string? error) =>
            TryParse(text, 0, text.Length, out address, out _, out error);

        /// <summary>Parses text[start..end); <paramref name="port"/> is the port written after the address, or -1.</summary>
        public static bool TryParse(string text, int start, int end, out IpAddressValue address, out int port, out string? error)
        {
            port = -1;
            Trim(text, ref start, ref end);
            if (start == end)
            {
                address = default;
                error = "the address is empty";
                return false;
            }

            if (text[start] == '[')
            {
                int close = text.IndexOf(']', start, end - start);
                if (close < 0)
                {
                    address = default;
                    error = "'[' is not closed by ']'";
                    return false;
                }
                if (!TryParsePort(text, close + 1, end, out port, out error) ||
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

            // Most log lines hold a plain IPv4 address, or one with a port (a protocol log's endpoint): read those first,
            // without describing any error, which is cheaper than the general path below (docs/design.md).
            if (IpText.TryReadIPv4(text, start, end, out uint plain))
            {
                address = new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, plain));
                error = null;
                return true;
            }
            int portColon = text.IndexOf(':', start, end - start);
            if (portColon > start && IpText.TryReadIPv4(text, start, portColon, out plain) && TryParsePort(text, portColon, end, out port, out _))
            {
                address = new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, plain));
                error = null;
                return true;
            }

            // The first separator tells the family: '.' (or none) is IPv4, ':' is IPv6. This is the hot path of
            // Test-EopIpAddress, so each form is scanned once.
            address = default;
            int separator = start;
            while (separator < end && text[separator] != '.' && text[separator] != ':') separator++;
            if (separator == end || text[separator] == '.')
            {
                int colon = separator == end ? -1 : text.IndexOf(':', separator, end - separator);
                int addressEnd = colon < 0 ? end : colon;
                if (colon >= 0 && !TryParsePort(text, colon, end, out port, out error)) return false;
                if (!IpText.TryParseIPv4(text, start, addressEnd, out uint v4, out error))
                {
                    if (text.IndexOf('/', start, end - start) >= 0) error = PrefixIsNotAnAddress;
                    return false;
                }
                address = new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, v4));
                return true;
            }

            if (IpText.TryParseAddress(text, start, end, allowZone: true, out address, out error)) return true;
            // Only a refused text is looked at again, to say why: a '/' before any zone id is a prefix (one in a zone id
            // is the zone rule's to judge, as it is in brackets).
            int zone = text.IndexOf('%', start, end - start);
            if (text.IndexOf('/', start, (zone < 0 ? end : zone) - start) >= 0) error = PrefixIsNotAnAddress;
            return false;
        }

        /// <summary>Accepts nothing, or ':' and a port from 0 to 65535 written plainly.</summary>
        private static bool TryParsePort(string text, int start, int end, out int port, out string? error)
        {
            error = null;
            port = -1;
            if (start == end) return true;
            if (text[start] != ':')
            {
                error = "unexpected text after the address";
                return false;
            }
            int digits = end - start - 1;
            int number = 0;
            bool plain = digits > 0 && digits <= 5 && !(digits > 1 && text[start + 1] == '0');
            for (int i = start + 1; plain && i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') plain = false;
                else number = number * 10 + (c - '0');
            }
            if (!plain || number > 65535)
            {
                error = "the port '" + text.Substring(start + 1, digits) + "' is not a number from 0 to 65535";
                return false;
            }
            port = number;
            return true;
        }

        private static void Trim(string text, ref int start, ref int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        }
    }
}
