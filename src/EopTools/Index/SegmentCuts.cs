using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Index
{
    /// <summary>
    /// Cuts an address family into disjoint segments at the bounds of a set of prefixes, for the indexes that answer a
    /// lookup with one binary search: within a segment, every prefix either holds all of it or none of it.
    /// </summary>
    internal sealed class SegmentCuts
    {
        private readonly List<IpNumber> _bounds = new List<IpNumber>();
        private readonly IpNumber _max;

        public SegmentCuts(IPAddressFamily family)
        {
            _max = IpAddressValue.MaxNumber(family);
        }

        /// <summary>Cuts where the prefix starts and after it ends.</summary>
        public void Add(IpPrefix prefix)
        {
            _bounds.Add(prefix.First);
            if (prefix.Last != _max) _bounds.Add(prefix.Last.Increment());
        }

        /// <summary>The segments in address order, as first and last address: each cut starts one, which ends before the next.</summary>
        public List<KeyValuePair<IpNumber, IpNumber>> Segments()
        {
            _bounds.Sort();
            var segments = new List<KeyValuePair<IpNumber, IpNumber>>();
            for (int i = 0; i < _bounds.Count; i++)
            {
                if (i > 0 && _bounds[i] == _bounds[i - 1]) continue;
                int next = i + 1;
                while (next < _bounds.Count && _bounds[next] == _bounds[i]) next++;
                segments.Add(new KeyValuePair<IpNumber, IpNumber>(_bounds[i], next < _bounds.Count ? _bounds[next].Decrement() : _max));
            }
            return segments;
        }
    }
}
