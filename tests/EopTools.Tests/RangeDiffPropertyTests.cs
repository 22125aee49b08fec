using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.Diff;
using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The diff against a brute-force reference, on thousands of small random pairs of versions with regional tables,
    /// from fixed seeds: every prefix lies in the <see cref="AddressBlocks"/>, so the expected answer can be worked out
    /// address by address and pair by pair.
    /// </summary>
    public class RangeDiffPropertyTests
    {
        private const int Cases = 3000;
        private static readonly EopRegion[] Tables = { EopRegion.Global, EopRegion.Americas, EopRegion.EMEA };

        public static IEnumerable<object[]> Seeds() => new[] { 1, 2, 3, 4 }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void AgreesWithTheBruteForceReference(int seed)
        {
            var random = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                var blocks = new AddressBlocks(random.Next(2) == 0);
                RangeData reference = RandomVersion(random, blocks, null);
                RangeData difference = RandomVersion(random, blocks, reference);
                bool includeUnchanged = random.Next(2) == 0;
                RangeDiffResult result = RangeDiff.Compare(reference, difference, includeUnchanged);
                string label = "seed " + seed + " case " + n + ": " + Describe(reference) + " => " + Describe(difference);
                try
                {
                    Check(blocks, reference, difference, includeUnchanged, result);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException(label + Environment.NewLine + string.Join(Environment.NewLine, RangeDiffTests.Lines(result)) + Environment.NewLine + e.Message);
                }
            }
        }

        private static void Check(AddressBlocks blocks, RangeData reference, RangeData difference, bool includeUnchanged, RangeDiffResult result)
        {
            var expectedRegions = Tables.Where(t => reference.Ranges.Any(r => r.Region == t) || difference.Ranges.Any(r => r.Region == t)).ToList();
            Assert.Equal(expectedRegions, result.Regions);
            Assert.Equal(result.Changes.OrderBy(c => c.Region).ToList(), result.Changes);

            foreach (EopRegion table in expectedRegions)
            {
                List<IpPrefix> older = Prefixes(reference, table), newer = Prefixes(difference, table);
                List<EopRangeChange> changes = result.Changes.Where(c => c.Region == table).ToList();
                if (older.Count == 0 || newer.Count == 0)
                {
                    EopRangeChange change = Assert.Single(changes);
                    Assert.Equal(older.Count == 0 ? EopRangeChangeKind.TableAdded : EopRangeChangeKind.TableRemoved, change.Change);
                    continue;
                }

                // The rows: exactly the brute-force classification, in address order.
                Assert.Equal(ExpectedRows(older, newer, includeUnchanged).OrderBy(r => r, StringComparer.Ordinal), changes.Select(Row).OrderBy(r => r, StringComparer.Ordinal));
                for (int i = 1; i < changes.Count; i++) Assert.True(Key(changes[i - 1]).CompareTo(Key(changes[i])) <= 0, "out of address order at row " + i);
            }

            // The addresses, pooled over all changes of all tables: each list minimal, each address listed once, exactly
            // the gain and the loss of the whole address space, each on the row the rule names.
            bool[] olderSpace = blocks.Space(reference.Ranges.Select(r => r.Value)), newerSpace = blocks.Space(difference.Ranges.Select(r => r.Value));
            var gained = new bool[blocks.Size];
            var lost = new bool[blocks.Size];
            List<EopRangeChange> all = result.Changes.ToList();
            for (int i = 0; i < all.Count; i++)
            {
                CheckList(blocks, all[i].AddressesAdded, gained);
                CheckList(blocks, all[i].AddressesRemoved, lost);
                foreach (int a in blocks.Addresses(all[i].AddressesAdded)) Assert.Equal(i, OwnerRow(all, difference, reference, a, blocks, isNew: true));
                foreach (int a in blocks.Addresses(all[i].AddressesRemoved)) Assert.Equal(i, OwnerRow(all, reference, difference, a, blocks, isNew: false));
            }
            for (int a = 0; a < blocks.Size; a++)
            {
                Assert.Equal(newerSpace[a] && !olderSpace[a], gained[a]);
                Assert.Equal(olderSpace[a] && !newerSpace[a], lost[a]);
                // Applying the diff to the reference gives the difference's address space.
                Assert.Equal(newerSpace[a], (olderSpace[a] || gained[a]) && !lost[a]);
            }
        }

        private static List<IpPrefix> Prefixes(RangeData data, EopRegion table) => data.Ranges.Where(r => r.Region == table).Select(r => r.Value).Distinct().ToList();

        /// <summary>A list is the minimal CIDR set of its own addresses, and none of them was listed before.</summary>
        private static void CheckList(AddressBlocks blocks, IReadOnlyList<string> list, bool[] seen)
        {
            var own = new bool[blocks.Size];
            foreach (int a in blocks.Addresses(list))
            {
                Assert.False(seen[a], "address listed twice");
                seen[a] = own[a] = true;
            }
            Assert.Equal(blocks.MinimalCidrs(own), list);
        }

        /// <summary>
        /// The row that must list address <paramref name="a"/>: in the first table whose <paramref name="side"/> holds it,
        /// the table's own row when the other side lacks the table, else the first row of the narrowest changed prefix that holds it.
        /// </summary>
        private static int OwnerRow(List<EopRangeChange> changes, RangeData side, RangeData other, int a, AddressBlocks blocks, bool isNew)
        {
            EopRegion table = Tables.First(t => Prefixes(side, t).Any(p => blocks.Holds(p, a)));
            List<IpPrefix> sidePrefixes = Prefixes(side, table), otherPrefixes = Prefixes(other, table);
            if (otherPrefixes.Count == 0) return changes.FindIndex(c => c.Region == table);
            IpPrefix owner = sidePrefixes.Where(p => !otherPrefixes.Contains(p) && blocks.Holds(p, a)).OrderByDescending(p => p.Length).First();
            return changes.FindIndex(c => c.Region == table && (isNew ? c.DifferencePrefix : c.ReferencePrefix) == owner.ToString() && c.Change != EopRangeChangeKind.Unchanged);
        }

        /// <summary>The classification by definition, pair by pair.</summary>
        private static IEnumerable<string> ExpectedRows(List<IpPrefix> older, List<IpPrefix> newer, bool includeUnchanged)
        {
            var rows = new List<string>();
            List<IpPrefix> gone = older.Where(p => !newer.Contains(p)).ToList();
            List<IpPrefix> come = newer.Where(p => !older.Contains(p)).ToList();
            if (includeUnchanged) rows.AddRange(older.Where(newer.Contains).Select(p => "Unchanged " + p + " " + p));
            var paired = new HashSet<IpPrefix>();
            foreach (IpPrefix r in gone)
            {
                IpPrefix? wider = Narrowest(come.Where(d => d.Contains(r) && !d.Equals(r)));
                if (wider == null) continue;
                rows.Add("Widened " + r + " " + wider);
                paired.Add(r);
                paired.Add(wider.Value);
            }
            foreach (IpPrefix d in come)
            {
                IpPrefix? container = Narrowest(gone.Where(r => r.Contains(d) && !r.Equals(d)));
                if (container == null) continue;
                rows.Add("Narrowed " + container + " " + d);
                paired.Add(d);
                paired.Add(container.Value);
            }
            rows.AddRange(gone.Where(r => !paired.Contains(r)).Select(r => "Removed " + r + " "));
            rows.AddRange(come.Where(d => !paired.Contains(d)).Select(d => "Added  " + d));
            return rows;
        }

        private static IpPrefix? Narrowest(IEnumerable<IpPrefix> prefixes) =>
            prefixes.OrderByDescending(p => p.Length).Select(p => (IpPrefix?)p).FirstOrDefault();

        private static string Row(EopRangeChange c) => c.Change + " " + c.ReferencePrefix + " " + c.DifferencePrefix;

        private static IpPrefix Key(EopRangeChange c) => TestData.Prefix(c.ReferencePrefix ?? c.DifferencePrefix!);

        /// <summary>
        /// A random version: up to 8 prefixes in each of three tables (a table may be missing); the difference keeps,
        /// widens, narrows or drops each of the reference's prefixes and adds new ones, so containment is common.
        /// </summary>
        private static RangeData RandomVersion(Random random, AddressBlocks blocks, RangeData? from)
        {
            var entries = new List<(EopRegion Region, IpPrefix Prefix)>();
            foreach (EopRegion table in Tables)
            {
                if (random.Next(6) == 0) continue;
                if (from != null)
                {
                    foreach (EopIpRange range in from.Ranges.Where(r => r.Region == table))
                    {
                        switch (random.Next(5))
                        {
                            case 0: entries.Add((table, range.Value)); break;
                            case 1: entries.Add((table, Resize(range.Value, -1 - random.Next(3), random))); break;
                            case 2: entries.Add((table, Resize(range.Value, 1 + random.Next(3), random))); break;
                            case 3: entries.Add((table, Resize(range.Value, 1, random))); entries.Add((table, Resize(range.Value, 1, random))); break;
                        }
                    }
                }
                int fresh = random.Next(from == null ? 9 : 3);
                for (int i = 0; i < fresh; i++) entries.Add((table, RandomPrefix(blocks, random)));
            }
            if (entries.Count == 0) entries.Add((EopRegion.Global, RandomPrefix(blocks, random)));
            var dataSet = new EopDataSet(from == null ? "reference" : "difference", "1", null, "random", "Test", hasIPv6: true);
            return new RangeData(dataSet, entries.Select(e => new EopIpRange(e.Prefix, e.Region, dataSet)).ToList(), new List<Diagnostic>());
        }

        private static IpPrefix RandomPrefix(AddressBlocks blocks, Random random)
        {
            var family = (IPAddressFamily)random.Next(2);
            int hostBits = random.Next(AddressBlocks.BlockBits + 1);
            return blocks.Prefix(family, random.Next(AddressBlocks.Block >> hostBits) << hostBits, hostBits);
        }

        /// <summary>The prefix <paramref name="delta"/> bits longer (narrower, a random part) or shorter (wider), kept inside the block.</summary>
        private static IpPrefix Resize(IpPrefix prefix, int delta, Random random)
        {
            int width = IpAddressValue.BitWidth(prefix.Family);
            int hostBits = Math.Max(0, Math.Min(AddressBlocks.BlockBits, prefix.HostBits - delta));
            IpNumber first = prefix.First.AndNot(IpNumber.LowBits(hostBits));
            if (hostBits < prefix.HostBits) first = first.Or(new IpNumber(0, (ulong)random.Next(1 << (prefix.HostBits - hostBits)) << hostBits));
            return new IpPrefix(prefix.Family, first, width - hostBits);
        }

        private static string Describe(RangeData data) => string.Join(" ", data.Ranges.Select(r => r.Region + ":" + r.Prefix));
    }
}
