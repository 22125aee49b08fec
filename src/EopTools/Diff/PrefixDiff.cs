using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Diff
{
    /// <summary>One change between two prefix lists, before it is given a table and data sets.</summary>
    internal readonly struct PrefixChange
    {
        public PrefixChange(EopRangeChangeKind kind, IpPrefix? reference, IpPrefix? difference, List<IpPrefix>? addressesAdded, List<IpPrefix>? addressesRemoved)
        {
            Kind = kind;
            Reference = reference;
            Difference = difference;
            AddressesAdded = addressesAdded;
            AddressesRemoved = addressesRemoved;
        }

        public EopRangeChangeKind Kind { get; }

        public IpPrefix? Reference { get; }

        public IpPrefix? Difference { get; }

        /// <summary>The minimal CIDR list of the addresses this change opens; null when none.</summary>
        public List<IpPrefix>? AddressesAdded { get; }

        /// <summary>The minimal CIDR list of the addresses this change closes; null when none.</summary>
        public List<IpPrefix>? AddressesRemoved { get; }
    }

    /// <summary>
    /// The changes between two lists of prefixes of one table (either family, or both): sort, one merge to pair the
    /// exact matches, one stack sweep over the rest for containment, and the address space from <see cref="AddressSpace"/>.
    /// Every step is linear after the sort, so the whole is n log n; no prefix is compared with every other.
    /// </summary>
    /// <remarks>
    /// How a prefix is classified, when it is not in both lists ("new" = only in the difference, "old" = only in the
    /// reference):
    /// <list type="bullet">
    /// <item>An old prefix inside new ones is <c>Widened</c> to the narrowest of them: that is the entry that replaced it.
    /// Several old prefixes inside one new one are each Widened to it (the seed's two IPv6 /54s into 2a01:111:f400::/48).</item>
    /// <item>A new prefix inside old ones is <c>Narrowed</c> from the narrowest of them. An old prefix that splits into
    /// several new ones is Narrowed once per piece; when the pieces cover it, no address is lost.</item>
    /// <item>An old prefix that is neither is <c>Removed</c>; a new prefix that is neither is <c>Added</c>.</item>
    /// </list>
    /// Why: each row then answers the question a reader of a change record asks of an entry ("what became of it?")
    /// with the closest entry on the other side, and a connector or firewall list can be edited row by row.
    /// The addresses, though, are counted once over the whole comparison (see <see cref="UnlistedAddresses"/>): an
    /// address this table gains (loses) that no other table had (still has) and no earlier table listed belongs to the
    /// narrowest new (old) prefix that holds it, and is listed on that prefix's first change in output order. So
    /// concatenating the lists of all changes gives exactly the addresses to open and to close, without repeats, and a
    /// group that shares a prefix (several /54s Widened to one /48) lists the gained addresses once, on its first row.
    /// </remarks>
    internal static class PrefixDiff
    {
        /// <param name="unlisted">The addresses of the whole comparison not yet listed; this table's changes take theirs from it.</param>
        public static List<PrefixChange> Compare(IEnumerable<IpPrefix> reference, IEnumerable<IpPrefix> difference, bool includeUnchanged, UnlistedAddresses unlisted)
        {
            IpPrefix[] older = SortedDistinct(reference);
            IpPrefix[] newer = SortedDistinct(difference);

            // Pair the exact matches; the rest, still in order, are the entries that changed.
            var entries = new List<Entry>();
            var rows = new List<Row>();
            int i = 0, j = 0;
            while (i < older.Length || j < newer.Length)
            {
                int order = i == older.Length ? 1 : j == newer.Length ? -1 : older[i].CompareTo(newer[j]);
                if (order == 0)
                {
                    if (includeUnchanged) rows.Add(new Row(EopRangeChangeKind.Unchanged, older[i], -1, older[i], -1));
                    i++;
                    j++;
                }
                else if (order < 0)
                {
                    entries.Add(new Entry(older[i++], isNew: false));
                }
                else
                {
                    entries.Add(new Entry(newer[j++], isNew: true));
                }
            }

            Classify(entries, rows);

            // What this table gains and loses, less what an earlier table listed or another table still has.
            var owned = new List<AddressInterval>?[entries.Count];
            Attribute(entries, isNew: true, unlisted.TakeAdded(AddressSpace.FromPrefixes(newer)), owned);
            Attribute(entries, isNew: false, unlisted.TakeRemoved(AddressSpace.FromPrefixes(older)), owned);

            rows.Sort(CompareRows);
            var changes = new List<PrefixChange>(rows.Count);
            foreach (Row row in rows)
            {
                PrefixChange change = row.Change;
                changes.Add(new PrefixChange(change.Kind, change.Reference, change.Difference, TakeOwned(owned, row.DifferenceEntry), TakeOwned(owned, row.ReferenceEntry)));
            }
            return changes;
        }

        /// <summary>For each changed entry, the nearest entry of the other side that contains it, by one sweep with a stack per side.</summary>
        private static void Classify(List<Entry> entries, List<Row> rows)
        {
            // Sorted by address, then wider first, an entry's containers come before it; each stack holds the chain of
            // one side's entries that contain the current address, narrowest on top (prefixes nest or are disjoint).
            var olderChain = new List<int>();
            var newerChain = new List<int>();
            var hasRow = new bool[entries.Count];
            for (int k = 0; k < entries.Count; k++)
            {
                Entry entry = entries[k];
                PopUnrelated(olderChain, entries, entry.Prefix);
                PopUnrelated(newerChain, entries, entry.Prefix);
                List<int> other = entry.IsNew ? olderChain : newerChain;
                if (other.Count > 0)
                {
                    int container = other[other.Count - 1];
                    rows.Add(entry.IsNew
                        ? new Row(EopRangeChangeKind.Narrowed, entries[container].Prefix, container, entry.Prefix, k)
                        : new Row(EopRangeChangeKind.Widened, entry.Prefix, k, entries[container].Prefix, container));
                    hasRow[container] = true;
                    hasRow[k] = true;
                }
                (entry.IsNew ? newerChain : olderChain).Add(k);
            }
            for (int k = 0; k < entries.Count; k++)
            {
                if (hasRow[k]) continue;
                rows.Add(entries[k].IsNew
                    ? new Row(EopRangeChangeKind.Added, null, -1, entries[k].Prefix, k)
                    : new Row(EopRangeChangeKind.Removed, entries[k].Prefix, k, null, -1));
            }
        }

        private static void PopUnrelated(List<int> chain, List<Entry> entries, IpPrefix prefix)
        {
            while (chain.Count > 0 && !entries[chain[chain.Count - 1]].Prefix.Contains(prefix)) chain.RemoveAt(chain.Count - 1);
        }

        /// <summary>
        /// Gives each address of <paramref name="space"/> to the narrowest entry of one side that holds it: the side's
        /// entries are cut into disjoint segments, each owned by the narrowest entry over it, and the segments and the
        /// space's intervals are walked together once.
        /// </summary>
        private static void Attribute(List<Entry> entries, bool isNew, AddressSpace space, List<AddressInterval>?[] owned)
        {
            if (space.IsEmpty) return;
            var cutter = new Cutter(space.Intervals, owned);
            var chain = new List<int>();
            IpNumber cursor = IpNumber.Zero;
            bool pastEnd = false;

            void Close()
            {
                int top = chain[chain.Count - 1];
                chain.RemoveAt(chain.Count - 1);
                IpPrefix prefix = entries[top].Prefix;
                if (!pastEnd && cursor <= prefix.Last) cutter.Take(top, prefix.Family, cursor, prefix.Last);
                if (prefix.Last == IpAddressValue.MaxNumber(prefix.Family)) pastEnd = true;
                else cursor = prefix.Last.Increment();
            }

            for (int k = 0; k < entries.Count; k++)
            {
                if (entries[k].IsNew != isNew) continue;
                IpPrefix prefix = entries[k].Prefix;
                while (chain.Count > 0 && !entries[chain[chain.Count - 1]].Prefix.Contains(prefix)) Close();
                if (chain.Count > 0 && cursor < prefix.First) cutter.Take(chain[chain.Count - 1], prefix.Family, cursor, prefix.First.Decrement());
                chain.Add(k);
                cursor = prefix.First;
                pastEnd = false;
            }
            while (chain.Count > 0) Close();
        }

        private static List<IpPrefix>? TakeOwned(List<AddressInterval>?[] owned, int entry)
        {
            if (entry < 0 || owned[entry] == null) return null;
            List<IpPrefix> prefixes = AddressSpace.FromIntervals(owned[entry]!).ToPrefixes();
            owned[entry] = null;
            return prefixes;
        }

        private static IpPrefix[] SortedDistinct(IEnumerable<IpPrefix> prefixes)
        {
            var list = new List<IpPrefix>(prefixes);
            list.Sort();
            int count = 0;
            for (int k = 0; k < list.Count; k++)
            {
                if (count == 0 || !list[k].Equals(list[count - 1])) list[count++] = list[k];
            }
            list.RemoveRange(count, list.Count - count);
            return list.ToArray();
        }

        /// <summary>Address order: by the reference's prefix, or the difference's where there is none; then the other prefix.</summary>
        private static int CompareRows(Row x, Row y)
        {
            PrefixChange a = x.Change, b = y.Change;
            int order = Key(a).CompareTo(Key(b));
            if (order != 0) return order;
            if (a.Reference.HasValue && b.Reference.HasValue && a.Difference.HasValue && b.Difference.HasValue)
            {
                order = a.Difference.Value.CompareTo(b.Difference.Value);
                if (order != 0) return order;
            }
            return a.Kind.CompareTo(b.Kind);
        }

        private static IpPrefix Key(PrefixChange change) => change.Reference ?? change.Difference!.Value;

        private readonly struct Entry
        {
            public Entry(IpPrefix prefix, bool isNew)
            {
                Prefix = prefix;
                IsNew = isNew;
            }

            public IpPrefix Prefix { get; }

            /// <summary>True for a prefix only the difference has, false for one only the reference has.</summary>
            public bool IsNew { get; }
        }

        /// <summary>A change before its addresses are known, with the entries whose addresses it may list.</summary>
        private readonly struct Row
        {
            public Row(EopRangeChangeKind kind, IpPrefix? reference, int referenceEntry, IpPrefix? difference, int differenceEntry)
            {
                Change = new PrefixChange(kind, reference, difference, null, null);
                ReferenceEntry = referenceEntry;
                DifferenceEntry = differenceEntry;
            }

            public PrefixChange Change { get; }

            /// <summary>The index of the reference's entry, or -1 (none, or unchanged).</summary>
            public int ReferenceEntry { get; }

            public int DifferenceEntry { get; }
        }

        /// <summary>Clips sorted, disjoint segments against the sorted intervals of a space, moving forward only.</summary>
        private sealed class Cutter
        {
            private readonly IReadOnlyList<AddressInterval> _intervals;
            private readonly List<AddressInterval>?[] _owned;
            private int _next;

            public Cutter(IReadOnlyList<AddressInterval> intervals, List<AddressInterval>?[] owned)
            {
                _intervals = intervals;
                _owned = owned;
            }

            public void Take(int owner, IPAddressFamily family, IpNumber first, IpNumber last)
            {
                while (_next < _intervals.Count && IsBefore(_intervals[_next], family, first)) _next++;
                for (int k = _next; k < _intervals.Count; k++)
                {
                    AddressInterval interval = _intervals[k];
                    if (interval.Family != family || interval.First > last) break;
                    IpNumber from = interval.First > first ? interval.First : first;
                    IpNumber to = interval.Last < last ? interval.Last : last;
                    (_owned[owner] ??= new List<AddressInterval>()).Add(new AddressInterval(family, from, to));
                }
            }

            private static bool IsBefore(AddressInterval interval, IPAddressFamily family, IpNumber address) =>
                interval.Family != family ? interval.Family < family : interval.Last < address;
        }
    }
}
