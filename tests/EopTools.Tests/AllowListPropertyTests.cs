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

        /// <summary>Every address of a family, in each form a list holds it (Exchange's default RemoteIPRanges first).</summary>
        private static readonly string[] WholeFamily =
        {
            "0.0.0.0-255.255.255.255", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0/0", "::/0", "0.0.0.0/0.0.0.0", "*", "Any",
        };

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
            bool[] everEop = Or(eop, retired);
            var entrySpaces = items.Select(item => blocks.Space(item.Intervals)).ToList();
            List<EopAllowListEntry> entryRows = result.Rows.Take(items.Count).ToList();
            List<EopAllowListEntry> missingRows = result.Rows.Skip(items.Count).ToList();
            Assert.Equal(items.Select(i => i.Entry), entryRows.Select(r => r.Entry));
            Assert.All(missingRows, r => Assert.Equal(EopAllowListStatus.Missing, r.Status));

            // Per entry: the status, both parts, the ranges it touches; removed exactly when made of EOP space, retired or
            // current, and holding retired space. An entry with addresses that never were EOP is kept whole, with a warning
            // when it holds retired space.
            var removed = new bool[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                EopAllowListEntry row = entryRows[i];
                if (items[i].Kind != AllowListItemKind.Addresses)
                {
                    Assert.Equal(items[i].Kind == AllowListItemKind.Keyword ? EopAllowListStatus.NotComparable : EopAllowListStatus.Unrestricted, row.Status);
                    Assert.Empty(row.AddressesToAdd);
                    Assert.Empty(row.AddressesToRemove);
                    continue;
                }
                bool[] entry = entrySpaces[i], inEop = And(entry, eop), other = And(entry, Not(eop)), retiredPart = And(entry, retired);
                EopAllowListStatus status = !Any(other) ? EopAllowListStatus.Covered : Any(inEop) ? EopAllowListStatus.Partial
                    : Any(retiredPart) ? EopAllowListStatus.Stale : EopAllowListStatus.Foreign;
                Assert.Equal(status, row.Status);
                Assert.Equal(blocks.MinimalCidrs(inEop), row.EopAddresses);
                Assert.Equal(blocks.MinimalCidrs(other), row.OtherAddresses);
                Assert.Equal(Listed(blocks, current).Where(p => Any(And(blocks.Space(new[] { p }), entry))).Select(p => p.ToString()), row.Ranges.Select(r => r.Prefix));
                bool neverEop = Any(And(entry, Not(everEop)));
                removed[i] = Any(retiredPart) && !neverEop;
                Assert.Equal(removed[i] ? blocks.MinimalCidrs(entry) : new List<string>(), row.AddressesToRemove);
                bool warned = result.Warnings.Any(w => w.Message.StartsWith("'" + items[i].Entry + "' holds ", StringComparison.Ordinal));
                Assert.Equal(Any(retiredPart) && neverEop, warned);
            }

            // What to add: each outermost current range, whole, that the kept entries do not hold whole, exactly once (the
            // fewest whole prefixes: outermost ranges are disjoint and each needs one). A removed entry puts back those it
            // overlaps that no earlier one did; the rest are Missing rows, one range each, in address order.
            bool[] kept = entrySpaces.Where((_, i) => !removed[i]).Aggregate(new bool[blocks.Size], Or);
            List<IpPrefix> outermost = Outermost(blocks, current);
            List<IpPrefix> needed = outermost.Where(p => !Subset(blocks.Space(new[] { p }), kept)).ToList();
            var unassigned = new List<IpPrefix>(needed);
            for (int i = 0; i < items.Count; i++)
            {
                List<IpPrefix> putBack = removed[i] ? unassigned.Where(p => Any(And(blocks.Space(new[] { p }), entrySpaces[i]))).ToList() : new List<IpPrefix>();
                unassigned.RemoveAll(putBack.Contains);
                Assert.Equal(putBack.Select(p => p.ToString()), entryRows[i].AddressesToAdd);
            }
            Assert.Equal(unassigned.Select(p => p.ToString()), missingRows.SelectMany(r => r.AddressesToAdd));
            Assert.All(missingRows, r => Assert.Equal(Assert.Single(r.AddressesToAdd), Assert.Single(r.Ranges).Prefix));

            // The invariants. After the edit the list covers all current EOP space; the edit adds only current EOP
            // space; it removes only entries inside EOP space, retired or current, never an address that was never EOP.
            bool[] added = blocks.Parse(result.Rows.SelectMany(r => r.AddressesToAdd));
            bool[] edited = Or(kept, added);
            Assert.True(Subset(eop, edited), "after the edit the list lacks current EOP space");
            Assert.True(Subset(added, eop), "the edit adds space that is not current EOP");
            for (int i = 0; i < items.Count; i++)
            {
                if (!removed[i]) continue;
                Assert.True(Subset(entrySpaces[i], everEop) && Any(And(entrySpaces[i], retired)), "the edit removes an entry that is not retired EOP space");
            }
            Assert.Equal(items.Count - removed.Count(r => r) + needed.Count, result.EditedEntryCount);

            // The non-EOP parts are the list's address entries minus EOP (an Unrestricted row lists no parts).
            bool[] addressEntries = entrySpaces.Where((_, i) => items[i].Kind == AllowListItemKind.Addresses).Aggregate(new bool[blocks.Size], Or);
            Assert.Equal(And(addressEntries, Not(eop)), entryRows.Select(r => blocks.Parse(r.OtherAddresses)).Aggregate(new bool[blocks.Size], Or));

            // An unrestricted entry: a warning, and the ranges that lock the list to EOP once it goes, beyond the edit.
            List<int> unrestricted = Enumerable.Range(0, items.Count).Where(i => items[i].Kind == AllowListItemKind.Unrestricted).ToList();
            if (unrestricted.Count == 0)
            {
                Assert.Null(result.LockPrefixes);
                return;
            }
            Assert.Single(result.Warnings, w => w.Message.Contains("accepts mail from any sender"));
            bool[] bounded = entrySpaces.Where((_, i) => !removed[i] && items[i].Kind != AllowListItemKind.Unrestricted).Aggregate(new bool[blocks.Size], Or);
            Assert.Equal(outermost.Where(p => !Subset(blocks.Space(new[] { p }), bounded) && !needed.Contains(p)).Select(p => p.ToString()), result.LockPrefixes);
            Assert.True(Subset(eop, Or(Or(bounded, added), blocks.Parse(result.LockPrefixes!))), "the locked list lacks current EOP space");
        }

        /// <summary>The listed ranges inside no other.</summary>
        private static List<IpPrefix> Outermost(AddressBlocks blocks, RangeData data)
        {
            List<IpPrefix> listed = Listed(blocks, data).ToList();
            return listed.Where(p => !listed.Any(q => !q.Equals(p) && q.Contains(p))).ToList();
        }

        private static bool Subset(bool[] a, bool[] b) => a.Select((x, i) => !x || b[i]).All(x => x);

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
            return new RangeData(dataSet, ranges, new List<Diagnostic>());
        }

        /// <summary>An entry in one of the forms the reader takes: address, CIDR, mask subnet, range, keyword.</summary>
        private static string RandomEntry(AddressBlocks blocks, Random random)
        {
            int form = random.Next(12);
            if (form == 0) return "DNS";
            if (form == 10) return random.Next(2) == 0 ? "Any4" : "Any6";
            if (form == 11) return WholeFamily[random.Next(WholeFamily.Length)];
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
