using System;
using System.Collections.Generic;
using System.Threading;
using EopTools.Ranges;

namespace EopTools.Index
{
    /// <summary>
    /// Which endpoint sets contain an address: all sets' prefixes cut into disjoint sorted segments, each with its sets
    /// already in the web service's order (Optimize, Allow, Default, then by id), so a lookup is one binary search.
    /// Built on the first lookup: a session that never asks pays nothing.
    /// </summary>
    internal sealed class EndpointSetIndex
    {
        private readonly IReadOnlyList<EopEndpointSet> _sets;
        private Segments[]? _byFamily;

        public EndpointSetIndex(IReadOnlyList<EopEndpointSet> sets)
        {
            _sets = sets;
        }

        /// <summary>The sets that contain the address, each with its most specific prefix that does; empty when none.</summary>
        public EopList<EopEndpointSetMatch> Find(IpAddressValue address)
        {
            Segments[] byFamily = Volatile.Read(ref _byFamily) ?? Build();
            Segments segments = byFamily[(int)address.Family];
            IpNumber[] starts = segments.Starts;
            int low = 0, high = starts.Length - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                if (starts[middle] <= address.Number) low = middle + 1;
                else high = middle - 1;
            }
            if (high < 0 || address.Number > segments.Ends[high]) return EopList<EopEndpointSetMatch>.Empty;
            return segments.Matches[high];
        }

        private Segments[] Build()
        {
            var built = new[] { Build(IPAddressFamily.IPv4), Build(IPAddressFamily.IPv6) };
            // Two threads may both build it; both results are equal and one wins.
            return Interlocked.CompareExchange(ref _byFamily, built, null) ?? built;
        }

        private Segments Build(IPAddressFamily family)
        {
            int width = IpAddressValue.BitWidth(family);
            var byPrefix = new Dictionary<IpPrefix, List<EopIpRange>>();
            var hasLength = new bool[width + 1];
            var cuts = new SegmentCuts(family);
            foreach (EopEndpointSet set in _sets)
            {
                foreach (EopIpRange range in set.Ips)
                {
                    IpPrefix prefix = range.Value;
                    if (prefix.Family != family) continue;
                    if (!byPrefix.TryGetValue(prefix, out List<EopIpRange>? holders)) byPrefix.Add(prefix, holders = new List<EopIpRange>());
                    holders.Add(range);
                    hasLength[prefix.Length] = true;
                    cuts.Add(prefix);
                }
            }

            var starts = new List<IpNumber>();
            var ends = new List<IpNumber>();
            var matches = new List<EopList<EopEndpointSetMatch>>();
            var found = new List<EopEndpointSetMatch>();
            var setsFound = new HashSet<EopEndpointSet>();
            foreach (KeyValuePair<IpNumber, IpNumber> segment in cuts.Segments())
            {
                IpNumber start = segment.Key, end = segment.Value;

                // Prefixes nest or are disjoint: those containing 'start' cover the whole segment. Longest first, so a
                // set that holds two nested prefixes is matched by the more specific one.
                found.Clear();
                setsFound.Clear();
                for (int length = width; length >= 0; length--)
                {
                    if (!hasLength[length]) continue;
                    var candidate = new IpPrefix(family, start.AndNot(IpNumber.LowBits(width - length)), length);
                    if (!byPrefix.TryGetValue(candidate, out List<EopIpRange>? holders)) continue;
                    foreach (EopIpRange range in holders)
                    {
                        if (setsFound.Add(range.EndpointSet!)) found.Add(new EopEndpointSetMatch(range.EndpointSet!, range));
                    }
                }
                if (found.Count == 0) continue;
                found.Sort(InServiceOrder);
                starts.Add(start);
                ends.Add(end);
                matches.Add(EopList<EopEndpointSetMatch>.Of(found.ToArray()));
            }
            return new Segments(starts.ToArray(), ends.ToArray(), matches.ToArray());
        }

        /// <summary>Optimize, Allow, Default (the web service's precedence), then by id.</summary>
        internal static int InServiceOrder(EopEndpointSetMatch a, EopEndpointSetMatch b) => InServiceOrder(a.EndpointSet, b.EndpointSet);

        internal static int InServiceOrder(EopEndpointSet a, EopEndpointSet b)
        {
            int order = a.CategoryRank.CompareTo(b.CategoryRank);
            return order != 0 ? order : a.Id.CompareTo(b.Id);
        }

        private sealed class Segments
        {
            public Segments(IpNumber[] starts, IpNumber[] ends, EopList<EopEndpointSetMatch>[] matches)
            {
                Starts = starts;
                Ends = ends;
                Matches = matches;
            }

            public IpNumber[] Starts { get; }

            public IpNumber[] Ends { get; }

            public EopList<EopEndpointSetMatch>[] Matches { get; }
        }
    }
}
