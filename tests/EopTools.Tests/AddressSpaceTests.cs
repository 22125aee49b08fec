using System.Linq;
using EopTools.Ranges;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    public class AddressSpaceTests
    {
        [Fact]
        public void MergesAdjacentPrefixesIntoTheirSupernet()
        {
            var merged = AddressSpace.Aggregate(new[] { Prefix("10.0.0.0/25"), Prefix("10.0.0.128/25"), Prefix("10.0.1.0/24") });
            Assert.Equal(new[] { "10.0.0.0/23" }, Texts(merged));
        }

        [Fact]
        public void DropsPrefixesContainedInOthers()
        {
            var merged = AddressSpace.Aggregate(new[] { Prefix("40.92.64.0/18"), Prefix("40.92.0.0/14"), Prefix("40.93.0.0/18") });
            Assert.Equal(new[] { "40.92.0.0/14" }, Texts(merged));
        }

        [Fact]
        public void SplitsUnalignedRunsIntoTheMinimalCidrSet()
        {
            // 10.0.0.64/26 + 10.0.0.128/25 cannot become one prefix.
            var merged = AddressSpace.Aggregate(new[] { Prefix("10.0.0.128/25"), Prefix("10.0.0.64/26"), Prefix("10.0.1.0/24") });
            Assert.Equal(new[] { "10.0.0.64/26", "10.0.0.128/25", "10.0.1.0/24" }, Texts(merged));
        }

        [Fact]
        public void KeepsFamiliesApartAndOrdersIPv4First()
        {
            var merged = AddressSpace.Aggregate(new[]
            {
                Prefix("2a01:111:f400:7c00::/54"), Prefix("2a01:111:f400:7e00::/56"), Prefix("2a01:111:f400:7d00::/56"), Prefix("0.0.0.0/1"), Prefix("128.0.0.0/1"),
            });
            Assert.Equal(new[] { "0.0.0.0/0", "2a01:111:f400:7c00::/54" }, Texts(merged));
        }

        [Fact]
        public void HandlesTheWholeAddressSpaceOfBothFamilies()
        {
            var merged = AddressSpace.Aggregate(new[] { Prefix("::/1"), Prefix("8000::/1"), Prefix("255.255.255.255/32"), Prefix("0.0.0.0/1"), Prefix("128.0.0.0/2"), Prefix("192.0.0.0/2") });
            Assert.Equal(new[] { "0.0.0.0/0", "::/0" }, Texts(merged));
        }

        [Fact]
        public void SubtractsExactAddressSpace()
        {
            var wider = AddressSpace.FromPrefixes(new[] { Prefix("40.107.0.0/16") });
            var narrower = AddressSpace.FromPrefixes(new[] { Prefix("40.107.0.0/17") });
            Assert.Equal(new[] { "40.107.128.0/17" }, Texts(wider.Subtract(narrower).ToPrefixes()));
            Assert.True(narrower.Subtract(wider).IsEmpty);
        }

        [Fact]
        public void SubtractsAHoleFromTheMiddle()
        {
            var whole = AddressSpace.FromPrefixes(new[] { Prefix("10.0.0.0/24") });
            var hole = AddressSpace.FromPrefixes(new[] { Prefix("10.0.0.16/28") });
            Assert.Equal(new[] { "10.0.0.0/28", "10.0.0.32/27", "10.0.0.64/26", "10.0.0.128/25" }, Texts(whole.Subtract(hole).ToPrefixes()));
        }

        [Fact]
        public void AgreesWithABruteForceCountOnRandomSets()
        {
            var random = new System.Random(20261127);
            for (int round = 0; round < 200; round++)
            {
                var a = Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomPrefix(random)).ToList();
                var b = Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomPrefix(random)).ToList();
                var expected = Enumerable.Range(0, 256).Where(x => a.Any(p => Covers(p, x)) && !b.Any(p => Covers(p, x))).ToList();
                var actual = AddressSpace.FromPrefixes(a).Subtract(AddressSpace.FromPrefixes(b)).ToPrefixes();
                var actualAddresses = actual.SelectMany(p => Enumerable.Range((int)(p.First.Low & 0xFF), 1 << p.HostBits)).ToList();
                Assert.Equal(expected, actualAddresses);
                Assert.Equal(AddressSpace.Aggregate(actual).Count, actual.Count);
            }
        }

        private static IpPrefix RandomPrefix(System.Random random)
        {
            int length = random.Next(24, 33);
            uint host = (uint)random.Next(0, 256) & ~((1u << (32 - length)) - 1) & 0xFF;
            return new IpPrefix(IPAddressFamily.IPv4, new IpNumber(0, 0x0A000000UL | host), length);
        }

        private static bool Covers(IpPrefix prefix, int lastOctet) =>
            prefix.Contains(new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, 0x0A000000UL | (uint)lastOctet)));
    }
}
