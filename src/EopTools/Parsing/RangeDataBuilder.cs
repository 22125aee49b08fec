using System;
using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Collects what a reader finds, then builds the data set and its ranges in the order admins read them: table by
    /// table, the IPv4 list then the IPv6 list, each in source order. Shared by every format's reader.
    /// </summary>
    internal sealed class RangeDataBuilder
    {
        private readonly List<Entry> _entries = new List<Entry>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        private readonly List<ParseDiagnostic> _diagnostics = new List<ParseDiagnostic>();

        public int Count => _entries.Count;

        /// <summary>Set by a reader whose source carries IPv6 outside the ranges it keeps.</summary>
        public bool SawIPv6 { get; set; }

        /// <summary>Adds a range unless that table has it already; returns false for a repeat.</summary>
        public bool Add(IpPrefix prefix, EopRegion region, EopEndpointSet? endpointSet = null)
        {
            if (!_seen.Add(((int)region).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + prefix)) return false;
            _entries.Add(new Entry(prefix, region, endpointSet));
            if (prefix.Family == IPAddressFamily.IPv6) SawIPv6 = true;
            return true;
        }

        public void Warn(string source, int line, string message, string? text) => _diagnostics.Add(new ParseDiagnostic(source, line, message, text));

        /// <summary>Builds the data set (told whether the source carries IPv6) and its ranges.</summary>
        public RangeData Build(Func<bool, EopDataSet> createDataSet)
        {
            EopDataSet dataSet = createDataSet(SawIPv6);
            var ranges = new List<EopIpRange>(_entries.Count);
            // A plain bucket pass: LINQ's sort over enum keys costs more JIT time at first use than the whole seed parse.
            for (int region = (int)EopRegion.Global; region <= (int)EopRegion.APAC; region++)
            {
                for (int family = (int)IPAddressFamily.IPv4; family <= (int)IPAddressFamily.IPv6; family++)
                {
                    foreach (Entry entry in _entries)
                    {
                        if ((int)entry.Region == region && (int)entry.Prefix.Family == family)
                        {
                            ranges.Add(new EopIpRange(entry.Prefix, entry.Region, dataSet, entry.EndpointSet));
                        }
                    }
                }
            }
            // By line, stably (List.Sort is not): two warnings on one line keep the order they were found in. They
            // arrive nearly in order, so an insertion sort does next to nothing.
            for (int i = 1; i < _diagnostics.Count; i++)
            {
                ParseDiagnostic diagnostic = _diagnostics[i];
                int j = i - 1;
                for (; j >= 0 && _diagnostics[j].Line > diagnostic.Line; j--) _diagnostics[j + 1] = _diagnostics[j];
                _diagnostics[j + 1] = diagnostic;
            }
            return new RangeData(dataSet, ranges, _diagnostics);
        }

        private sealed class Entry
        {
            public Entry(IpPrefix prefix, EopRegion region, EopEndpointSet? endpointSet)
            {
                Prefix = prefix;
                Region = region;
                EndpointSet = endpointSet;
            }

            public IpPrefix Prefix { get; }

            public EopRegion Region { get; }

            public EopEndpointSet? EndpointSet { get; }
        }
    }
}
