using System.Collections.Generic;
using System.Linq;
using EopTools.AllowList;
using EopTools.Parsing;

namespace EopTools.Diff
{
    /// <summary>
    /// What a comparison covers. Ranges given as objects are a selection (Get-EopIpRange -Region EMEA, -AddressFamily
    /// IPv4), so only the tables and address families that every selection includes are compared; a file or the
    /// session's data is a whole version and narrows nothing, and neither does the missing IPv6 of data that has none.
    /// </summary>
    internal sealed class DiffScope
    {
        private DiffScope(HashSet<EopRegion>? tables, HashSet<IPAddressFamily>? families)
        {
            Tables = tables;
            Families = families;
        }

        /// <summary>The tables to compare; null for all.</summary>
        public HashSet<EopRegion>? Tables { get; }

        /// <summary>The address families to compare; null for both.</summary>
        public HashSet<IPAddressFamily>? Families { get; }

        /// <summary>The scope of the given selections; a null one is a whole version.</summary>
        public static DiffScope Of(params IReadOnlyList<EopIpRange>?[] selections)
        {
            HashSet<EopRegion>? tables = null;
            HashSet<IPAddressFamily>? families = null;
            foreach (IReadOnlyList<EopIpRange>? selection in selections)
            {
                if (selection == null) continue;
                var selectedTables = new HashSet<EopRegion>(selection.Select(r => r.Region));
                var selectedFamilies = new HashSet<IPAddressFamily>(selection.Select(r => r.AddressFamily));
                // The ranges of data that carries no IPv6 at all (a NoIPv6 answer) are all of it, not an IPv4 selection:
                // against data with IPv6, that family went or came back, and the comparison shows it.
                if (selection.All(r => !r.DataSet.HasIPv6 && r.DataSet.Format != AllowListRanges.Format)) selectedFamilies.Add(IPAddressFamily.IPv6);
                if (tables == null || families == null)
                {
                    tables = selectedTables;
                    families = selectedFamilies;
                    continue;
                }
                tables.IntersectWith(selectedTables);
                families.IntersectWith(selectedFamilies);
            }
            return new DiffScope(tables, families);
        }

        public RangeDiffResult Compare(RangeData reference, RangeData difference, bool includeUnchanged) =>
            RangeDiff.Compare(reference, difference, includeUnchanged, Tables, Families);

        /// <summary>For a verbose message: which tables and families, or null when the scope is everything.</summary>
        public string? Describe() =>
            Tables == null || Families == null
                ? null
                : "the tables (" + string.Join(", ", Tables.OrderBy(t => t)) + ") and families (" + string.Join(", ", Families.OrderBy(f => f)) + ") of the ranges given";
    }
}
