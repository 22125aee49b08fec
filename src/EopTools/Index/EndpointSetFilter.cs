using System;
using System.Collections.Generic;
using System.Management.Automation;
using EopTools.Ranges;

namespace EopTools.Index
{
    /// <summary>
    /// What Get-EopEndpointSet selects: each criterion given keeps the sets matching any of its values, and the
    /// criteria together keep the sets matching all of them. An address family also narrows each set's IPs to it.
    /// </summary>
    internal sealed class EndpointSetFilter
    {
        public WildcardPattern[]? ServiceAreas { get; set; }

        public string[]? Categories { get; set; }

        public int[]? Ids { get; set; }

        public int[]? Ports { get; set; }

        /// <summary>The sets holding any of these addresses.</summary>
        public IpAddressValue[]? Addresses { get; set; }

        public IPAddressFamily[]? AddressFamilies { get; set; }

        public static WildcardPattern[] Patterns(IEnumerable<string> names)
        {
            var patterns = new List<WildcardPattern>();
            foreach (string name in names) patterns.Add(new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant));
            return patterns.ToArray();
        }

        /// <summary>The sets selected, in the order published; with address families, copies holding only those IPs.</summary>
        public List<EopEndpointSet> Select(IReadOnlyList<EopEndpointSet> sets, EndpointSetIndex index)
        {
            HashSet<EopEndpointSet>? holding = null;
            if (Addresses != null)
            {
                holding = new HashSet<EopEndpointSet>();
                foreach (IpAddressValue address in Addresses)
                {
                    foreach (EopEndpointSetMatch match in index.Find(address)) holding.Add(match.EndpointSet);
                }
            }
            var selected = new List<EopEndpointSet>();
            foreach (EopEndpointSet set in sets)
            {
                if (holding != null && !holding.Contains(set)) continue;
                if (!Matches(set)) continue;
                if (AddressFamilies == null)
                {
                    selected.Add(set);
                    continue;
                }
                EopEndpointSet narrowed = set.WithFamilies(AddressFamilies);
                if (narrowed.Ips.Count > 0) selected.Add(narrowed);
            }
            return selected;
        }

        private bool Matches(EopEndpointSet set)
        {
            if (ServiceAreas != null && !Array.Exists(ServiceAreas, p => p.IsMatch(set.ServiceArea))) return false;
            if (Categories != null && !Array.Exists(Categories, c => string.Equals(c, set.Category, StringComparison.OrdinalIgnoreCase))) return false;
            if (Ids != null && Array.IndexOf(Ids, set.Id) < 0) return false;
            if (Ports != null && !Array.Exists(Ports, set.HasPort)) return false;
            return true;
        }
    }
}
