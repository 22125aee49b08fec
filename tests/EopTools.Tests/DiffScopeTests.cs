using System.Collections.Generic;
using System.Linq;
using EopTools.Diff;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>Which tables and families Export-EopRangeDiff compares, from the ranges it was given as objects.</summary>
    public class DiffScopeTests
    {
        private const EopRegion G = EopRegion.Global;

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
            Assert.Equal(new[] { EopRegion.EMEA, EopRegion.APAC }, scope.Tables!.OrderBy(t => t));
            Assert.Equal(new[] { IPAddressFamily.IPv4, IPAddressFamily.IPv6 }, scope.Families!.OrderBy(f => f));
            Assert.Equal("the tables (EMEA, APAC) and families (IPv4, IPv6) of the ranges given", scope.Describe());
        }

        [Fact]
        public void ComparesOnlyWhatBothSidesGivenAsObjectsInclude()
        {
            DiffScope scope = DiffScope.Of(
                Ranges((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.2.0/24")),
                Ranges((G, "10.0.1.0/24"), (G, "2001:db8::/48"), (EopRegion.APAC, "10.0.3.0/24")));
            Assert.Equal(new[] { G }, scope.Tables);
            Assert.Equal(new[] { IPAddressFamily.IPv4 }, scope.Families);
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
