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
            // 23.103.144.0/20 stays EOP through the regional tables (EMEA 144/22, Americas 148/22 and 152/21), so it
            // closes nothing; the two ranges that leave every table are closed once, on the global list.
            Assert.Equal(new[]
            {
                "Removed Global 23.103.144.0/20 >  +[] -[]",
                "Removed Global 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed Global 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
                "Removed Americas 23.103.212.0/22 >  +[] -[]",
                "Removed APAC 40.107.128.0/18 >  +[] -[]",
            }, Diff("eop-ip-addresses_2018-07-18_e6ac803.md", "eop-ip-addresses_2018-07-31_dd789f8.md"));
        }

        [Fact]
        public void From2018_07_31To2018_08_02Adds23_103_144_0_20BackToTheGlobalListWhichOpensNothingTheRegionalTablesKept()
        {
            Assert.Equal(new[] { "Added Global  > 23.103.144.0/20 +[] -[]" },
                Diff("eop-ip-addresses_2018-07-31_dd789f8.md", "eop-ip-addresses_2018-08-02_7b36aae.md"));
        }

        [Fact]
        public void From2018_07_18To2018_08_02GivesTheNetChangeBetweenTheTwoLiveVersions()
        {
            Assert.Equal(new[]
            {
                "Removed Global 23.103.212.0/22 >  +[] -[23.103.212.0/22]",
                "Removed Global 40.107.128.0/18 >  +[] -[40.107.128.0/18]",
                "Removed Americas 23.103.212.0/22 >  +[] -[]",
                "Removed APAC 40.107.128.0/18 >  +[] -[]",
            }, Diff("eop-ip-addresses_2018-07-18_e6ac803.md", "eop-ip-addresses_2018-08-02_7b36aae.md"));
        }

        [Fact]
        public void From2018_08_28To2018_10_02RemovesTheThreeRegionTablesWhoseAddressesAllStayInTheGlobalList()
        {
            Assert.Equal(new[]
            {
                "TableRemoved Americas  >  +[] -[]",
                "TableRemoved EMEA  >  +[] -[]",
                "TableRemoved APAC  >  +[] -[]",
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
