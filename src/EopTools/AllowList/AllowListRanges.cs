using System.Collections.Generic;
using System.Globalization;
using EopTools.Ranges;

namespace EopTools.AllowList
{
    /// <summary>
    /// Allow-list entries as a version of the ranges, for Export-EopRangeDiff: EopIpRange objects as they are (with
    /// their table and data set), every other entry as the fewest CIDR prefixes of its addresses, in the global list.
    /// </summary>
    internal static class AllowListRanges
    {
        public const string Format = "AllowList";

        public static List<EopIpRange> ToRanges(IReadOnlyList<AllowListItem> items, string source, List<Diagnostic> warnings)
        {
            bool hasIPv6 = false;
            foreach (AllowListItem item in items)
            {
                foreach (AddressInterval interval in item.Intervals) hasIPv6 |= interval.Family == IPAddressFamily.IPv6;
            }
            var dataSet = new EopDataSet("Allow-list entries", items.Count.ToString(CultureInfo.InvariantCulture), null, source, Format, hasIPv6);

            var ranges = new List<EopIpRange>(items.Count);
            foreach (AllowListItem item in items)
            {
                if (item.Range != null)
                {
                    ranges.Add(item.Range);
                    continue;
                }
                if (item.Kind == AllowListItemKind.Keyword)
                {
                    warnings.Add(new Diagnostic("FirewallKeywordLeftOut",
                        "'" + item.Entry + "' is a firewall keyword whose addresses depend on the machine's network; it is left out of the comparison.", source, text: item.Entry));
                    continue;
                }
                foreach (IpPrefix prefix in AddressSpace.FromIntervals(item.Intervals).ToPrefixes()) ranges.Add(new EopIpRange(prefix, EopRegion.Global, dataSet));
            }
            return ranges;
        }
    }
}
