using System;
using System.Collections.Generic;
using System.Threading;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Index
{
    /// <summary>
    /// One answer, shared by every address it applies to: a test result is then the input, the address and this, which
    /// keeps a million results small.
    /// </summary>
    internal sealed class EopAnswer
    {
        public EopAnswer(EopIpRange? range, EopList<EopRegion> regions, EopDataSet dataSet, EndpointSetIndex? endpointSets, FormerRanges? former = null)
        {
            Range = range;
            Regions = regions;
            DataSet = dataSet;
            EndpointSets = endpointSets;
            Former = former;
        }

        public EopIpRange? Range { get; }

        public EopList<EopRegion> Regions { get; }

        public EopDataSet DataSet { get; }

        /// <summary>The data's Microsoft 365 endpoint sets, looked up only when a result is asked for them; null when it has none.</summary>
        public EndpointSetIndex? EndpointSets { get; }

        /// <summary>
        /// For an address no table holds: the older data the module keeps, looked up only when a result is asked; null
        /// for an EOP answer, and for data that has no older data (the embedded page, a file given with -Path).
        /// </summary>
        public FormerRanges? Former { get; }
    }

    /// <summary>What the index knows about one address: the most specific range of each table that contains it.</summary>
    internal sealed class IndexEntry
    {
        public IndexEntry(EopIpRange?[] byTable, EopAnswer answer, EopAnswer[] tableAnswers)
        {
            ByTable = byTable;
            Answer = answer;
            TableAnswers = tableAnswers;
        }

        /// <summary>
        /// The answer over all tables: the global list's range, or where the global list lacks it, the most specific
        /// regional one; and the regional tables (not Global) that contain the address.
        /// </summary>
        public EopAnswer Answer { get; }

        /// <summary>The answer restricted to one table, indexed by <see cref="EopRegion"/>.</summary>
        public EopAnswer[] TableAnswers { get; }

        /// <summary>Indexed by <see cref="EopRegion"/>; null where that table does not contain the address.</summary>
        public EopIpRange?[] ByTable { get; }
    }

    /// <summary>
    /// An immutable lookup over one data set: the ranges cut into disjoint sorted segments per family, each with its
    /// precomputed answer, so a lookup is one search and allocates nothing. The segments are built on the first lookup:
    /// listing ranges needs none of it, and startup time matters.
    /// </summary>
    internal sealed class RangeIndex
    {
        private readonly bool[] _tables = new bool[EopRegions.Count];
        private readonly EndpointSetIndex? _endpointSets;
        /// <summary>The answer restricted to a table that lacks an address another table holds: not a former EOP address.</summary>
        private readonly EopAnswer _notInTable;
        private Lookup? _lookup;

        /// <param name="former">The older data to say an address no range holds was EOP in; null for none.</param>
        public RangeIndex(RangeData data, FormerRanges? former = null)
        {
            Data = data;
            foreach (EopIpRange range in data.Ranges) _tables[(int)range.Region] = true;
            if (data.EndpointSets != null) _endpointSets = new EndpointSetIndex(data.EndpointSets);
            NotEop = new EopAnswer(null, EopList<EopRegion>.Empty, data.DataSet, _endpointSets, former);
            _notInTable = new EopAnswer(null, EopList<EopRegion>.Empty, data.DataSet, _endpointSets);
        }

        /// <summary>The answer for an address no range contains.</summary>
        public EopAnswer NotEop { get; }

        /// <summary>The older data the module keeps for these ranges (the session's from the cache); null for none.</summary>
        public FormerRanges? Former => NotEop.Former;

        /// <summary>Whether the data has any regional table (Americas, EMEA, APAC): only the 2018 page before October had them.</summary>
        public bool HasRegionalTables => _tables[(int)EopRegion.Americas] || _tables[(int)EopRegion.EMEA] || _tables[(int)EopRegion.APAC];

        public RangeData Data { get; }

        /// <summary>The lookup over the data's Microsoft 365 endpoint sets; null when the data has none.</summary>
        public EndpointSetIndex? EndpointSets => _endpointSets;

        public EopDataSet DataSet => Data.DataSet;

        public IReadOnlyList<EopIpRange> Ranges => Data.Ranges;

        /// <summary>Whether the data set has that table (one without regional tables has only Global).</summary>
        public bool HasTable(EopRegion region) => _tables[(int)region];

        /// <summary>The entry for the address, or null when no range contains it.</summary>
        public IndexEntry? Find(IpAddressValue address)
        {
            Lookup lookup = Volatile.Read(ref _lookup) ?? CreateLookup();
            return address.Family == IPAddressFamily.IPv4 ? lookup.FindIPv4((uint)address.Number.Low) : lookup.FindIPv6(address.Number);
        }

        /// <summary>The answer for the address over all tables, or restricted to <paramref name="table"/>.</summary>
        public EopAnswer Answer(IpAddressValue address, EopRegion? table)
        {
            IndexEntry? entry = Find(address);
            if (entry == null) return NotEop;
            return table.HasValue ? entry.TableAnswers[(int)table.Value] : entry.Answer;
        }

        private Lookup CreateLookup()
        {
            // Two threads may both build it; both results are equal and one wins.
            var lookup = new Lookup(Build(IPAddressFamily.IPv4), Build(IPAddressFamily.IPv6));
            return Interlocked.CompareExchange(ref _lookup, lookup, null) ?? lookup;
        }

        private sealed class Lookup
        {
            private readonly IndexEntry[] _ipv4Entries;
            private readonly Segments _ipv6;

            // IPv4 lookups search only the segments that start in the address's /8: a table of 257 indexes stays in the
            // processor's cache between lookups, where PowerShell's own work in a pipeline evicts anything larger.
            private readonly uint[] _ipv4Starts;
            private readonly uint[] _ipv4Ends;
            private readonly int[] _ipv4FirstBySlash8 = new int[257];

            public Lookup(Segments ipv4, Segments ipv6)
            {
                _ipv4Entries = ipv4.Entries;
                _ipv6 = ipv6;
                _ipv4Starts = new uint[ipv4.Starts.Length];
                _ipv4Ends = new uint[ipv4.Ends.Length];
                for (int i = 0; i < _ipv4Starts.Length; i++)
                {
                    _ipv4Starts[i] = (uint)ipv4.Starts[i].Low;
                    _ipv4Ends[i] = (uint)ipv4.Ends[i].Low;
                }
                int segment = 0;
                for (int slash8 = 0; slash8 < _ipv4FirstBySlash8.Length; slash8++)
                {
                    while (segment < _ipv4Starts.Length && _ipv4Starts[segment] >> 24 < slash8) segment++;
                    _ipv4FirstBySlash8[slash8] = segment;
                }
            }

            public IndexEntry? FindIPv4(uint address)
            {
                uint[] starts = _ipv4Starts;
                // The last segment starting at or before the address: one of the /8's own, or else the one before them.
                int low = _ipv4FirstBySlash8[address >> 24], high = _ipv4FirstBySlash8[(address >> 24) + 1] - 1;
                while (low <= high)
                {
                    int middle = (low + high) >> 1;
                    if (starts[middle] <= address) low = middle + 1;
                    else high = middle - 1;
                }
                if (high < 0 || address > _ipv4Ends[high]) return null;
                return _ipv4Entries[high];
            }

            public IndexEntry? FindIPv6(IpNumber address)
            {
                IpNumber[] starts = _ipv6.Starts;
                int low = 0, high = starts.Length - 1;
                while (low <= high)
                {
                    int middle = (low + high) >> 1;
                    if (starts[middle] <= address) low = middle + 1;
                    else high = middle - 1;
                }
                if (high < 0 || address > _ipv6.Ends[high]) return null;
                return _ipv6.Entries[high];
            }
        }

        private Segments Build(IPAddressFamily family)
        {
            IReadOnlyList<EopIpRange> ranges = Data.Ranges;
            int width = IpAddressValue.BitWidth(family);
            var tables = new Dictionary<IpPrefix, EopIpRange>[EopRegions.Count];
            var hasLength = new bool[EopRegions.Count, width + 1];
            for (int t = 0; t < EopRegions.Count; t++) tables[t] = new Dictionary<IpPrefix, EopIpRange>();

            var cuts = new SegmentCuts(family);
            foreach (EopIpRange range in ranges)
            {
                IpPrefix prefix = range.Value;
                if (prefix.Family != family) continue;
                int table = (int)range.Region;
                if (tables[table].ContainsKey(prefix)) continue;
                tables[table].Add(prefix, range);
                hasLength[table, prefix.Length] = true;
                cuts.Add(prefix);
            }

            var starts = new List<IpNumber>();
            var ends = new List<IpNumber>();
            var entries = new List<IndexEntry>();
            foreach (KeyValuePair<IpNumber, IpNumber> segment in cuts.Segments())
            {
                IpNumber start = segment.Key, end = segment.Value;

                // Prefixes either nest or are disjoint, so the longest prefix containing 'start' covers the whole segment.
                var byTable = new EopIpRange?[EopRegions.Count];
                bool covered = false;
                for (int t = 0; t < EopRegions.Count; t++)
                {
                    for (int length = width; length >= 0; length--)
                    {
                        if (!hasLength[t, length]) continue;
                        var candidate = new IpPrefix(family, start.AndNot(IpNumber.LowBits(width - length)), length);
                        if (tables[t].TryGetValue(candidate, out EopIpRange? range))
                        {
                            byTable[t] = range;
                            covered = true;
                            break;
                        }
                    }
                }
                if (!covered) continue;

                if (entries.Count > 0 && ends[ends.Count - 1].Increment() == start && SameRanges(entries[entries.Count - 1].ByTable, byTable))
                {
                    ends[ends.Count - 1] = end;
                    continue;
                }
                starts.Add(start);
                ends.Add(end);
                entries.Add(CreateEntry(byTable));
            }
            return new Segments(starts.ToArray(), ends.ToArray(), entries.ToArray());
        }

        private IndexEntry CreateEntry(EopIpRange?[] byTable)
        {
            var regions = new List<EopRegion>();
            EopIpRange? mostSpecificRegional = null;
            for (int t = 0; t < byTable.Length; t++)
            {
                EopIpRange? range = byTable[t];
                if (range == null || t == (int)EopRegion.Global) continue;
                regions.Add((EopRegion)t);
                if (mostSpecificRegional == null || range.PrefixLength > mostSpecificRegional.PrefixLength) mostSpecificRegional = range;
            }
            EopIpRange? best = byTable[(int)EopRegion.Global] ?? mostSpecificRegional;
            var allRegions = EopList<EopRegion>.Of(regions);
            var tableAnswers = new EopAnswer[EopRegions.Count];
            for (int t = 0; t < EopRegions.Count; t++)
            {
                EopIpRange? range = byTable[t];
                tableAnswers[t] = range == null ? _notInTable
                    : new EopAnswer(range, t == (int)EopRegion.Global ? EopList<EopRegion>.Empty : new EopList<EopRegion>(new[] { (EopRegion)t }), DataSet, _endpointSets);
            }
            return new IndexEntry(byTable, new EopAnswer(best, allRegions, DataSet, _endpointSets), tableAnswers);
        }

        private static bool SameRanges(EopIpRange?[] a, EopIpRange?[] b)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (!ReferenceEquals(a[i], b[i])) return false;
            }
            return true;
        }

        private sealed class Segments
        {
            public Segments(IpNumber[] starts, IpNumber[] ends, IndexEntry[] entries)
            {
                Starts = starts;
                Ends = ends;
                Entries = entries;
            }

            public IpNumber[] Starts { get; }

            public IpNumber[] Ends { get; }

            public IndexEntry[] Entries { get; }
        }
    }
}
