using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.AllowList;
using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The comparison against a brute-force reference on thousands of random allow-lists and EOP versions from fixed
    /// seeds. Every address lies in the <see cref="AddressBlocks"/>, so each set is a bit array and every expected answer
    /// is worked out address by address.
    /// </summary>
    public class AllowListPropertyTests
    {
        private const int Cases = 1000;

        public static IEnumerable<object[]> Seeds() => new[] { 11, 12, 13, 14 }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void AgreesWithTheBruteForceReference(int seed)
        {
            var random = new Random(seed);
            for (int n = 0; n < Cases; n++)
            {
                var blocks = new AddressBlocks(random.Next(2) == 0);
                RangeData current = RandomRanges(blocks, random, "current");
                RangeData history = RandomRanges(blocks, random, "history");
                List<string> entries = Enumerable.Range(0, random.Next(0, 7)).Select(_ => RandomEntry(blocks, random)).ToList();
                List<AllowListItem> items = AllowListComparisonTests.Items(entries.ToArray());
                AllowListComparisonResult result = AllowListComparison.Compare(items, current, new[] { history });
                try
                {
                    Check(blocks, items, current, history, result);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException("seed " + seed + " case " + n + ": list [" + string.Join(", ", entries) + "], current [" +
                        string.Join(" ", current.Ranges.Select(r => r.Prefix)) + "], history [" + string.Join(" ", history.Ranges.Select(r => r.Prefix)) + "]" +
                        Environment.NewLine + string.Join(Environment.NewLine, result.Rows.Select(r => r.Status + " " + r.Entry + " +" + string.Join(" ", r.AddressesToAdd) + " -" + string.Join(" ", r.AddressesToRemove))) +
                        Environment.NewLine + e.Message);
                }
            }
        }

        private static void Check(AddressBlocks blocks, List<AllowListItem> items, RangeData current, RangeData history, AllowListComparisonResult result)
        {
            bool[] eop = blocks.Space(current.Ranges.Select(r => r.Value));
            bool[] retired = And(blocks.Space(history.Ranges.Select(r => r.Value)), Not(eop));
            var entrySpaces = items.Select(item => blocks.Space(item.Intervals)).ToList();
            bool[] listed = entrySpaces.Aggregate(new bool[blocks.Size], Or);
            List<EopAllowListEntry> entryRows = result.Rows.Take(items.Count).ToList();
            List<EopAllowListEntry> missingRows = result.Rows.Skip(items.Count).ToList();
            Assert.Equal(items.Select(i => i.Entry), entryRows.Select(r => r.Entry));
            Assert.All(missingRows, r => Assert.Equal(EopAllowListStatus.Missing, r.Status));

            // Per entry: the status, both parts, the ranges it touches, and the edit, each list minimal.
            var kept = new bool[blocks.Size];
            for (int i = 0; i < items.Count; i++)
            {
                if (!Any(And(entrySpaces[i], retired)) || items[i].Kind != AllowListItemKind.Addresses) kept = Or(kept, entrySpaces[i]);
            }
            var putBack = new bool[blocks.Size];
            for (int i = 0; i < items.Count; i++)
            {
                EopAllowListEntry row = entryRows[i];
                if (items[i].Kind != AllowListItemKind.Addresses)
                {
                    Assert.Equal(items[i].Kind == AllowListItemKind.Keyword ? EopAllowListStatus.NotComparable : EopAllowListStatus.Unrestricted, row.Status);
                    continue;
                }
                bool[] entry = entrySpaces[i], inEop = And(entry, eop), other = And(entry, Not(eop)), retiredPart = And(entry, retired);
                EopAllowListStatus status = !Any(other) ? EopAllowListStatus.Covered : Any(inEop) ? EopAllowListStatus.Partial
                    : Any(retiredPart) ? EopAllowListStatus.Stale : EopAllowListStatus.Foreign;
                Assert.Equal(status, row.Status);
                Assert.Equal(blocks.MinimalCidrs(inEop), row.EopAddresses);
                Assert.Equal(blocks.MinimalCidrs(other), row.OtherAddresses);
                Assert.Equal(Listed(blocks, current).Where(p => Any(And(blocks.Space(new[] { p }), entry))).Select(p => p.ToString()), row.Ranges.Select(r => r.Prefix));
                if (!Any(retiredPart))
                {
                    Assert.Empty(row.AddressesToRemove);
                    Assert.Empty(row.AddressesToAdd);
                    continue;
                }
                Assert.NotEqual(EopAllowListStatus.Foreign, row.Status);
                bool[] keep = And(And(And(entry, Not(retiredPart)), Not(kept)), Not(putBack));
                putBack = Or(putBack, keep);
                Assert.Equal(blocks.MinimalCidrs(entry), row.AddressesToRemove);
                Assert.Equal(blocks.MinimalCidrs(keep), row.AddressesToAdd);
            }

            // Missing: each current EOP address no entry covers, exactly once, on the outermost range that holds it.
            bool[] missing = And(eop, Not(listed));
            var missingSeen = new bool[blocks.Size];
            foreach (EopAllowListEntry row in missingRows)
            {
                bool[] toAdd = blocks.Parse(row.AddressesToAdd);
                Assert.Equal(blocks.MinimalCidrs(toAdd), row.AddressesToAdd);
                Assert.False(Any(And(toAdd, missingSeen)), "an address is listed twice as Missing");
                missingSeen = Or(missingSeen, toAdd);
                EopIpRange range = Assert.Single(row.Ranges);
                Assert.Equal(blocks.MinimalCidrs(And(blocks.Space(new[] { range.Value }), missing)), row.AddressesToAdd);
                Assert.Empty(row.AddressesToRemove);
            }
            Assert.Equal(missing, missingSeen);

            // The invariants: Covered + Partial's EOP part + Missing is the EOP space exactly (Any covers its family
            // itself); the non-EOP parts are the
            // list's address entries minus EOP (an Unrestricted row lists no parts).
            bool[] unrestricted = items.Where(i => i.Kind == AllowListItemKind.Unrestricted).Select(i => blocks.Space(i.Intervals)).Aggregate(new bool[blocks.Size], Or);
            bool[] covered = entryRows.Where(r => r.Status == EopAllowListStatus.Covered).Select(r => blocks.Parse(r.EopAddresses)).Aggregate(new bool[blocks.Size], Or);
            bool[] partial = entryRows.Where(r => r.Status == EopAllowListStatus.Partial).Select(r => blocks.Parse(r.EopAddresses)).Aggregate(new bool[blocks.Size], Or);
            Assert.Equal(And(eop, Not(unrestricted)), And(Or(Or(covered, partial), missingSeen), Not(unrestricted)));
            Assert.False(Any(And(missingSeen, unrestricted)), "an address Any covers is listed as Missing");
            bool[] addressEntries = entrySpaces.Where((_, i) => items[i].Kind == AllowListItemKind.Addresses).Aggregate(new bool[blocks.Size], Or);
            Assert.Equal(And(addressEntries, Not(eop)), entryRows.Select(r => blocks.Parse(r.OtherAddresses)).Aggregate(new bool[blocks.Size], Or));

            // The edit: dropping the entries with AddressesToRemove and adding every AddressesToAdd leaves exactly the list's
            // addresses that are not retired EOP, plus the EOP space (an Any entry is never edited); the count is what the result says.
            bool[] edited = new bool[blocks.Size];
            int count = 0;
            for (int i = 0; i < items.Count; i++)
            {
                if (entryRows[i].AddressesToRemove.Count != 0) continue;
                edited = Or(edited, entrySpaces[i]);
                count++;
            }
            foreach (EopAllowListEntry row in result.Rows)
            {
                edited = Or(edited, blocks.Parse(row.AddressesToAdd));
                count += row.AddressesToAdd.Count;
            }
            Assert.Equal(Or(Or(And(listed, Not(retired)), eop), unrestricted), edited);
            Assert.Equal(count, result.EditedEntryCount);
        }

        /// <summary>The ranges rows name: the global list's, and the regional ones with addresses outside it.</summary>
        private static IEnumerable<IpPrefix> Listed(AddressBlocks blocks, RangeData data)
        {
            List<IpPrefix> global = data.Ranges.Where(r => r.Region == EopRegion.Global).Select(r => r.Value).Distinct().ToList();
            bool[] globalSpace = blocks.Space(global);
            IEnumerable<IpPrefix> regional = data.Ranges.Where(r => r.Region != EopRegion.Global).Select(r => r.Value).Distinct()
                .Where(p => !global.Contains(p) && Any(And(blocks.Space(new[] { p }), Not(globalSpace))));
            return global.Concat(regional).OrderBy(p => p);
        }

        private static bool Any(bool[] set) => set.Any(b => b);

        private static bool[] And(bool[] a, bool[] b) => a.Select((x, i) => x && b[i]).ToArray();

        private static bool[] Or(bool[] a, bool[] b) => a.Select((x, i) => x || b[i]).ToArray();

        private static bool[] Not(bool[] a) => a.Select(x => !x).ToArray();

        private static (IPAddressFamily Family, int Offset, int Size) RandomBlock(Random random)
        {
            IPAddressFamily family = AddressBlocks.Families[random.Next(2)];
            int size = 1 << random.Next(0, 7);
            return (family, random.Next(AddressBlocks.Block / size) * size, size);
        }

        private static RangeData RandomRanges(AddressBlocks blocks, Random random, string name)
        {
            var dataSet = new EopDataSet(name, "1", null, "random", "Test", hasIPv6: true);
            var ranges = new List<EopIpRange>();
            int count = random.Next(0, 5);
            for (int i = 0; i < count; i++)
            {
                var (family, offset, size) = RandomBlock(random);
                IpPrefix prefix = TestData.Prefix(blocks.Text(family, offset) + "/" + ((family == IPAddressFamily.IPv4 ? 32 : 128) - (int)Math.Log(size, 2)));
                ranges.Add(new EopIpRange(prefix, random.Next(3) == 0 ? EopRegion.EMEA : EopRegion.Global, dataSet));
            }
            return new RangeData(dataSet, ranges, new List<ParseDiagnostic>());
        }

        /// <summary>An entry in one of the forms the reader takes: address, CIDR, mask subnet, range, keyword.</summary>
        private static string RandomEntry(AddressBlocks blocks, Random random)
        {
            int form = random.Next(11);
            if (form == 0) return "DNS";
            if (form == 10) return random.Next(2) == 0 ? "Any4" : "Any6";
            var (family, offset, size) = RandomBlock(random);
            int width = family == IPAddressFamily.IPv4 ? 32 : 128;
            int length = width - (int)Math.Log(size, 2);
            switch (form)
            {
                case 1:
                    return blocks.Text(family, offset);
                case 2:
                case 3:
                    int first = random.Next(AddressBlocks.Block), last = random.Next(first, AddressBlocks.Block);
                    return blocks.Text(family, first) + "-" + blocks.Text(family, last);
                case 4 when family == IPAddressFamily.IPv4:
                    uint mask = length == 0 ? 0 : uint.MaxValue << (32 - length);
                    return blocks.Text(family, offset) + "/" + new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, mask));
                default:
                    return blocks.Text(family, offset) + "/" + length;
            }
        }
    }
}
