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

        private readonly List<Diagnostic> _diagnostics = new List<Diagnostic>();

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

        /// <summary>
        /// Parses one cell or line of a table and adds its range; what is malformed or repeated is a warning naming
        /// the line and the text, never a guess. The steps every text reader takes for each entry.
        /// </summary>
        /// <param name="allowBareAddress">Whether a bare address is a host prefix (/32 or /128) in this format.</param>
        public void AddText(string source, int line, string text, EopRegion region, bool allowBareAddress)
        {
            if (!IpText.TryParsePrefix(text, allowBareAddress, out IpPrefix prefix, out string? error))
            {
                Warn("MalformedRange", source, line, "malformed range (" + error + "); skipped", text);
                return;
            }
            if (!Add(prefix, region)) Warn("RangeListedTwice", source, line, "range listed twice in the " + region + " table; kept once", text);
        }

        /// <param name="id">The problem's stable id (<see cref="Diagnostic.Id"/>).</param>
        public void Warn(string id, string source, int line, string message, string? text) => _diagnostics.Add(new Diagnostic(id, message, source, line, text));

        /// <summary>Builds the data set (told whether the source carries IPv6) and its ranges.</summary>
        /// <param name="source">The file or source named in the error when the ranges have no global list.</param>
        public RangeData Build(string source, Func<bool, EopDataSet> createDataSet)
        {
            RequireGlobalList(source);
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
            return new RangeData(dataSet, ranges, SortByLine(_diagnostics));
        }

        /// <summary>
        /// Every data set has a global list: it is what Get-EopIpRange answers by default and what a firewall rule or
        /// receive connector is fed. A file with regional tables only is refused, not completed from them: on the pages
        /// that had both, the regional tables together cover less than the global list (the 2018-08-02 page's lack
        /// 52.238.78.88/32, 2a01:111:f403::/48 and parts of three more), so a derived list would drop addresses EOP sends
        /// from and a firewall fed by it would block EOP mail; a trimmed copy of a page would narrow it further.
        /// </summary>
        private void RequireGlobalList(string source)
        {
            foreach (Entry entry in _entries)
            {
                if (entry.Region == EopRegion.Global) return;
            }
            throw new RangeDataException("NoGlobalRangeList",
                "'" + source + "' has regional tables but no global EOP list (the table under 'EOP IP address ranges'); every EOP page " +
                "that had regional tables also had the global list, which is what Get-EopIpRange answers by default. It is not used.");
        }

        /// <summary>By line, stably: two warnings on one line keep the order they were found in. O(n log n) at worst.</summary>
        private static List<Diagnostic> SortByLine(List<Diagnostic> diagnostics)
        {
            int count = diagnostics.Count;
            int i = 1;
            while (i < count && diagnostics[i - 1].Line <= diagnostics[i].Line) i++;
            if (i >= count) return diagnostics;
            // Unique keys (line, then arrival) make the unstable Array.Sort stable; primitive keys sort without a comparer.
            var keys = new long[count];
            var items = diagnostics.ToArray();
            for (int index = 0; index < count; index++) keys[index] = ((long)items[index].Line << 32) | (uint)index;
            Array.Sort(keys, items);
            return new List<Diagnostic>(items);
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
