using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.AllowList
{
    /// <summary>What an allow-list entry stands for.</summary>
    internal enum AllowListItemKind
    {
        /// <summary>One interval of addresses: an address, a CIDR, a mask subnet or a first-last range.</summary>
        Addresses,

        /// <summary>Every address of one or both families: the firewall's Any (or *), or a full range such as Exchange's default 0.0.0.0-255.255.255.255.</summary>
        Unrestricted,

        /// <summary>A firewall keyword whose addresses depend on the machine (LocalSubnet, DNS, ...).</summary>
        Keyword,
    }

    /// <summary>One allow-list entry as read: its text exactly as given and the addresses it means.</summary>
    internal sealed class AllowListItem
    {
        private AllowListItem(string entry, AllowListItemKind kind, IReadOnlyList<AddressInterval> intervals, EopIpRange? range = null, bool isKeyword = false)
        {
            Entry = entry;
            Kind = kind;
            Intervals = intervals;
            Range = range;
            IsKeyword = isKeyword;
        }

        /// <summary>The entry as the admin's list holds it (never rewritten: it is what an edit must remove).</summary>
        public string Entry { get; }

        public AllowListItemKind Kind { get; }

        /// <summary>The addresses: one interval, two for an unrestricted Any (both families), none for a keyword.</summary>
        public IReadOnlyList<AddressInterval> Intervals { get; }

        /// <summary>A firewall keyword (Any, *, LocalSubnet, ...), which only the firewall takes, not Exchange.</summary>
        public bool IsKeyword { get; }

        /// <summary>The EopIpRange the entry was given as (with its table and data set), or null for text.</summary>
        public EopIpRange? Range { get; }

        public static AllowListItem ForRange(EopIpRange range) =>
            new AllowListItem(range.Prefix, KindOf(range.Value.Interval), new[] { range.Value.Interval }, range);

        public static AllowListItem ForAddresses(string entry, AddressInterval interval) =>
            new AllowListItem(entry, KindOf(interval), new[] { interval });

        public static AllowListItem ForUnrestricted(string entry, IPAddressFamily? family)
        {
            var intervals = new List<AddressInterval>(2);
            foreach (IPAddressFamily each in new[] { IPAddressFamily.IPv4, IPAddressFamily.IPv6 })
            {
                if (family == null || family == each) intervals.Add(new AddressInterval(each, IpNumber.Zero, IpAddressValue.MaxNumber(each)));
            }
            return new AllowListItem(entry, AllowListItemKind.Unrestricted, intervals, isKeyword: true);
        }

        public static AllowListItem ForKeyword(string entry) =>
            new AllowListItem(entry, AllowListItemKind.Keyword, new AddressInterval[0], isKeyword: true);

        /// <summary>0.0.0.0/0, ::/0, 0.0.0.0/0.0.0.0 and the full first-last ranges admit every sender, as Any does.</summary>
        private static AllowListItemKind KindOf(AddressInterval interval) =>
            interval.First.IsZero && interval.Last == IpAddressValue.MaxNumber(interval.Family) ? AllowListItemKind.Unrestricted : AllowListItemKind.Addresses;
    }
}
