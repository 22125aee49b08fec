using System.Collections.Generic;
using System.Globalization;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.AllowList
{
    /// <summary>The rows of a comparison, the warnings for the admin, and how many entries the edited list would hold.</summary>
    internal sealed class AllowListComparisonResult
    {
        public AllowListComparisonResult(List<EopAllowListEntry> rows, List<string> warnings, int editedEntryCount)
        {
            Rows = rows;
            Warnings = warnings;
            EditedEntryCount = editedEntryCount;
        }

        /// <summary>One row per entry in the given order, then one per EOP range with addresses no entry covers, in address order.</summary>
        public List<EopAllowListEntry> Rows { get; }

        public List<string> Warnings { get; }

        /// <summary>The entries left after removing every row's AddressesToRemove entry and adding every AddressesToAdd prefix.</summary>
        public int EditedEntryCount { get; }
    }

    /// <summary>
    /// Compares an allow-list with the current EOP ranges and with the ranges EOP used before, in address space: every
    /// entry gets a status and the exact edit, and every current EOP address no entry covers is listed once as Missing.
    /// </summary>
    internal static class AllowListComparison
    {
        /// <summary>Users report about 1000 addresses per Windows Firewall rule (no Microsoft document states a limit).</summary>
        public const int FirewallRuleLimit = 1000;

        /// <summary>A receive connector's RemoteIPRanges holds 1200 to 1300 entries (an Active Directory attribute limit).</summary>
        public const int ReceiveConnectorLimit = 1200;

        public static AllowListComparisonResult Compare(IReadOnlyList<AllowListItem> items, RangeData current, IEnumerable<RangeData> history)
        {
            var ranges = new RangeFinder(current.Ranges);
            AddressSpace currentSpace = ranges.Space;
            var historyPrefixes = new List<IpPrefix>();
            foreach (RangeData data in history)
            {
                foreach (EopIpRange range in data.Ranges) historyPrefixes.Add(range.Value);
            }
            AddressSpace retired = AddressSpace.FromPrefixes(historyPrefixes).Subtract(currentSpace);

            // An entry holding retired addresses is removed whole; what it must keep is put back unless a kept entry holds it.
            var retiredParts = new AddressSpace?[items.Count];
            var listed = new List<AddressInterval>();
            var kept = new List<AddressInterval>();
            for (int i = 0; i < items.Count; i++)
            {
                AllowListItem item = items[i];
                listed.AddRange(item.Intervals);
                if (item.Kind == AllowListItemKind.Addresses)
                {
                    retiredParts[i] = retired.Within(item.Intervals[0]);
                    if (!retiredParts[i]!.IsEmpty) continue;
                }
                kept.AddRange(item.Intervals);
            }
            AddressSpace keptSpace = AddressSpace.FromIntervals(kept);
            AddressSpace putBack = AddressSpace.FromIntervals(new AddressInterval[0]);

            var rows = new List<EopAllowListEntry>(items.Count);
            var warnings = new List<string>();
            int editedEntryCount = 0;
            for (int i = 0; i < items.Count; i++)
            {
                AllowListItem item = items[i];
                switch (item.Kind)
                {
                    case AllowListItemKind.Keyword:
                        warnings.Add("'" + item.Entry + "' is a firewall keyword whose addresses depend on the machine's network; it is reported as NotComparable and counted as covering no EOP address.");
                        rows.Add(new EopAllowListEntry(item.Entry, EopAllowListStatus.NotComparable, null, null, null, null, null, null, null, null, current.DataSet));
                        editedEntryCount++;
                        break;
                    case AllowListItemKind.Unrestricted:
                        rows.Add(Unrestricted(item, ranges, current.DataSet));
                        editedEntryCount++;
                        break;
                    default:
                        AddressInterval interval = item.Intervals[0];
                        AddressSpace entrySpace = AddressSpace.FromIntervals(item.Intervals);
                        AddressSpace eop = currentSpace.Within(interval);
                        AddressSpace other = entrySpace.Subtract(eop);
                        AddressSpace retiredPart = retiredParts[i]!;
                        EopAllowListStatus status = other.IsEmpty ? EopAllowListStatus.Covered
                            : !eop.IsEmpty ? EopAllowListStatus.Partial
                            : !retiredPart.IsEmpty ? EopAllowListStatus.Stale
                            : EopAllowListStatus.Foreign;
                        List<string>? toAdd = null, toRemove = null;
                        if (retiredPart.IsEmpty)
                        {
                            editedEntryCount++;
                        }
                        else
                        {
                            AddressSpace keep = entrySpace.Subtract(retiredPart).Subtract(keptSpace).Subtract(putBack);
                            putBack = putBack.Union(keep);
                            toAdd = keep.ToCidrs();
                            toRemove = entrySpace.ToCidrs();
                            editedEntryCount += toAdd.Count;
                        }
                        rows.Add(new EopAllowListEntry(item.Entry, status, interval.Family,
                            new IpAddressValue(interval.Family, interval.First).ToIPAddress(), new IpAddressValue(interval.Family, interval.Last).ToIPAddress(),
                            ranges.Overlapping(interval), eop.ToCidrs(), other.ToCidrs(), toAdd, toRemove, current.DataSet));
                        break;
                }
            }

            AddressSpace missing = currentSpace.Subtract(AddressSpace.FromIntervals(listed));
            foreach (EopIpRange range in ranges.Outermost)
            {
                AddressSpace toAdd = missing.Within(range.Value.Interval);
                if (toAdd.IsEmpty) continue;
                List<string> cidrs = toAdd.ToCidrs();
                editedEntryCount += cidrs.Count;
                rows.Add(new EopAllowListEntry(null, EopAllowListStatus.Missing, range.AddressFamily, range.FirstAddress, range.LastAddress,
                    new[] { range }, null, null, cidrs, null, current.DataSet));
            }

            string count = editedEntryCount.ToString(CultureInfo.InvariantCulture);
            if (editedEntryCount > FirewallRuleLimit)
            {
                warnings.Add("After the edit the list holds " + count + " entries, more than the about " + FirewallRuleLimit.ToString(CultureInfo.InvariantCulture) +
                    " addresses one Windows Firewall rule takes: split them over several rules.");
            }
            if (editedEntryCount > ReceiveConnectorLimit)
            {
                warnings.Add("After the edit the list holds " + count + " entries, more than the 1200 to 1300 a receive connector's RemoteIPRanges holds " +
                    "(an Active Directory limit; Exchange refuses with AdminLimitExceededException): merge entries into ranges or CIDR prefixes, or use a second connector.");
            }
            return new AllowListComparisonResult(rows, warnings, editedEntryCount);
        }

        private static EopAllowListEntry Unrestricted(AllowListItem item, RangeFinder ranges, EopDataSet dataSet)
        {
            var touched = new List<EopIpRange>();
            foreach (AddressInterval interval in item.Intervals) touched.AddRange(ranges.Overlapping(interval));
            if (item.Intervals.Count != 1)
            {
                return new EopAllowListEntry(item.Entry, EopAllowListStatus.Unrestricted, null, null, null, touched, null, null, null, null, dataSet);
            }
            AddressInterval only = item.Intervals[0];
            return new EopAllowListEntry(item.Entry, EopAllowListStatus.Unrestricted, only.Family,
                new IpAddressValue(only.Family, only.First).ToIPAddress(), new IpAddressValue(only.Family, only.Last).ToIPAddress(),
                touched, null, null, null, null, dataSet);
        }

        /// <summary>The current ranges, one per distinct prefix, regional ones only outside the global list; sorted, with a fast overlap query.</summary>
        private sealed class RangeFinder
        {
            private readonly List<EopIpRange> _sorted = new List<EopIpRange>();
            private readonly IpNumber[] _furthestLast;

            public RangeFinder(IReadOnlyList<EopIpRange> ranges)
            {
                // The global list, and of the regional tables only what it lacks: a regional range inside it adds nothing.
                var seen = new HashSet<IpPrefix>();
                var globalPrefixes = new List<IpPrefix>();
                foreach (EopIpRange range in ranges)
                {
                    if (range.Region != EopRegion.Global || !seen.Add(range.Value)) continue;
                    _sorted.Add(range);
                    globalPrefixes.Add(range.Value);
                }
                AddressSpace global = AddressSpace.FromPrefixes(globalPrefixes);
                foreach (EopIpRange range in ranges)
                {
                    if (range.Region == EopRegion.Global || !seen.Add(range.Value)) continue;
                    var interval = range.Value.Interval;
                    if (!AddressSpace.FromIntervals(new[] { interval }).Subtract(global.Within(interval)).IsEmpty) _sorted.Add(range);
                }
                _sorted.Sort((a, b) => a.Value.CompareTo(b.Value));
                // Prefixes nest or are disjoint; the furthest end so far (per family) tells where a backward scan can stop.
                _furthestLast = new IpNumber[_sorted.Count];
                var prefixes = new List<IpPrefix>(_sorted.Count);
                for (int i = 0; i < _sorted.Count; i++)
                {
                    IpPrefix prefix = _sorted[i].Value;
                    prefixes.Add(prefix);
                    bool reachesFurther = i > 0 && _sorted[i - 1].AddressFamily == prefix.Family && _furthestLast[i - 1] > prefix.Last;
                    _furthestLast[i] = reachesFurther ? _furthestLast[i - 1] : prefix.Last;
                }
                Space = AddressSpace.FromPrefixes(prefixes);
            }

            public AddressSpace Space { get; }

            /// <summary>The ranges inside no other range, in address order: each address of the space is in exactly one.</summary>
            public IEnumerable<EopIpRange> Outermost
            {
                get
                {
                    EopIpRange? enclosing = null;
                    foreach (EopIpRange range in _sorted)
                    {
                        if (enclosing != null && enclosing.Value.Contains(range.Value)) continue;
                        enclosing = range;
                        yield return range;
                    }
                }
            }

            /// <summary>The ranges that share an address with <paramref name="interval"/>, in address order.</summary>
            public List<EopIpRange> Overlapping(AddressInterval interval)
            {
                // The last range that starts at or before the interval's end; earlier ones matter only while some reaches its start.
                int low = 0, high = _sorted.Count;
                while (low < high)
                {
                    int middle = low + (high - low) / 2;
                    IpPrefix prefix = _sorted[middle].Value;
                    bool before = prefix.Family != interval.Family ? prefix.Family < interval.Family : prefix.First <= interval.Last;
                    if (before) low = middle + 1;
                    else high = middle;
                }
                var found = new List<EopIpRange>();
                for (int i = low - 1; i >= 0; i--)
                {
                    IpPrefix prefix = _sorted[i].Value;
                    if (prefix.Family != interval.Family || _furthestLast[i] < interval.First) break;
                    if (prefix.Last >= interval.First) found.Add(_sorted[i]);
                }
                found.Reverse();
                return found;
            }
        }
    }
}
