using System.Collections.Generic;
using System.Linq;
using EopTools.AllowList;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    public class AllowListRangesTests
    {
        [Fact]
        public void TurnsEachTextEntryIntoTheFewestGlobalPrefixes()
        {
            var warnings = new List<Diagnostic>();
            List<EopIpRange> ranges = AllowListRanges.ToRanges(
                AllowListComparisonTests.Items("40.92.0.0/255.254.0.0", "10.0.0.1-10.0.0.6", "2a01:111:f403::/48", "Any6", "LocalSubnet", "52.238.78.88"), "-Reference", warnings);
            Assert.Equal(new[] { "40.92.0.0/15", "10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32", "2a01:111:f403::/48", "::/0", "52.238.78.88/32" }, Texts(ranges));
            Assert.All(ranges, r => Assert.Equal(EopRegion.Global, r.Region));
            EopDataSet dataSet = ranges[0].DataSet;
            Assert.Equal("Allow-list entries 6 (-Reference)", dataSet.ToString());
            Assert.Equal("AllowList", dataSet.Format);
            Assert.True(dataSet.HasIPv6);
            Assert.All(ranges, r => Assert.Same(dataSet, r.DataSet));
            Diagnostic keyword = Assert.Single(warnings);
            Assert.Equal("FirewallKeywordLeftOut", keyword.Id);
            Assert.Equal("LocalSubnet", keyword.Text);
            Assert.StartsWith("'LocalSubnet' ", keyword.ToString());
            Assert.Contains("left out of the comparison", keyword.ToString());
        }

        [Fact]
        public void KeepsEopIpRangeObjectsWithTheirTableAndDataSet()
        {
            var emea = new EopIpRange(Prefix("40.92.64.0/18"), EopRegion.EMEA, TestDataSet);
            var items = new List<AllowListItem> { AllowListItem.ForRange(emea) };
            items.AddRange(AllowListComparisonTests.Items("10.0.0.0/8"));
            List<EopIpRange> ranges = AllowListRanges.ToRanges(items, "-Difference", new List<Diagnostic>());
            Assert.Same(emea, ranges[0]);
            Assert.Equal("10.0.0.0/8", ranges[1].Prefix);
            Assert.False(ranges[1].DataSet.HasIPv6);
        }
    }
}
