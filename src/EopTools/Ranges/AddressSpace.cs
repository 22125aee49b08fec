using System;
using System.Collections.Generic;

namespace EopTools.Ranges
{
    /// <summary>A closed interval of addresses of one family.</summary>
    internal readonly struct AddressInterval
    {
        public readonly IPAddressFamily Family;
        public readonly IpNumber First;
        public readonly IpNumber Last;

        public AddressInterval(IPAddressFamily family, IpNumber first, IpNumber last)
        {
            Family = family;
            First = first;
            Last = last;
        }

        public override string ToString() =>
            new IpAddressValue(Family, First) + "-" + new IpAddressValue(Family, Last);
    }

    /// <summary>
    /// A set of addresses as sorted, disjoint, non-adjacent intervals per family: the form in which
    /// aggregation and address-space differences are exact and n log n.
    /// </summary>
    internal sealed class AddressSpace
    {
        private readonly AddressInterval[] _intervals;

        private AddressSpace(AddressInterval[] intervals)
        {
            _intervals = intervals;
        }

        public IReadOnlyList<AddressInterval> Intervals => _intervals;

        public bool IsEmpty => _intervals.Length == 0;

        public static AddressSpace FromPrefixes(IEnumerable<IpPrefix> prefixes)
        {
            var intervals = new List<AddressInterval>();
            foreach (IpPrefix prefix in prefixes) intervals.Add(prefix.Interval);
            return new AddressSpace(Normalize(intervals));
        }

        /// <summary>The set of the given intervals, in any order, overlapping or adjacent.</summary>
        public static AddressSpace FromIntervals(IEnumerable<AddressInterval> intervals) =>
            new AddressSpace(Normalize(new List<AddressInterval>(intervals)));

        /// <summary>The addresses in this set and not in <paramref name="other"/>.</summary>
        public AddressSpace Subtract(AddressSpace other)
        {
            var result = new List<AddressInterval>();
            int j = 0;
            foreach (AddressInterval interval in _intervals)
            {
                IpNumber first = interval.First;
                bool exhausted = false;
                while (j < other._intervals.Length && Compare(other._intervals[j].Family, other._intervals[j].Last, interval.Family, first) < 0) j++;
                for (int k = j; k < other._intervals.Length; k++)
                {
                    AddressInterval cut = other._intervals[k];
                    if (cut.Family != interval.Family || cut.First > interval.Last) break;
                    if (cut.First > first) result.Add(new AddressInterval(interval.Family, first, cut.First.Decrement()));
                    if (cut.Last >= interval.Last)
                    {
                        exhausted = true;
                        break;
                    }
                    first = cut.Last.Increment();
                }
                if (!exhausted) result.Add(new AddressInterval(interval.Family, first, interval.Last));
            }
            return new AddressSpace(result.ToArray());
        }

        /// <summary>The addresses in this set or in <paramref name="other"/>.</summary>
        public AddressSpace Union(AddressSpace other)
        {
            var intervals = new List<AddressInterval>(_intervals.Length + other._intervals.Length);
            intervals.AddRange(_intervals);
            intervals.AddRange(other._intervals);
            return new AddressSpace(Normalize(intervals));
        }

        /// <summary>The part of this set inside <paramref name="interval"/>: a binary search, then only the intervals that overlap it.</summary>
        public AddressSpace Within(AddressInterval interval)
        {
            // The intervals are sorted and disjoint, so their ends are sorted too: find the first that ends at or after the start.
            int low = 0, high = _intervals.Length;
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                if (Compare(_intervals[middle].Family, _intervals[middle].Last, interval.Family, interval.First) < 0) low = middle + 1;
                else high = middle;
            }
            var result = new List<AddressInterval>();
            for (int i = low; i < _intervals.Length; i++)
            {
                AddressInterval overlap = _intervals[i];
                if (overlap.Family != interval.Family || overlap.First > interval.Last) break;
                result.Add(new AddressInterval(interval.Family,
                    overlap.First > interval.First ? overlap.First : interval.First,
                    overlap.Last < interval.Last ? overlap.Last : interval.Last));
            }
            return new AddressSpace(result.ToArray());
        }

        /// <summary>The minimal CIDR prefixes that cover exactly this set, in address order.</summary>
        public List<IpPrefix> ToPrefixes()
        {
            var prefixes = new List<IpPrefix>();
            foreach (AddressInterval interval in _intervals) AppendPrefixes(interval, prefixes);
            return prefixes;
        }

        /// <summary>The minimal CIDR prefixes that cover exactly this set, as text, in address order.</summary>
        public List<string> ToCidrs() => IpPrefix.Texts(ToPrefixes());

        /// <summary>Merges overlapping and adjacent prefixes into the minimal CIDR set per family.</summary>
        public static List<IpPrefix> Aggregate(IEnumerable<IpPrefix> prefixes) => FromPrefixes(prefixes).ToPrefixes();

        private static void AppendPrefixes(AddressInterval interval, List<IpPrefix> prefixes)
        {
            int width = IpAddressValue.BitWidth(interval.Family);
            IpNumber first = interval.First;
            while (true)
            {
                // The largest aligned block that starts at 'first' and ends within the interval.
                int hostBits = Math.Min(first.TrailingZeros(), width);
                while (first.Or(IpNumber.LowBits(hostBits)) > interval.Last) hostBits--;
                var prefix = new IpPrefix(interval.Family, first, width - hostBits);
                prefixes.Add(prefix);
                IpNumber last = prefix.Last;
                if (last >= interval.Last) return;
                first = last.Increment();
            }
        }

        private static AddressInterval[] Normalize(List<AddressInterval> intervals)
        {
            intervals.Sort((a, b) => Compare(a.Family, a.First, b.Family, b.First));
            var merged = new List<AddressInterval>(intervals.Count);
            foreach (AddressInterval interval in intervals)
            {
                if (merged.Count > 0)
                {
                    AddressInterval previous = merged[merged.Count - 1];
                    bool touches = previous.Family == interval.Family &&
                        (previous.Last >= interval.First || previous.Last.Increment() == interval.First);
                    if (touches)
                    {
                        if (interval.Last > previous.Last) merged[merged.Count - 1] = new AddressInterval(previous.Family, previous.First, interval.Last);
                        continue;
                    }
                }
                merged.Add(interval);
            }
            return merged.ToArray();
        }

        private static int Compare(IPAddressFamily familyA, IpNumber a, IPAddressFamily familyB, IpNumber b) =>
            familyA != familyB ? familyA.CompareTo(familyB) : a.CompareTo(b);
    }
}
