using System.Linq;
using EopTools.Index;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The embedded seed page must read to exactly the published tables.</summary>
    public class SeedTests
    {
        private static readonly RangeIndex Seed = EopSession.Seed;

        private static string[] Table(EopRegion region, IPAddressFamily family) =>
            Seed.Ranges.Where(r => r.Region == region && r.AddressFamily == family).Select(r => r.Prefix).ToArray();

        [Fact]
        public void ReadsTheGlobalIPv4List()
        {
            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.136.0/21", "23.103.144.0/20", "23.103.198.0/23", "23.103.200.0/22", "40.92.0.0/14", "40.107.0.0/17",
                "52.100.0.0/14", "52.238.78.88/32", "65.55.88.0/24", "65.55.169.0/24", "94.245.120.64/26", "104.47.0.0/17", "157.55.234.0/24",
                "157.56.110.0/23", "157.56.112.0/24", "207.46.100.0/24", "207.46.163.0/24", "213.199.154.0/24", "213.199.180.128/26", "216.32.180.0/23",
            }, Table(EopRegion.Global, IPAddressFamily.IPv4));
        }

        [Fact]
        public void ReadsTheGlobalIPv6List()
        {
            Assert.Equal(new[] { "2a01:111:f400:7c00::/54", "2a01:111:f400:fc00::/54", "2a01:111:f403::/48" }, Table(EopRegion.Global, IPAddressFamily.IPv6));
        }

        [Fact]
        public void ReadsTheAmericasColumn()
        {
            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.136.0/21", "23.103.148.0/22", "23.103.152.0/21", "23.103.156.0/22", "23.103.198.0/24", "23.103.200.0/22",
                "40.92.64.0/18", "40.93.64.0/18", "40.94.64.0/18", "40.95.64.0/18", "40.107.64.0/18", "52.100.64.0/18", "52.101.64.0/18", "52.102.64.0/18",
                "52.103.64.0/18", "65.55.169.0/24", "104.47.32.0/19", "157.56.110.0/23", "207.46.100.0/24", "207.46.163.0/24", "216.32.180.0/23",
            }, Table(EopRegion.Americas, IPAddressFamily.IPv4));
            Assert.Equal(new[] { "2a01:111:f400:7c00::/54" }, Table(EopRegion.Americas, IPAddressFamily.IPv6));
        }

        [Fact]
        public void ReadsTheEmeaColumn()
        {
            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.144.0/22", "40.92.0.0/18", "40.93.0.0/18", "40.94.0.0/18", "40.95.0.0/18", "40.107.0.0/18", "52.100.0.0/18",
                "52.101.0.0/18", "52.102.0.0/18", "52.103.0.0/18", "94.245.120.64/27", "104.47.0.0/19", "157.55.234.0/24", "157.56.112.0/24",
                "213.199.154.0/24", "213.199.180.128/26",
            }, Table(EopRegion.EMEA, IPAddressFamily.IPv4));
            Assert.Equal(new[] { "2a01:111:f400:7e00::/56", "2a01:111:f400:fe00::/56" }, Table(EopRegion.EMEA, IPAddressFamily.IPv6));
        }

        [Fact]
        public void ReadsTheApacColumn()
        {
            Assert.Equal(new[]
            {
                "23.103.136.0/21", "23.103.152.0/22", "40.92.128.0/17", "40.93.128.0/17", "40.94.128.0/17", "40.95.128.0/17", "52.100.128.0/17",
                "52.101.128.0/17", "52.102.128.0/17", "52.103.128.0/17", "65.55.88.0/24", "104.47.64.0/18",
            }, Table(EopRegion.APAC, IPAddressFamily.IPv4));
            Assert.Equal(new[] { "2a01:111:f400:7c00::/54" }, Table(EopRegion.APAC, IPAddressFamily.IPv6));
        }

        /// <summary>Why a file with regional tables only is refused rather than given their union as its global list.</summary>
        [Fact]
        public void CoversLessWithTheRegionalTablesTogetherThanWithTheGlobalList()
        {
            AddressSpace Space(System.Func<EopRegion, bool> table) =>
                AddressSpace.FromPrefixes(Seed.Ranges.Where(r => table(r.Region)).Select(r => TestData.Prefix(r.Prefix)));
            AddressSpace global = Space(region => region == EopRegion.Global);
            AddressSpace regional = Space(region => region != EopRegion.Global);

            Assert.True(regional.Subtract(global).IsEmpty);
            Assert.Equal(new[]
            {
                "23.103.199.0/24", "52.238.78.88/32", "94.245.120.96/27", "2a01:111:f400:fc00::/55", "2a01:111:f400:ff00::/56", "2a01:111:f403::/48",
            }, TestData.Texts(global.Subtract(regional).ToPrefixes()));
        }

        [Fact]
        public void ReadsWithoutWarningsAndDescribesItsDataSet()
        {
            Assert.Empty(Seed.Data.Diagnostics);
            Assert.Equal("Exchange Online Protection IP addresses", Seed.DataSet.Name);
            Assert.Equal("2018-08-02", Seed.DataSet.Version);
            Assert.Equal(new System.DateTime(2018, 8, 2), Seed.DataSet.Published);
            Assert.Equal("embedded seed", Seed.DataSet.Source);
            Assert.Equal("EopPage", Seed.DataSet.Format);
        }

        [Fact]
        public void EmbedsTheSeedPageByteForByte()
        {
            string embedded = EopSession.ReadSeedText();
            string inRepository = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepoRoot, "src", "EopTools", "Data", "exchange-online-protection-ip-addresses.md"));
            Assert.Equal(inRepository, embedded);
        }
    }
}
