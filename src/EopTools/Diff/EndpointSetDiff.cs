using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Diff
{
    /// <summary>Two versions that cannot be compared set by set: another instance, or one answer without IPv6.</summary>
    internal sealed class EndpointSetDiffException : EopToolsException
    {
        public EndpointSetDiffException(string errorId, string message)
            : base(errorId, message, null)
        {
        }
    }

    /// <summary>
    /// Compares two web service answers endpoint set by endpoint set (by id): sets added and removed, and per set the
    /// IPs (in address space, as the EOP diff does), URLs, ports, category and flags that changed. Only like with like:
    /// answers of two instances are refused, and so is an answer requested without IPv6 against one with it, unless
    /// the caller compares the IPv4 part only.
    /// </summary>
    internal static class EndpointSetDiff
    {
        public const string OtherInstance = "EndpointSetsOfAnotherInstance";
        public const string UnlikeFamilies = "EndpointSetsWithoutIPv6";

        public static List<EopEndpointSetChange> Compare(RangeData reference, RangeData difference, bool ipv4Only)
        {
            EopDataSet older = reference.DataSet, newer = difference.DataSet;
            RequireSameInstance(reference, difference);
            if (!ipv4Only && older.HasIPv6 != newer.HasIPv6)
            {
                EopDataSet lacking = older.HasIPv6 ? newer : older;
                throw new EndpointSetDiffException(UnlikeFamilies,
                    "'" + lacking + "' carries no IPv6 (an answer requested with NoIPv6) and the other answer does, so every IPv6 range would read as " +
                    (older.HasIPv6 ? "removed" : "added") + ". Compare the IPv4 part only (-IPv4Only), or two answers requested alike.");
            }
            Dictionary<int, EopEndpointSet> olderSets = reference.EndpointSets!.ToDictionary(s => s.Id);
            Dictionary<int, EopEndpointSet> newerSets = difference.EndpointSets!.ToDictionary(s => s.Id);
            var changes = new List<EopEndpointSetChange>();
            foreach (int id in olderSets.Keys.Union(newerSets.Keys).OrderBy(i => i))
            {
                olderSets.TryGetValue(id, out EopEndpointSet? before);
                newerSets.TryGetValue(id, out EopEndpointSet? after);
                EopEndpointSetChange? change = Compare(before, after, ipv4Only, older, newer);
                if (change != null) changes.Add(change);
            }
            return changes;
        }

        /// <summary>Whether anything in the endpoint sets differs, IPv6 included; false when either has no sets.</summary>
        public static bool AnyChanged(RangeData reference, RangeData difference)
        {
            if (reference.EndpointSets == null || difference.EndpointSets == null) return reference.EndpointSets != difference.EndpointSets;
            if (reference.DataSet.HasIPv6 != difference.DataSet.HasIPv6) return true;
            Dictionary<int, EopEndpointSet> olderSets = reference.EndpointSets.ToDictionary(s => s.Id);
            if (olderSets.Count != difference.EndpointSets.Count) return true;
            foreach (EopEndpointSet after in difference.EndpointSets)
            {
                if (!olderSets.TryGetValue(after.Id, out EopEndpointSet? before)) return true;
                if (Compare(before, after, false, reference.DataSet, difference.DataSet) != null) return true;
            }
            return false;
        }

        /// <summary>
        /// The instance when both answers know theirs; else the EOP set (Exchange, TCP 25), whose id differs between
        /// instances (10 Worldwide, 6 US Government, 2 China): answers whose EOP sets share no id are of two instances.
        /// </summary>
        private static void RequireSameInstance(RangeData reference, RangeData difference)
        {
            string? olderInstance = reference.DataSet.Instance, newerInstance = difference.DataSet.Instance;
            if (olderInstance != null && newerInstance != null && !string.Equals(olderInstance, newerInstance, StringComparison.OrdinalIgnoreCase))
            {
                throw new EndpointSetDiffException(OtherInstance, "'" + reference.DataSet + "' is of " + olderInstance + " and '" + difference.DataSet + "' of " +
                    newerInstance + ": endpoint set ids differ between instances, so their sets cannot be compared.");
            }
            var olderEop = new HashSet<int>(reference.Ranges.Where(r => r.EndpointSet != null).Select(r => r.EndpointSet!.Id));
            var newerEop = new HashSet<int>(difference.Ranges.Where(r => r.EndpointSet != null).Select(r => r.EndpointSet!.Id));
            if (olderEop.Count > 0 && newerEop.Count > 0 && !olderEop.Overlaps(newerEop))
            {
                throw new EndpointSetDiffException(OtherInstance, "The EOP set is " + string.Join(", ", olderEop.OrderBy(i => i)) + " in '" + reference.DataSet +
                    "' and " + string.Join(", ", newerEop.OrderBy(i => i)) + " in '" + difference.DataSet +
                    "': these are answers of two instances (EOP is set 10 in Worldwide, 6 in the US Government clouds, 2 in China), whose set ids differ.");
            }
        }

        private static EopEndpointSetChange? Compare(EopEndpointSet? before, EopEndpointSet? after, bool ipv4Only, EopDataSet older, EopDataSet newer)
        {
            AddressSpace olderSpace = Space(before, ipv4Only), newerSpace = Space(after, ipv4Only);
            List<string> added = newerSpace.Subtract(olderSpace).ToCidrs(), removed = olderSpace.Subtract(newerSpace).ToCidrs();
            List<string> urlsAdded = Missing(after, before), urlsRemoved = Missing(before, after);
            if (before == null || after == null)
            {
                var kind = before == null ? EopEndpointSetChangeKind.Added : EopEndpointSetChangeKind.Removed;
                return new EopEndpointSetChange(kind, before, after, new List<string>(), added, removed, urlsAdded, urlsRemoved, older, newer);
            }
            var properties = new List<string>();
            if (added.Count > 0 || removed.Count > 0) properties.Add("Ips");
            if (urlsAdded.Count > 0 || urlsRemoved.Count > 0) properties.Add("Urls");
            if (PortKey(before.TcpPortRanges) != PortKey(after.TcpPortRanges)) properties.Add("TcpPorts");
            if (PortKey(before.UdpPortRanges) != PortKey(after.UdpPortRanges)) properties.Add("UdpPorts");
            if (!string.Equals(before.Category, after.Category, StringComparison.OrdinalIgnoreCase)) properties.Add("Category");
            if (before.Required != after.Required) properties.Add("Required");
            if (before.ExpressRoute != after.ExpressRoute) properties.Add("ExpressRoute");
            return properties.Count == 0 ? null
                : new EopEndpointSetChange(EopEndpointSetChangeKind.Changed, before, after, properties, added, removed, urlsAdded, urlsRemoved, older, newer);
        }

        private static AddressSpace Space(EopEndpointSet? set, bool ipv4Only) =>
            AddressSpace.FromPrefixes(set == null ? Enumerable.Empty<IpPrefix>()
                : set.Ips.Where(r => !ipv4Only || r.AddressFamily == IPAddressFamily.IPv4).Select(r => r.Value));

        /// <summary>The URLs of one set that the other lacks, as published; host names compare without case.</summary>
        private static List<string> Missing(EopEndpointSet? of, EopEndpointSet? from)
        {
            if (of == null) return new List<string>();
            var other = new HashSet<string>(from?.Urls ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            return of.Urls.Where(u => !other.Contains(u)).ToList();
        }

        /// <summary>The ports as one text whatever their order or spacing: sorted, overlapping and adjacent ranges merged.</summary>
        private static string PortKey(IEnumerable<EopPortRange> ports)
        {
            var merged = new List<KeyValuePair<int, int>>();
            foreach (EopPortRange port in ports.OrderBy(p => p.First))
            {
                if (merged.Count > 0 && port.First <= merged[merged.Count - 1].Value + 1)
                {
                    merged[merged.Count - 1] = new KeyValuePair<int, int>(merged[merged.Count - 1].Key, Math.Max(merged[merged.Count - 1].Value, port.Last));
                }
                else
                {
                    merged.Add(new KeyValuePair<int, int>(port.First, port.Last));
                }
            }
            return string.Join(",", merged.Select(p => p.Key + "-" + p.Value));
        }
    }
}
