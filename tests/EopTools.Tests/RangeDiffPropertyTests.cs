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
    /// from fixed seeds: every prefix lies in a 64-address block per family (at the bottom or the very top of the
    /// address space), so the expected answer can be worked out address by address and pair by pair.
    /// </summary>
    public class RangeDiffPropertyTests
    {
        private const int Cases = 3000;
        private const int Block = 64;
        private const int BlockBits = 6;
        private static readonly EopRegion[] Tables = { EopRegion.Global, EopRegion.Americas, EopRegion.EMEA };

        public static IEnumerable<object[]> Seeds() => new[] { 1, 2, 3, 4 }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void AgreesWithTheBruteForceReference(int seed)
        {
            var random = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                var universe = new Universe(random.Next(2) == 0);
                RangeData reference = RandomVersion(random, universe, null);
                RangeData difference = RandomVersion(random, universe, reference);
                bool includeUnchanged = random.Next(2) == 0;
                RangeDiffResult result = RangeDiff.Compare(reference, difference, includeUnchanged);
                string label = "seed " + seed + " case " + n + ": " + Describe(reference) + " => " + Describe(difference);
                try
                {
                    Check(universe, reference, difference, includeUnchanged, result);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException(label + Environment.NewLine + string.Join(Environment.NewLine, RangeDiffTests.Lines(result)) + Environment.NewLine + e.Message);
                }
            }
        }

        private static void Check(Universe universe, RangeData reference, RangeData difference, bool includeUnchanged, RangeDiffResult result)
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
            bool[] olderSpace = universe.Space(reference.Ranges.Select(r => r.Value)), newerSpace = universe.Space(difference.Ranges.Select(r => r.Value));
            var gained = new bool[universe.Size];
            var lost = new bool[universe.Size];
            List<EopRangeChange> all = result.Changes.ToList();
            for (int i = 0; i < all.Count; i++)
            {
                CheckList(universe, all[i].AddressesAdded, gained);
                CheckList(universe, all[i].AddressesRemoved, lost);
                foreach (int a in universe.Addresses(all[i].AddressesAdded)) Assert.Equal(i, OwnerRow(all, difference, reference, a, universe, isNew: true));
                foreach (int a in universe.Addresses(all[i].AddressesRemoved)) Assert.Equal(i, OwnerRow(all, reference, difference, a, universe, isNew: false));
            }
            for (int a = 0; a < universe.Size; a++)
            {
                Assert.Equal(newerSpace[a] && !olderSpace[a], gained[a]);
                Assert.Equal(olderSpace[a] && !newerSpace[a], lost[a]);
                // Applying the diff to the reference gives the difference's address space.
                Assert.Equal(newerSpace[a], (olderSpace[a] || gained[a]) && !lost[a]);
            }
        }

        private static List<IpPrefix> Prefixes(RangeData data, EopRegion table) => data.Ranges.Where(r => r.Region == table).Select(r => r.Value).Distinct().ToList();

        /// <summary>A list is the minimal CIDR set of its own addresses, and none of them was listed before.</summary>
        private static void CheckList(Universe universe, IReadOnlyList<string> list, bool[] seen)
        {
            var own = new bool[universe.Size];
            foreach (int a in universe.Addresses(list))
            {
                Assert.False(seen[a], "address listed twice");
                seen[a] = own[a] = true;
            }
            Assert.Equal(universe.MinimalCidrs(own), list);
        }

        /// <summary>
        /// The row that must list address <paramref name="a"/>: in the first table whose <paramref name="side"/> holds it,
        /// the table's own row when the other side lacks the table, else the first row of the narrowest changed prefix that holds it.
        /// </summary>
        private static int OwnerRow(List<EopRangeChange> changes, RangeData side, RangeData other, int a, Universe universe, bool isNew)
        {
            EopRegion table = Tables.First(t => Prefixes(side, t).Any(p => universe.Holds(p, a)));
            List<IpPrefix> sidePrefixes = Prefixes(side, table), otherPrefixes = Prefixes(other, table);
            if (otherPrefixes.Count == 0) return changes.FindIndex(c => c.Region == table);
            IpPrefix owner = sidePrefixes.Where(p => !otherPrefixes.Contains(p) && universe.Holds(p, a)).OrderByDescending(p => p.Length).First();
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
        private static RangeData RandomVersion(Random random, Universe universe, RangeData? from)
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
                            case 1: entries.Add((table, universe.Resize(range.Value, -1 - random.Next(3), random))); break;
                            case 2: entries.Add((table, universe.Resize(range.Value, 1 + random.Next(3), random))); break;
                            case 3: entries.Add((table, universe.Resize(range.Value, 1, random))); entries.Add((table, universe.Resize(range.Value, 1, random))); break;
                        }
                    }
                }
                int fresh = random.Next(from == null ? 9 : 3);
                for (int i = 0; i < fresh; i++) entries.Add((table, universe.RandomPrefix(random)));
            }
            if (entries.Count == 0) entries.Add((EopRegion.Global, universe.RandomPrefix(random)));
            var dataSet = new EopDataSet(from == null ? "reference" : "difference", "1", null, "random", "Test", hasIPv6: true);
            return new RangeData(dataSet, entries.Select(e => new EopIpRange(e.Prefix, e.Region, dataSet)).ToList(), new List<ParseDiagnostic>());
        }

        private static string Describe(RangeData data) => string.Join(" ", data.Ranges.Select(r => r.Region + ":" + r.Prefix));

        /// <summary>A 64-address block of each family, at the bottom of the address space or at its very top.</summary>
        private sealed class Universe
        {
            private readonly IpNumber[] _bases = new IpNumber[2];

            public Universe(bool top)
            {
                _bases[0] = top ? new IpNumber(0, 0xFFFFFFFFUL - (Block - 1)) : new IpNumber(0, 0x0A000000UL);
                _bases[1] = top ? new IpNumber(ulong.MaxValue, ulong.MaxValue - (Block - 1)) : new IpNumber(0x20010db800000000UL, 0);
            }

            /// <summary>Address i of IPv4 is index i, of IPv6 index 64 + i.</summary>
            public int Size => 2 * Block;

            public IpPrefix RandomPrefix(Random random)
            {
                var family = (IPAddressFamily)random.Next(2);
                int hostBits = random.Next(BlockBits + 1);
                IpNumber offset = new IpNumber(0, (ulong)random.Next(Block >> hostBits) << hostBits);
                return new IpPrefix(family, Add(_bases[(int)family], offset), IpAddressValue.BitWidth(family) - hostBits);
            }

            /// <summary>The prefix <paramref name="delta"/> bits longer (narrower, a random part) or shorter (wider), kept inside the block.</summary>
            public IpPrefix Resize(IpPrefix prefix, int delta, Random random)
            {
                int width = IpAddressValue.BitWidth(prefix.Family);
                int hostBits = Math.Max(0, Math.Min(BlockBits, prefix.HostBits - delta));
                IpNumber first = prefix.First.AndNot(IpNumber.LowBits(hostBits));
                if (hostBits < prefix.HostBits) first = first.Or(new IpNumber(0, (ulong)random.Next(1 << (prefix.HostBits - hostBits)) << hostBits));
                return new IpPrefix(prefix.Family, first, width - hostBits);
            }

            public bool Holds(IpPrefix prefix, int address)
            {
                (IPAddressFamily family, IpNumber number) = At(address);
                return prefix.Contains(new IpAddressValue(family, number));
            }

            public bool[] Space(IEnumerable<IpPrefix> prefixes)
            {
                var space = new bool[Size];
                foreach (IpPrefix prefix in prefixes)
                {
                    for (int a = 0; a < Size; a++) space[a] |= Holds(prefix, a);
                }
                return space;
            }

            public IEnumerable<int> Addresses(IEnumerable<string> cidrs)
            {
                foreach (string cidr in cidrs)
                {
                    IpPrefix prefix = TestData.Prefix(cidr);
                    for (int a = 0; a < Size; a++)
                    {
                        if (Holds(prefix, a)) yield return a;
                    }
                }
            }

            /// <summary>By definition: every aligned block inside the set whose parent block is not, in address order.</summary>
            public List<string> MinimalCidrs(bool[] space)
            {
                var cidrs = new List<(int Start, string Text)>();
                for (int family = 0; family < 2; family++)
                {
                    int width = IpAddressValue.BitWidth((IPAddressFamily)family);
                    for (int hostBits = 0; hostBits <= BlockBits; hostBits++)
                    {
                        for (int start = 0; start < Block; start += 1 << hostBits)
                        {
                            if (!Full(space, family, start, 1 << hostBits)) continue;
                            int parent = start & ~(1 << hostBits);
                            if (hostBits < BlockBits && Full(space, family, parent, 2 << hostBits)) continue;
                            var prefix = new IpPrefix((IPAddressFamily)family, Add(_bases[family], new IpNumber(0, (ulong)start)), width - hostBits);
                            cidrs.Add((family * Block + start, prefix.ToString()));
                        }
                    }
                }
                return cidrs.OrderBy(c => c.Start).Select(c => c.Text).ToList();
            }

            private static bool Full(bool[] space, int family, int start, int count)
            {
                for (int i = start; i < start + count; i++)
                {
                    if (!space[family * Block + i]) return false;
                }
                return true;
            }

            private (IPAddressFamily Family, IpNumber Number) At(int address) =>
                ((IPAddressFamily)(address / Block), Add(_bases[address / Block], new IpNumber(0, (ulong)(address % Block))));

            private static IpNumber Add(IpNumber a, IpNumber b) => a.Or(b);
        }
    }
}
