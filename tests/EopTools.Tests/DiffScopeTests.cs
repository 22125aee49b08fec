using System.Collections.Generic;
using System.Linq;
using EopTools.Diff;
using EopTools.Parsing;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>Which tables and families Export-EopRangeDiff compares, from the ranges it was given as objects.</summary>
    public class DiffScopeTests
    {
        private const EopRegion G = EopRegion.Global;

        // By name, in enum order: under Mono, xunit finds an array of enums unequal to a set holding the same values.
        private static string[] Names<T>(IEnumerable<T> values) => values.OrderBy(v => v).Select(v => v!.ToString()!).ToArray();

        private static List<EopIpRange> Ranges(params (EopRegion Region, string Prefix)[] entries) => Data(entries).Ranges.ToList();

        [Fact]
        public void ComparesEverythingWhenNoSideIsGivenAsObjects()
        {
            DiffScope scope = DiffScope.Of(null, null);
            Assert.Null(scope.Tables);
            Assert.Null(scope.Families);
            Assert.Null(scope.Describe());
        }

        [Fact]
        public void ComparesTheTablesAndFamiliesOfTheOneSideGivenAsObjects()
        {
            DiffScope scope = DiffScope.Of(null, Ranges((EopRegion.EMEA, "10.0.0.0/24"), (EopRegion.EMEA, "2001:db8::/48"), (EopRegion.APAC, "10.0.1.0/24")));
            Assert.Equal(new[] { "EMEA", "APAC" }, Names(scope.Tables!));
            Assert.Equal(new[] { "IPv4", "IPv6" }, Names(scope.Families!));
            Assert.Equal("the tables (EMEA, APAC) and families (IPv4, IPv6) of the ranges given", scope.Describe());
        }

        [Fact]
        public void ComparesOnlyWhatBothSidesGivenAsObjectsInclude()
        {
            DiffScope scope = DiffScope.Of(
                Ranges((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.2.0/24")),
                Ranges((G, "10.0.1.0/24"), (G, "2001:db8::/48"), (EopRegion.APAC, "10.0.3.0/24")));
            Assert.Equal(new[] { "Global" }, Names(scope.Tables!));
            Assert.Equal(new[] { "IPv4" }, Names(scope.Families!));
        }

        /// <summary>Get-EopIpRange after a NoIPv6 answer: its ranges are all of that data, so IPv6 coming back is a change.</summary>
        [Fact]
        public void ComparesIPv6WhenTheRangesGivenAreAllOfDataWithoutIPv6()
        {
            var noIPv6 = new EopDataSet("noipv6", "2025043000", null, "m365.json", "EndpointsJson", hasIPv6: false);
            var before = new List<EopIpRange> { new EopIpRange(Prefix("10.0.0.0/24"), G, noIPv6) };
            DiffScope scope = DiffScope.Of(before, null);
            Assert.Equal(new[] { "IPv4", "IPv6" }, Names(scope.Families!));
            RangeDiffResult result = scope.Compare(new RangeData(noIPv6, before, new List<Diagnostic>()), Data((G, "10.0.0.0/24"), (G, "2001:db8::/48")), includeUnchanged: false);
            Assert.Equal(new[] { "Added Global  > 2001:db8::/48 +[2001:db8::/48] -[]" }, RangeDiffTests.Lines(result));

            // An allow-list of IPv4 entries is a selection: the IPv6 of the list it is compared with is left out.
            var allowList = new EopDataSet("Allow-list entries", "1", null, "-Reference", AllowList.AllowListRanges.Format, hasIPv6: false);
            Assert.Equal(new[] { "IPv4" }, Names(DiffScope.Of(new List<EopIpRange> { new EopIpRange(Prefix("10.0.0.0/24"), G, allowList) }, null).Families!));
        }

        [Fact]
        public void LeavesOutTheTablesAndFamiliesOutsideTheScopeWhenComparing()
        {
            // The reference is all of a version; the difference only its global IPv4 ranges, so the reference's
            // regional table and its IPv6 range are not reported as removed.
            var reference = Data((G, "10.0.0.0/24"), (G, "2001:db8::/48"), (EopRegion.EMEA, "10.0.0.0/25"));
            var difference = Data((G, "10.0.0.0/23"));
            RangeDiffResult result = DiffScope.Of(null, difference.Ranges.ToList()).Compare(reference, difference, includeUnchanged: false);
            Assert.Equal(new[] { "Widened Global 10.0.0.0/24 > 10.0.0.0/23 +[10.0.1.0/24] -[]" }, RangeDiffTests.Lines(result));
            Assert.Equal(new[] { G }, result.Regions);
        }
    }
}
