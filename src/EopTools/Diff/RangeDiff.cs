using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Diff
{
    /// <summary>A comparison: both data sets, the tables compared, the changes in output order, and what to warn about.</summary>
    internal sealed class RangeDiffResult
    {
        public RangeDiffResult(EopDataSet reference, EopDataSet difference, IReadOnlyList<EopRegion> regions, IReadOnlyList<EopRangeChange> changes, IReadOnlyList<Diagnostic> warnings,
            RuleEdit edit)
        {
            Reference = reference;
            Difference = difference;
            Regions = regions;
            Changes = changes;
            Warnings = warnings;
            Open = IpPrefix.Texts(edit.Open);
            Close = IpPrefix.Texts(edit.Close);
        }

        public EopDataSet Reference { get; }

        public EopDataSet Difference { get; }

        /// <summary>The tables that either data set has (within the scope asked for), in table order.</summary>
        public IReadOnlyList<EopRegion> Regions { get; }

        /// <summary>Either side has a regional table in the scope compared, so a change's Region tells something.</summary>
        public bool HasRegionalTables => Regions.Any(region => region != EopRegion.Global);

        /// <summary>By table, then family, then address.</summary>
        public IReadOnlyList<EopRangeChange> Changes { get; }

        public IReadOnlyList<Diagnostic> Warnings { get; }

        /// <summary>What a rule that holds the reference's compared entries opens (see <see cref="RuleEdit"/>).</summary>
        public IReadOnlyList<string> Open { get; }

        /// <summary>What that rule closes.</summary>
        public IReadOnlyList<string> Close { get; }
    }

    /// <summary>Compares two versions of the ranges table by table: a table on one side only is one change, the rest go to <see cref="PrefixDiff"/>.</summary>
    internal static class RangeDiff
    {

        /// <param name="tables">The tables to compare; null for all.</param>
        /// <param name="families">The address families to compare; null for both.</param>
        public static RangeDiffResult Compare(RangeData reference, RangeData difference, bool includeUnchanged,
            ICollection<EopRegion>? tables = null, ICollection<IPAddressFamily>? families = null)
        {
            EopDataSet olderSet = reference.DataSet;
            EopDataSet newerSet = difference.DataSet;
            var warnings = new List<Diagnostic>();
            bool InScope(EopIpRange range) => (tables == null || tables.Contains(range.Region)) && (families == null || families.Contains(range.AddressFamily));
            foreach (IPAddressFamily family in new[] { IPAddressFamily.IPv4, IPAddressFamily.IPv6 })
            {
                int had = reference.Ranges.Count(r => r.AddressFamily == family && InScope(r));
                int has = difference.Ranges.Count(r => r.AddressFamily == family && InScope(r));
                // A family on one side only is reported range by range, as every other change: a firewall rule set from the
                // difference loses (or gains) it all. The warning says why, as a NoIPv6 answer is not Microsoft retiring IPv6.
                if (had > 0 && has == 0) warnings.Add(FamilyWarning("difference", newerSet, family, "reference", had, "removed"));
                else if (had == 0 && has > 0) warnings.Add(FamilyWarning("reference", olderSet, family, "difference", has, "added"));
            }
            List<IpPrefix>?[] older = ByTable(reference.Ranges, InScope);
            List<IpPrefix>?[] newer = ByTable(difference.Ranges, InScope);
            // The lists name the addresses that enter or leave EOP as a whole: all compared tables together.
            var unlisted = new UnlistedAddresses(Space(older), Space(newer));
            var regions = new List<EopRegion>();
            var changes = new List<EopRangeChange>();
            for (int table = 0; table < EopRegions.Count; table++)
            {
                var region = (EopRegion)table;
                if (tables != null && !tables.Contains(region)) continue;
                List<IpPrefix>? olderTable = older[table], newerTable = newer[table];
                if (olderTable == null && newerTable == null) continue;
                regions.Add(region);

                if (newerTable == null)
                {
                    List<IpPrefix> removed = unlisted.TakeRemoved(AddressSpace.FromPrefixes(olderTable!)).ToPrefixes();
                    changes.Add(new EopRangeChange(EopRangeChangeKind.TableRemoved, region, null, null, null, null, Texts(removed), olderSet, newerSet));
                }
                else if (olderTable == null)
                {
                    List<IpPrefix> added = unlisted.TakeAdded(AddressSpace.FromPrefixes(newerTable)).ToPrefixes();
                    changes.Add(new EopRangeChange(EopRangeChangeKind.TableAdded, region, null, null, null, Texts(added), null, olderSet, newerSet));
                }
                else
                {
                    foreach (PrefixChange change in PrefixDiff.Compare(olderTable, newerTable, includeUnchanged, unlisted))
                    {
                        IpPrefix key = change.Reference ?? change.Difference!.Value;
                        changes.Add(new EopRangeChange(change.Kind, region, key.Family, change.Reference?.ToString(), change.Difference?.ToString(),
                            Texts(change.AddressesAdded), Texts(change.AddressesRemoved), olderSet, newerSet));
                    }
                }
            }
            return new RangeDiffResult(olderSet, newerSet, regions, changes, warnings, new RuleEdit(Entries(older), Entries(newer)));
        }

        /// <summary>
        /// Ranges given as objects, as one data set: theirs when they share one, else one that names them all.
        /// </summary>
        public static RangeData FromRanges(IReadOnlyList<EopIpRange> ranges)
        {
            List<EopDataSet> sets = ranges.Select(r => r.DataSet).Distinct().ToList();
            EopDataSet dataSet = sets.Count == 1
                ? sets[0]
                : new EopDataSet(
                    string.Join(" + ", sets.Select(s => s.Name).Distinct()),
                    string.Join(", ", sets.Select(s => s.Version).Distinct()),
                    null,
                    string.Join("; ", sets.Select(s => s.Source).Distinct()),
                    "Objects",
                    sets.Any(s => s.HasIPv6));
            return new RangeData(dataSet, ranges, Array.Empty<Diagnostic>());
        }

        /// <summary>The compared prefixes of each table the ranges have; a table is there even when none of its prefixes is compared.</summary>
        private static List<IpPrefix>?[] ByTable(IReadOnlyList<EopIpRange> ranges, Func<EopIpRange, bool> compared)
        {
            var tables = new List<IpPrefix>?[EopRegions.Count];
            foreach (EopIpRange range in ranges)
            {
                List<IpPrefix> table = tables[(int)range.Region] ??= new List<IpPrefix>();
                if (compared(range)) table.Add(range.Value);
            }
            return tables;
        }

        private static AddressSpace Space(List<IpPrefix>?[] tables) => AddressSpace.FromPrefixes(Entries(tables));

        private static List<IpPrefix> Entries(List<IpPrefix>?[] tables)
        {
            var prefixes = new List<IpPrefix>();
            foreach (List<IpPrefix>? table in tables)
            {
                if (table != null) prefixes.AddRange(table);
            }
            return prefixes;
        }

        private static Diagnostic FamilyWarning(string side, EopDataSet lacking, IPAddressFamily family, string otherSide, int count, string reported) =>
            new Diagnostic("AddressFamilyMissing", "The " + side + " '" + lacking + "' has no " + family + " range" +
            (family == IPAddressFamily.IPv6 && !lacking.HasIPv6 ? " (it carries no IPv6 at all, as a web service answer requested with NoIPv6 does)" : "") +
            ": all " + count + " " + family + " ranges of the " + otherSide + " are reported as " + reported + ".", lacking.Source);

        private static List<string>? Texts(List<IpPrefix>? prefixes) => prefixes == null ? null : IpPrefix.Texts(prefixes);
    }
}
