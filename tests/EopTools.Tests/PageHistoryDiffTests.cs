using System.IO;
using System.Linq;
using EopTools.Diff;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Consecutive published versions of the EOP page, read in place, against the changes INDEX.md records.</summary>
    [Trait("Category", "SharedData")]
    public class PageHistoryDiffTests
    {
        private static RangeData Version(string file) => TestPaths.ReadShared("eop-page-history", file);

        private static string[] Diff(string reference, string difference) =>
            RangeDiffTests.Lines(RangeDiff.Compare(Version(reference), Version(difference), includeUnchanged: false));

        [Fact]
        public void From2018_06_15To2018_07_11AddsOneGlobalRangeAndRemovesThreeApacRanges()
        {
            Assert.Equal(new[]
            {
                "Added Global  > 52.238.78.88/32 +[52.238.78.88/32] -[]",
                "Removed APAC 134.170.132.0/24 >  +[] -[134.170.132.0/24]",
                "Removed APAC 134.170.140.0/24 >  +[] -[134.170.140.0/24]",
                "Removed APAC 207.46.51.64/26 >  +[] -[207.46.51.64/26]",
            }, Diff("eop-ip-addresses_2018-06-15_232219a.md", "eop-ip-addresses_2018-07-11_7f99263.md"));
        }

        [Theory]
        [InlineData("eop-ip-addresses_2018-07-11_7f99263.md", "eop-ip-addresses_2018-07-18_e6ac803.md")]
        [InlineData("eop-ip-addresses_2018-08-02_7b36aae.md", "eop-ip-addresses_2018-08-15_0a689b4.md")]
        [InlineData("eop-ip-addresses_2018-08-15_0a689b4.md", "eop-ip-addresses_2018-08-28_80613c4.md")]
        public void FindsNoChangeWhereOnlyTheMarkupChanged(string reference, string difference)
        {
            Assert.Empty(Diff(reference, difference));
        }

        [Fact]
        public void From2018_07_18To2018_07_31RemovesThreeGlobalRangesAndOneEachFromAmericasAndApac()
        {
            Assert.Equal(new[]
            {
                "Removed Global 23.103.144.0/20 >  +[] -[23.103.144.0/20]",
                "Removed Global 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed Global 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
                "Removed Americas 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed APAC 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
            }, Diff("eop-ip-addresses_2018-07-18_e6ac803.md", "eop-ip-addresses_2018-07-31_dd789f8.md"));
        }

        [Fact]
        public void From2018_07_31To2018_08_02Adds23_103_144_0_20Back()
        {
            Assert.Equal(new[] { "Added Global  > 23.103.144.0/20 +[23.103.144.0/20] -[]" },
                Diff("eop-ip-addresses_2018-07-31_dd789f8.md", "eop-ip-addresses_2018-08-02_7b36aae.md"));
        }

        [Fact]
        public void From2018_07_18To2018_08_02GivesTheNetChangeBetweenTheTwoLiveVersions()
        {
            Assert.Equal(new[]
            {
                "Removed Global 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed Global 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
                "Removed Americas 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed APAC 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
            }, Diff("eop-ip-addresses_2018-07-18_e6ac803.md", "eop-ip-addresses_2018-08-02_7b36aae.md"));
        }

        [Fact]
        public void From2018_08_28To2018_10_02RemovesTheThreeRegionTables()
        {
            Assert.Equal(new[]
            {
                "TableRemoved Americas  >  +[] -[23.103.132.0/22 23.103.136.0/21 23.103.148.0/22 23.103.152.0/21 23.103.198.0/24 23.103.200.0/22 " +
                    "40.92.64.0/18 40.93.64.0/18 40.94.64.0/18 40.95.64.0/18 40.107.64.0/18 52.100.64.0/18 52.101.64.0/18 52.102.64.0/18 52.103.64.0/18 " +
                    "65.55.169.0/24 104.47.32.0/19 157.56.110.0/23 207.46.100.0/24 207.46.163.0/24 216.32.180.0/23 2a01:111:f400:7c00::/54]",
                "TableRemoved EMEA  >  +[] -[23.103.132.0/22 23.103.144.0/22 40.92.0.0/18 40.93.0.0/18 40.94.0.0/18 40.95.0.0/18 40.107.0.0/18 " +
                    "52.100.0.0/18 52.101.0.0/18 52.102.0.0/18 52.103.0.0/18 94.245.120.64/27 104.47.0.0/19 157.55.234.0/24 157.56.112.0/24 " +
                    "213.199.154.0/24 213.199.180.128/26 2a01:111:f400:7e00::/56 2a01:111:f400:fe00::/56]",
                "TableRemoved APAC  >  +[] -[23.103.136.0/21 23.103.152.0/22 40.92.128.0/17 40.93.128.0/17 40.94.128.0/17 40.95.128.0/17 " +
                    "52.100.128.0/17 52.101.128.0/17 52.102.128.0/17 52.103.128.0/17 65.55.88.0/24 104.47.64.0/18 2a01:111:f400:7c00::/54]",
            }, Diff("eop-ip-addresses_2018-08-28_80613c4.md", "eop-ip-addresses_2018-10-02_24f6d0e.md"));
        }

        [Fact]
        public void ReportsTheRegionTablesAsAddedGoingBackFrom2018_10_02()
        {
            RangeDiffResult result = RangeDiff.Compare(Version("eop-ip-addresses_2018-10-02_24f6d0e.md"), Version("eop-ip-addresses_2018-08-28_80613c4.md"), includeUnchanged: false);
            Assert.Equal(new[] { "TableAdded Americas", "TableAdded EMEA", "TableAdded APAC" }, result.Changes.Select(c => c.Change + " " + c.Region));
        }
    }
}
