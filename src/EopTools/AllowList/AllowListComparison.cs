using System.Collections.Generic;
using System.Globalization;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.AllowList
{
    /// <summary>The rows of a comparison, the warnings for the admin, and how many entries the edited list would hold.</summary>
    internal sealed class AllowListComparisonResult
    {
        public AllowListComparisonResult(List<EopAllowListEntry> rows, List<Diagnostic> warnings, int editedEntryCount, List<string>? lockPrefixes)
        {
            Rows = rows;
            Warnings = warnings;
            EditedEntryCount = editedEntryCount;
            LockPrefixes = lockPrefixes;
        }

        /// <summary>One row per entry in the given order, then one per EOP range the kept entries do not hold whole, in address order.</summary>
        public List<EopAllowListEntry> Rows { get; }

        public List<Diagnostic> Warnings { get; }

        /// <summary>The entries left after removing every row's AddressesToRemove entry and adding every AddressesToAdd prefix.</summary>
        public int EditedEntryCount { get; }

        /// <summary>
        /// With unrestricted entries (Any, 0.0.0.0/0, ...): the current ranges to add, beyond the edit, when they are
        /// removed to lock the list to EOP; null when there is none.
        /// </summary>
        public List<string>? LockPrefixes { get; }
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
            AddressSpace everEop = currentSpace.Union(retired);

            // Only an entry made wholly of EOP space, retired or current, is removed: one that also holds addresses that
            // never were EOP is the admin's own and stays whole, as the edit never cuts an entry into pieces.
            var removed = new bool[items.Count];
            var kept = new List<AddressInterval>();
            var keptBounded = new List<AddressInterval>();
            int keptCount = 0;
            for (int i = 0; i < items.Count; i++)
            {
                AllowListItem item = items[i];
                if (item.Kind == AllowListItemKind.Addresses)
                {
                    AddressInterval interval = item.Intervals[0];
                    removed[i] = !retired.Within(interval).IsEmpty && Holds(everEop, interval);
                    if (removed[i]) continue;
                }
                keptCount++;
                kept.AddRange(item.Intervals);
                if (item.Kind != AllowListItemKind.Unrestricted) keptBounded.AddRange(item.Intervals);
            }

            // What to add: each current range, whole, that the kept entries do not hold whole (overlap is harmless in an
            // allow-list). A removed entry puts back the ranges it overlaps; the rest are Missing rows.
            List<EopIpRange> toAdd = ranges.NotHeldBy(AddressSpace.FromIntervals(kept));
            var unassigned = new HashSet<IpPrefix>();
            foreach (EopIpRange range in toAdd) unassigned.Add(range.Value);

            var rows = new List<EopAllowListEntry>(items.Count);
            var warnings = new List<Diagnostic>();
            var unrestricted = new List<AllowListItem>();
            for (int i = 0; i < items.Count; i++)
            {
                AllowListItem item = items[i];
                switch (item.Kind)
                {
                    case AllowListItemKind.Keyword:
                        warnings.Add(new Diagnostic("FirewallKeywordNotComparable", "'" + item.Entry + "' is a firewall keyword whose addresses depend on the machine's network; " +
                            "it is reported as NotComparable and counted as covering no EOP address.", text: item.Entry));
                        rows.Add(new EopAllowListEntry(item.Entry, EopAllowListStatus.NotComparable, null, null, null, null, null, null, null, null, current.DataSet));
                        break;
                    case AllowListItemKind.Unrestricted:
                        unrestricted.Add(item);
                        rows.Add(Unrestricted(item, ranges, current.DataSet));
                        break;
                    default:
                        AddressInterval interval = item.Intervals[0];
                        AddressSpace entrySpace = AddressSpace.FromIntervals(item.Intervals);
                        AddressSpace eop = currentSpace.Within(interval);
                        AddressSpace other = entrySpace.Subtract(eop);
                        AddressSpace retiredPart = retired.Within(interval);
                        EopAllowListStatus status = other.IsEmpty ? EopAllowListStatus.Covered
                            : !eop.IsEmpty ? EopAllowListStatus.Partial
                            : !retiredPart.IsEmpty ? EopAllowListStatus.Stale
                            : EopAllowListStatus.Foreign;
                        List<string>? putBack = null, toRemove = null;
                        List<EopIpRange> overlapping = ranges.Overlapping(interval);
                        if (removed[i])
                        {
                            toRemove = entrySpace.ToCidrs();
                            putBack = new List<string>();
                            foreach (EopIpRange range in overlapping)
                            {
                                if (unassigned.Remove(range.Value)) putBack.Add(range.Prefix);
                            }
                        }
                        else if (!retiredPart.IsEmpty)
                        {
                            warnings.Add(new Diagnostic("RetiredAddressesKept", "'" + item.Entry + "' holds " + string.Join(", ", retiredPart.ToCidrs()) +
                                ", which EOP no longer uses, beside addresses that never were EOP: it is kept, as the edit never cuts an entry into pieces. " +
                                "Narrow it by hand to your own addresses to close the retired ones.", text: item.Entry));
                        }
                        rows.Add(new EopAllowListEntry(item.Entry, status, interval.Family,
                            new IpAddressValue(interval.Family, interval.First).ToIPAddress(), new IpAddressValue(interval.Family, interval.Last).ToIPAddress(),
                            overlapping, eop.ToCidrs(), other.ToCidrs(), putBack, toRemove, current.DataSet));
                        break;
                }
            }

            foreach (EopIpRange range in toAdd)
            {
                if (!unassigned.Contains(range.Value)) continue;
                rows.Add(new EopAllowListEntry(null, EopAllowListStatus.Missing, range.AddressFamily, range.FirstAddress, range.LastAddress,
                    new[] { range }, null, null, new[] { range.Prefix }, null, current.DataSet));
            }

            List<string>? lockPrefixes = null;
            if (unrestricted.Count > 0)
            {
                // Without the unrestricted entries, the kept ones would lack these ranges beyond what the edit adds.
                var added = new HashSet<IpPrefix>();
                foreach (EopIpRange range in toAdd) added.Add(range.Value);
                lockPrefixes = new List<string>();
                foreach (EopIpRange range in ranges.NotHeldBy(AddressSpace.FromIntervals(keptBounded)))
                {
                    if (!added.Contains(range.Value)) lockPrefixes.Add(range.Prefix);
                }
                warnings.Add(new Diagnostic("UnrestrictedEntries", LockWarning(unrestricted, lockPrefixes)));
            }

            int editedEntryCount = keptCount + toAdd.Count;
            string count = editedEntryCount.ToString(CultureInfo.InvariantCulture);
            if (editedEntryCount > FirewallRuleLimit)
            {
                warnings.Add(new Diagnostic("FirewallRuleLimit", "After the edit the list holds " + count + " entries, more than the about " +
                    FirewallRuleLimit.ToString(CultureInfo.InvariantCulture) + " addresses one Windows Firewall rule takes: split them over several rules."));
            }
            if (editedEntryCount > ReceiveConnectorLimit)
            {
                warnings.Add(new Diagnostic("ReceiveConnectorLimit", "After the edit the list holds " + count + " entries, more than the 1200 to 1300 a receive " +
                    "connector's RemoteIPRanges holds (an Active Directory limit; Exchange refuses with AdminLimitExceededException): merge entries into ranges " +
                    "or CIDR prefixes, or use a second connector."));
            }
            return new AllowListComparisonResult(rows, warnings, editedEntryCount, lockPrefixes);
        }

        private static bool Holds(AddressSpace space, AddressInterval interval) =>
            AddressSpace.FromIntervals(new[] { interval }).Subtract(space.Within(interval)).IsEmpty;

        /// <summary>What the unrestricted entries admit, and the commands that replace them with the EOP ranges the rest lacks.</summary>
        private static string LockWarning(List<AllowListItem> unrestricted, List<string> lockPrefixes)
        {
            var admits = new List<string>();
            var inExchange = new List<string>();
            foreach (AllowListItem item in unrestricted)
            {
                string family = item.Intervals.Count == 1 ? item.Intervals[0].Family + " " : "";
                admits.Add("'" + item.Entry + "' admits every " + family + "address");
                if (!item.IsKeyword) inExchange.Add("'" + item.Entry.Trim() + "'");
            }
            string them = unrestricted.Count == 1 ? "it" : "them";
            bool add = lockPrefixes.Count > 0;
            string connector = inExchange.Count == 0 ? "" :
                "on a receive connector, Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = " + string.Join(", ", inExchange) +
                (add ? "; Add = " + string.Join(", ", Quoted(lockPrefixes)) : "") + " }; ";
            return string.Join(" and ", admits) + ": the receive connector or firewall rule accepts mail from any sender, not only from EOP. " +
                "To accept only EOP and your other entries, after the edit replace " + them + (add ? " with the EOP ranges the rest lacks" : "") + ": " + connector +
                "on a firewall rule, give Set-NetFirewallAddressFilter -RemoteAddress your other entries" + (add ? " and " + string.Join(", ", lockPrefixes) : "") + ".";
        }

        private static IEnumerable<string> Quoted(IEnumerable<string> values)
        {
            foreach (string value in values) yield return "'" + value + "'";
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
                    if (!Holds(global, interval)) _sorted.Add(range);
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

            /// <summary>The outermost ranges that <paramref name="space"/> does not hold whole, in address order.</summary>
            public List<EopIpRange> NotHeldBy(AddressSpace space)
            {
                var found = new List<EopIpRange>();
                foreach (EopIpRange range in Outermost)
                {
                    if (!Holds(space, range.Value.Interval)) found.Add(range);
                }
                return found;
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
