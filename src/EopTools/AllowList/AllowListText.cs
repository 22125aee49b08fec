using System;
using EopTools.Ranges;

namespace EopTools.AllowList
{
    /// <summary>
    /// The one strict reader of allow-list text, in every form Exchange's RemoteIPRanges and the Windows firewall's
    /// RemoteAddress hold: an address, a CIDR prefix, a first-last range, an IPv4 subnet by mask, and the firewall's
    /// keywords. Addresses go through <see cref="IpText"/>, so nothing is guessed: an entry whose host bits are set, a
    /// non-contiguous mask or a backwards range is rejected with the reason.
    /// </summary>
    internal static class AllowListText
    {
        /// <summary>The firewall's keywords other than Any, each also with a 4 or 6 suffix that restricts it to one family.</summary>
        public static readonly string[] MachineKeywords =
        {
            "LocalSubnet", "DNS", "DHCP", "WINS", "DefaultGateway", "Internet", "Intranet", "IntranetRemoteAccess", "PlayToDevice", "CaptivePortal",
        };

        private const string Any = "Any";

        public static bool TryParse(string entry, out AllowListItem? item, out string? error)
        {
            item = null;
            int start = 0, end = entry.Length;
            while (start < end && char.IsWhiteSpace(entry[start])) start++;
            while (end > start && char.IsWhiteSpace(entry[end - 1])) end--;
            if (start == end)
            {
                error = "the entry is empty";
                return false;
            }
            string text = entry.Substring(start, end - start);
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    error = "an entry has no spaces inside it (a range is written first-last, as in 10.0.0.1-10.0.0.9)";
                    return false;
                }
            }

            if (text == "*")
            {
                item = AllowListItem.ForUnrestricted(entry, null);
                error = null;
                return true;
            }
            if (char.IsLetter(text[0]) && text.IndexOf(':') < 0) return TryParseKeyword(entry, text, out item, out error);

            int dash = text.IndexOf('-');
            if (dash >= 0) return TryParseRange(entry, text, dash, out item, out error);

            int slash = text.IndexOf('/');
            if (slash >= 0 && text.IndexOf('.', slash) >= 0) return TryParseMaskSubnet(entry, text, slash, out item, out error);
            if (slash >= 0)
            {
                if (!IpText.TryParsePrefix(text, allowBareAddress: false, out IpPrefix prefix, out error)) return false;
                item = AllowListItem.ForAddresses(entry, prefix.Interval);
                return true;
            }

            // Exchange stores a link-local address with its zone (fe80::1%11); the zone does not change the address.
            if (!IpText.TryParseAddress(text, 0, text.Length, allowZone: true, out IpAddressValue address, out error)) return false;
            item = AllowListItem.ForAddresses(entry, new AddressInterval(address.Family, address.Number, address.Number));
            return true;
        }

        private static bool TryParseKeyword(string entry, string text, out AllowListItem? item, out string? error)
        {
            item = null;
            string word = text;
            IPAddressFamily? family = null;
            char last = text[text.Length - 1];
            if (last == '4' || last == '6')
            {
                word = text.Substring(0, text.Length - 1);
                family = last == '4' ? IPAddressFamily.IPv4 : IPAddressFamily.IPv6;
            }
            if (string.Equals(word, Any, StringComparison.OrdinalIgnoreCase))
            {
                item = AllowListItem.ForUnrestricted(entry, family);
                error = null;
                return true;
            }
            foreach (string keyword in MachineKeywords)
            {
                if (!string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase)) continue;
                item = AllowListItem.ForKeyword(entry);
                error = null;
                return true;
            }
            error = "it is neither an address nor a firewall keyword (" + Any + ", " + string.Join(", ", MachineKeywords) + ", each optionally with 4 or 6)";
            return false;
        }

        private static bool TryParseRange(string entry, string text, int dash, out AllowListItem? item, out string? error)
        {
            item = null;
            if (text.IndexOf('-', dash + 1) >= 0)
            {
                error = "a range has exactly one '-' (first-last)";
                return false;
            }
            if (!IpText.TryParseAddress(text, 0, dash, allowZone: false, out IpAddressValue first, out error))
            {
                error = "the range's first address: " + error;
                return false;
            }
            if (!IpText.TryParseAddress(text, dash + 1, text.Length, allowZone: false, out IpAddressValue last, out error))
            {
                error = "the range's last address: " + error;
                return false;
            }
            if (first.Family != last.Family)
            {
                error = "the range's first address is " + first.Family + " and its last " + last.Family;
                return false;
            }
            if (first.Number > last.Number)
            {
                error = "the range's first address " + first + " comes after its last " + last;
                return false;
            }
            item = AllowListItem.ForAddresses(entry, new AddressInterval(first.Family, first.Number, last.Number));
            return true;
        }

        /// <summary>The firewall's IPv4 subnet by mask: 40.92.0.0/255.254.0.0.</summary>
        private static bool TryParseMaskSubnet(string entry, string text, int slash, out AllowListItem? item, out string? error)
        {
            item = null;
            if (text.IndexOf(':') >= 0)
            {
                error = "a subnet mask is written only for IPv4; an IPv6 prefix takes a length (/48)";
                return false;
            }
            if (!IpText.TryParseIPv4(text, 0, slash, out uint address, out error)) return false;
            if (!IpText.TryParseIPv4(text, slash + 1, text.Length, out uint mask, out error))
            {
                error = "the subnet mask: " + error;
                return false;
            }
            uint hostMask = ~mask;
            if ((hostMask & (hostMask + 1)) != 0)
            {
                error = "the subnet mask " + text.Substring(slash + 1) + " is not contiguous (its one bits must all come before its zero bits)";
                return false;
            }
            if ((address & hostMask) != 0)
            {
                var network = new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, address & mask));
                error = "host bits are set (the network would be " + network + "/" + text.Substring(slash + 1) + ")";
                return false;
            }
            item = AllowListItem.ForAddresses(entry, new AddressInterval(IPAddressFamily.IPv4, new IpNumber(0, address), new IpNumber(0, address | hostMask)));
            return true;
        }
    }
}
