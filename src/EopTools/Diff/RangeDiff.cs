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
        public RangeDiffResult(EopDataSet reference, EopDataSet difference, IReadOnlyList<EopRegion> regions, IReadOnlyList<EopRangeChange> changes, IReadOnlyList<string> warnings,
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

        /// <summary>By table, then family, then address.</summary>
        public IReadOnlyList<EopRangeChange> Changes { get; }

        public IReadOnlyList<string> Warnings { get; }

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
            var warnings = new List<string>();
            bool compareIPv6 = families == null || families.Contains(IPAddressFamily.IPv6);
            if (compareIPv6 && olderSet.HasIPv6 != newerSet.HasIPv6)
            {
                // Like with like: a list that carries no IPv6 at all (the web service's NoIPv6 answer, an IPv4-only
                // file) says nothing about IPv6, so the other list's IPv6 ranges are neither removed nor added.
                compareIPv6 = false;
                bool olderLacks = !olderSet.HasIPv6;
                int left = (olderLacks ? difference : reference).Ranges.Count(r => r.AddressFamily == IPAddressFamily.IPv6 && (tables == null || tables.Contains(r.Region)));
                if (left > 0)
                {
                    warnings.Add("The " + (olderLacks ? "reference" : "difference") + " '" + (olderLacks ? olderSet : newerSet) +
                        "' carries no IPv6 (a NoIPv6 list), so IPv6 is not compared: the " + (olderLacks ? "difference" : "reference") + "'s " + left +
                        " IPv6 ranges are not reported as " + (olderLacks ? "added" : "removed") + ".");
                }
            }
            bool Compared(EopIpRange range) =>
                range.AddressFamily == IPAddressFamily.IPv6 ? compareIPv6 : families == null || families.Contains(IPAddressFamily.IPv4);

            bool InScope(EopIpRange range) => (tables == null || tables.Contains(range.Region)) && Compared(range);
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
            return new RangeData(dataSet, ranges, Array.Empty<ParseDiagnostic>());
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

        private static List<string>? Texts(List<IpPrefix>? prefixes) => prefixes == null ? null : IpPrefix.Texts(prefixes);
    }
}
