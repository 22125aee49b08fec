using System;
using System.Globalization;
using System.Text;

namespace EopTools.Ranges
{
    /// <summary>
    /// Strict text forms of addresses and prefixes. IPAddress.TryParse and IPNetwork2 accept short, octal and hex IPv4
    /// forms and guess prefixes; an admin's data must be exactly what it claims to be, so nothing here guesses.
    /// </summary>
    internal static class IpText
    {
        private const ulong MappedIPv4Marker = 0xFFFF;

        public static bool TryParseAddress(string text, out IpAddressValue value, out string? error) =>
            TryParseAddress(text, 0, text.Length, allowZone: false, out value, out error);

        /// <summary>Parses text[start..end) as one address; on failure <paramref name="error"/> says why.</summary>
        /// <remarks>Allocation-free on success: this is the hot path of Test-EopIpAddress.</remarks>
        public static bool TryParseAddress(string text, int start, int end, bool allowZone, out IpAddressValue value, out string? error)
        {
            value = default;
            if (start >= end)
            {
                error = "the address is empty";
                return false;
            }
            bool isIPv6 = false;
            for (int i = start; i < end; i++)
            {
                if (text[i] == ':')
                {
                    isIPv6 = true;
                    break;
                }
            }
            if (!isIPv6)
            {
                if (!TryParseIPv4(text, start, end, out uint v4, out error)) return false;
                value = new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, v4));
                return true;
            }

            int zone = text.IndexOf('%', start, end - start);
            if (zone >= 0)
            {
                if (!allowZone)
                {
                    error = "a zone id ('%...') is not allowed here";
                    return false;
                }
                if (!IsZoneId(text, zone + 1, end, out error)) return false;
                end = zone;
            }
            if (!TryParseIPv6(text, start, end, out IpNumber number, out error)) return false;
            value = FromIPv6Number(number);
            return true;
        }

        /// <summary>
        /// A zone id names an interface (a name or a number): one or more characters, none of them white space, '/', '%',
        /// '[' or ']'. The same rule for "fe80::1%eth0" and "[fe80::1%eth0]:25": a '/' means a prefix, and white space
        /// means the text around the address was not separated from it.
        /// </summary>
        private static bool IsZoneId(string text, int start, int end, out string? error)
        {
            if (start == end)
            {
                error = "the zone id after '%' is empty";
                return false;
            }
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || c == '/' || c == '%' || c == '[' || c == ']')
                {
                    error = "the zone id '" + text.Substring(start, end - start) + "' contains '" + c + "'; a zone id is an interface name or number";
                    return false;
                }
            }
            error = null;
            return true;
        }

        /// <summary>IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address it maps.</summary>
        public static IpAddressValue FromIPv6Number(IpNumber number)
        {
            if (number.High == 0 && (number.Low >> 32) == MappedIPv4Marker)
            {
                return new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, number.Low & 0xFFFFFFFFUL));
            }
            return new IpAddressValue(IPAddressFamily.IPv6, number);
        }

        /// <summary>Parses "address/length". A bare address is a host prefix only when <paramref name="allowBareAddress"/>.</summary>
        public static bool TryParsePrefix(string text, bool allowBareAddress, out IpPrefix prefix, out string? error)
        {
            prefix = default;
            int slash = text.IndexOf('/');
            int addressEnd = slash < 0 ? text.Length : slash;
            if (!TryParseAddress(text, 0, addressEnd, allowZone: false, out IpAddressValue address, out error)) return false;

            int width = IpAddressValue.BitWidth(address.Family);
            bool writtenAsIPv6 = text.IndexOf(':', 0, addressEnd) >= 0;
            int length;
            if (slash < 0)
            {
                if (!allowBareAddress)
                {
                    error = "the prefix length ('/n') is missing";
                    return false;
                }
                length = width;
            }
            else
            {
                int writtenWidth = writtenAsIPv6 ? 128 : 32;
                if (!TryParsePrefixLength(text, slash + 1, writtenWidth, out length, out error)) return false;
                if (writtenAsIPv6 && address.Family == IPAddressFamily.IPv4)
                {
                    if (length < 96)
                    {
                        error = "an IPv4-mapped prefix must be /96 or longer";
                        return false;
                    }
                    length -= 96;
                }
            }

            IpNumber hostBits = address.Number.And(IpNumber.LowBits(width - length));
            if (!hostBits.IsZero)
            {
                var network = new IpPrefix(address.Family, address.Number.AndNot(IpNumber.LowBits(width - length)), length);
                error = "host bits are set (the network would be " + network + ")";
                return false;
            }
            prefix = new IpPrefix(address.Family, address.Number, length);
            error = null;
            return true;
        }

        public static string Format(IpAddressValue value)
        {
            if (value.Family == IPAddressFamily.IPv4)
            {
                uint v = (uint)value.Number.Low;
                return string.Concat(
                    (v >> 24).ToString(CultureInfo.InvariantCulture), ".",
                    ((v >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                    ((v >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                    (v & 0xFF).ToString(CultureInfo.InvariantCulture));
            }
            return FormatIPv6(value.Number);
        }

        /// <summary>RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::".</summary>
        private static string FormatIPv6(IpNumber number)
        {
            var groups = new ushort[8];
            for (int i = 0; i < 4; i++)
            {
                groups[i] = (ushort)(number.High >> (48 - 16 * i));
                groups[i + 4] = (ushort)(number.Low >> (48 - 16 * i));
            }
            int bestStart = -1, bestLength = 1;
            for (int i = 0; i < 8;)
            {
                if (groups[i] != 0)
                {
                    i++;
                    continue;
                }
                int runStart = i;
                while (i < 8 && groups[i] == 0) i++;
                if (i - runStart > bestLength)
                {
                    bestStart = runStart;
                    bestLength = i - runStart;
                }
            }
            var builder = new StringBuilder(39);
            for (int i = 0; i < 8; i++)
            {
                if (i == bestStart)
                {
                    builder.Append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (builder.Length > 0 && builder[builder.Length - 1] != ':') builder.Append(':');
                builder.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
            }
            return builder.ToString();
        }

        private static bool TryParsePrefixLength(string text, int start, int width, out int length, out string? error)
        {
            length = 0;
            int digits = text.Length - start;
            if (digits == 0)
            {
                error = "the prefix length after '/' is empty";
                return false;
            }
            if (digits > 3 || (digits > 1 && text[start] == '0'))
            {
                error = "the prefix length '" + text.Substring(start) + "' is not a plain number from 0 to " + width.ToString(CultureInfo.InvariantCulture);
                return false;
            }
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    error = "the prefix length '" + text.Substring(start) + "' is not a number";
                    return false;
                }
                length = length * 10 + (c - '0');
            }
            if (length > width)
            {
                error = "the prefix length /" + length.ToString(CultureInfo.InvariantCulture) + " is longer than " + width.ToString(CultureInfo.InvariantCulture) + " bits";
                return false;
            }
            error = null;
            return true;
        }

        private enum IPv4Problem
        {
            None,
            EmptyPart,
            UnexpectedCharacter,
            PartTooLarge,
            LeadingZero,
            TooManyParts,
            TooFewParts,
        }

        /// <summary>Exactly four dotted-decimal octets: no octal, hex, short or padded forms. Allocation-free.</summary>
        internal static bool TryReadIPv4(string text, int start, int end, out uint value) =>
            ReadIPv4(text, start, end, out value, out _, out _) == IPv4Problem.None;

        /// <summary>As <see cref="TryReadIPv4"/>, saying what is wrong on failure.</summary>
        internal static bool TryParseIPv4(string text, int start, int end, out uint value, out string? error)
        {
            IPv4Problem problem = ReadIPv4(text, start, end, out value, out int at, out int parts);
            switch (problem)
            {
                case IPv4Problem.None:
                    error = null;
                    return true;
                case IPv4Problem.EmptyPart:
                    error = "an IPv4 address has four dotted-decimal parts, and one is empty";
                    break;
                case IPv4Problem.UnexpectedCharacter:
                    error = "unexpected character '" + text[at] + "' in an IPv4 address";
                    break;
                case IPv4Problem.PartTooLarge:
                    error = "an IPv4 part is a number from 0 to 255, not '" + ReadDigits(text, at, end) + "'";
                    break;
                case IPv4Problem.LeadingZero:
                    error = "an IPv4 part must not have leading zeros ('" + ReadDigits(text, at, end) + "' could be read as octal)";
                    break;
                case IPv4Problem.TooManyParts:
                    error = "an IPv4 address has exactly four parts, not more";
                    break;
                default:
                    error = "an IPv4 address has exactly four dotted-decimal parts, not " + parts.ToString(CultureInfo.InvariantCulture);
                    break;
            }
            return false;
        }

        /// <summary>Reads text[start..end) as IPv4; on a problem, <paramref name="at"/> is where it is.</summary>
        private static IPv4Problem ReadIPv4(string text, int start, int end, out uint value, out int at, out int parts)
        {
            // Locals, not the out parameters, inside the loop: writes through a reference cannot live in registers.
            uint address = 0;
            int count = 0;
            int partStart = start;
            int i = start;
            IPv4Problem problem = IPv4Problem.None;
            while (true)
            {
                partStart = i;
                uint octet = 0;
                while (i < end)
                {
                    uint digit = (uint)(text[i] - '0');
                    if (digit > 9) break;
                    octet = octet * 10 + digit;
                    i++;
                }
                int partLength = i - partStart;
                if (partLength == 0)
                {
                    problem = i < end && text[i] != '.' ? IPv4Problem.UnexpectedCharacter : IPv4Problem.EmptyPart;
                    break;
                }
                if (partLength > 3 || octet > 255)
                {
                    problem = IPv4Problem.PartTooLarge;
                    break;
                }
                if (partLength > 1 && text[partStart] == '0')
                {
                    problem = IPv4Problem.LeadingZero;
                    break;
                }
                address = (address << 8) | octet;
                count++;
                if (i == end)
                {
                    if (count != 4) problem = IPv4Problem.TooFewParts;
                    break;
                }
                if (text[i] != '.' || count == 4)
                {
                    partStart = i;
                    problem = text[i] != '.' ? IPv4Problem.UnexpectedCharacter : IPv4Problem.TooManyParts;
                    break;
                }
                i++;
            }
            value = address;
            at = partStart;
            parts = count;
            return problem;
        }

        private static string ReadDigits(string text, int start, int end)
        {
            int i = start;
            while (i < end && char.IsDigit(text[i])) i++;
            return text.Substring(start, i - start);
        }

        /// <summary>Parses text[start..end) as IPv6 (no zone), with an optional dotted IPv4 tail.</summary>
        internal static bool TryParseIPv6(string text, int start, int end, out IpNumber number, out string? error)
        {
            // Groups before "::" accumulate in (headHigh, headLow), groups after it in (tailHigh, tailLow), 16 bits at a time.
            ulong headHigh = 0, headLow = 0, tailHigh = 0, tailLow = 0;
            int headGroups = 0, tailGroups = 0;
            bool compressed = false;
            int i = start;
            number = IpNumber.Zero;

            if (i + 1 < end && text[i] == ':' && text[i + 1] == ':')
            {
                compressed = true;
                i += 2;
            }
            else if (i < end && text[i] == ':')
            {
                error = "an IPv6 address cannot start with a single ':'";
                return false;
            }

            while (i < end)
            {
                int groupStart = i;
                uint group = 0;
                int digit;
                while (i < end && (digit = HexValue(text[i])) >= 0)
                {
                    group = (group << 4) | (uint)digit;
                    i++;
                }
                int groupLength = i - groupStart;
                if (i < end && text[i] == '.')
                {
                    // An embedded IPv4 address is always the last 32 bits: two groups.
                    if (!TryParseIPv4(text, groupStart, end, out uint v4, out error)) return false;
                    if (compressed)
                    {
                        Push(ref tailHigh, ref tailLow, v4 >> 16);
                        Push(ref tailHigh, ref tailLow, v4 & 0xFFFF);
                        tailGroups += 2;
                    }
                    else
                    {
                        Push(ref headHigh, ref headLow, v4 >> 16);
                        Push(ref headHigh, ref headLow, v4 & 0xFFFF);
                        headGroups += 2;
                    }
                    if (headGroups + tailGroups > 8)
                    {
                        error = "an IPv6 address has at most eight groups";
                        return false;
                    }
                    break;
                }
                if (groupLength == 0)
                {
                    error = i < end
                        ? "unexpected character '" + text[i] + "' in an IPv6 address"
                        : "an IPv6 address cannot end with a single ':'";
                    return false;
                }
                if (groupLength > 4)
                {
                    error = "an IPv6 group has at most four hex digits, not '" + text.Substring(groupStart, groupLength) + "'";
                    return false;
                }
                if (compressed)
                {
                    Push(ref tailHigh, ref tailLow, group);
                    tailGroups++;
                }
                else
                {
                    Push(ref headHigh, ref headLow, group);
                    headGroups++;
                }
                if (headGroups + tailGroups > 8)
                {
                    error = "an IPv6 address has at most eight groups";
                    return false;
                }
                if (i == end) break;
                if (text[i] != ':')
                {
                    error = "unexpected character '" + text[i] + "' in an IPv6 address";
                    return false;
                }
                i++;
                if (i < end && text[i] == ':')
                {
                    if (compressed)
                    {
                        error = "an IPv6 address can contain '::' only once";
                        return false;
                    }
                    compressed = true;
                    i++;
                }
                else if (i == end)
                {
                    error = "an IPv6 address cannot end with a single ':'";
                    return false;
                }
            }

            int groups = headGroups + tailGroups;
            if (compressed ? groups > 7 : groups != 8)
            {
                error = compressed
                    ? "an IPv6 address with '::' has at most seven groups"
                    : "an IPv6 address without '::' has exactly eight groups, not " + groups.ToString(CultureInfo.InvariantCulture);
                return false;
            }
            var head = new IpNumber(headHigh, headLow);
            number = compressed ? head.ShiftLeft(16 * (8 - headGroups)).Or(new IpNumber(tailHigh, tailLow)) : head;
            error = null;
            return true;
        }

        private static void Push(ref ulong high, ref ulong low, uint group)
        {
            high = (high << 16) | (low >> 48);
            low = (low << 16) | group;
        }

        private static readonly sbyte[] HexDigits = CreateHexDigits();

        private static int HexValue(char c) => c < 128 ? HexDigits[c] : -1;

        private static sbyte[] CreateHexDigits()
        {
            var digits = new sbyte[128];
            for (int c = 0; c < digits.Length; c++)
            {
                digits[c] = (sbyte)(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1);
            }
            return digits;
        }
    }
}
