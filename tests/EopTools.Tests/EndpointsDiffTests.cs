using System.IO;
using System.Linq;
using EopTools.Diff;
using EopTools.Index;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The embedded seed against the web service's answers, read in place from ../shared/data.</summary>
    [Trait("Category", "SharedData")]
    public class EndpointsDiffTests
    {
        private static RangeData Endpoints(string file) => TestPaths.ReadShared("endpoints-service", file);

        [Fact]
        public void FindsTheWidenedNarrowedAndCoveredPrefixesBetweenTheSeedAndThe2022List()
        {
            RangeDiffResult result = RangeDiff.Compare(EopSession.Seed.Data, Endpoints("endpoints-worldwide-2022/microsoft365-worldwide.json"), includeUnchanged: true);
            string[] global = RangeDiffTests.Lines(result).Where(l => l.Contains(" Global ") && !l.StartsWith("Removed ")).ToArray();
            Assert.Equal(new[]
            {
                "Narrowed Global 40.92.0.0/14 > 40.92.0.0/15 +[] -[40.94.0.0/15]",
                "Widened Global 40.107.0.0/17 > 40.107.0.0/16 +[40.107.128.0/17] -[]",
                "Unchanged Global 52.100.0.0/14 > 52.100.0.0/14 +[] -[]",
                "Unchanged Global 104.47.0.0/17 > 104.47.0.0/17 +[] -[]",
                "Widened Global 2a01:111:f400:7c00::/54 > 2a01:111:f400::/48 +[2a01:111:f400::/50 2a01:111:f400:4000::/51 2a01:111:f400:6000::/52 " +
                    "2a01:111:f400:7000::/53 2a01:111:f400:7800::/54 2a01:111:f400:8000::/50 2a01:111:f400:c000::/51 2a01:111:f400:e000::/52 " +
                    "2a01:111:f400:f000::/53 2a01:111:f400:f800::/54] -[]",
                "Widened Global 2a01:111:f400:fc00::/54 > 2a01:111:f400::/48 +[] -[]",
                "Unchanged Global 2a01:111:f403::/48 > 2a01:111:f403::/48 +[] -[]",
            }, global);
            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.136.0/21", "23.103.144.0/20", "23.103.198.0/23", "23.103.200.0/22", "52.238.78.88/32", "65.55.88.0/24", "65.55.169.0/24",
                "94.245.120.64/26", "157.55.234.0/24", "157.56.110.0/23", "157.56.112.0/24", "207.46.100.0/24", "207.46.163.0/24", "213.199.154.0/24",
                "213.199.180.128/26", "216.32.180.0/23",
            }, result.Changes.Where(c => c.Change == EopRangeChangeKind.Removed).Select(c => c.ReferencePrefix));
            Assert.Equal(new[] { "TableRemoved Americas", "TableRemoved EMEA", "TableRemoved APAC" }, result.Changes.Where(c => c.Region != EopRegion.Global).Select(c => c.Change + " " + c.Region));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void ListsOverAllChangesExactlyTheAddressesThatLeaveAndEnterEopBetweenTheSeedAndThe2022List()
        {
            RangeData list2022 = Endpoints("endpoints-worldwide-2022/microsoft365-worldwide.json");
            RangeDiffResult result = RangeDiff.Compare(EopSession.Seed.Data, list2022, includeUnchanged: false);

            // Every regional prefix of the seed lies in its global list, so the regional tables close nothing; the
            // pooled lists are the 17 global prefixes that left, 40.94.0.0/15 from the narrowing, and the widenings' gain.
            string[] removed = result.Changes.SelectMany(c => c.AddressesRemoved).ToArray();
            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.136.0/21", "23.103.144.0/20", "23.103.198.0/23", "23.103.200.0/22", "40.94.0.0/15", "52.238.78.88/32", "65.55.88.0/24",
                "65.55.169.0/24", "94.245.120.64/26", "157.55.234.0/24", "157.56.110.0/23", "157.56.112.0/24", "207.46.100.0/24", "207.46.163.0/24",
                "213.199.154.0/24", "213.199.180.128/26", "216.32.180.0/23",
            }, removed);
            Assert.Equal(new[]
            {
                "40.107.128.0/17", "2a01:111:f400::/50", "2a01:111:f400:4000::/51", "2a01:111:f400:6000::/52", "2a01:111:f400:7000::/53", "2a01:111:f400:7800::/54",
                "2a01:111:f400:8000::/50", "2a01:111:f400:c000::/51", "2a01:111:f400:e000::/52", "2a01:111:f400:f000::/53", "2a01:111:f400:f800::/54",
            }, result.Changes.SelectMany(c => c.AddressesAdded));
            // None of what is closed is still EOP in 2022 (the old lists named 40.92.64.0/18 and 23.103.132.0/22 three times).
            Assert.All(removed, r => Assert.DoesNotContain(list2022.Ranges, n => n.Value.Contains(TestData.Prefix(r)) || TestData.Prefix(r).Contains(n.Value)));
            Assert.All(result.Changes.Where(c => c.Change == EopRangeChangeKind.TableRemoved), c => Assert.Empty(c.AddressesRemoved));
        }

        [Fact]
        public void ReportsTheIPv6ThatTheNoIPv6ListLoses()
        {
            RangeDiffResult result = RangeDiff.Compare(Endpoints("endpoints-worldwide-2022/microsoft365-worldwide.json"),
                Endpoints("endpoints-worldwide-noipv6-2025/m365.json"), includeUnchanged: false);
            Assert.Equal(new[] { "Removed 2a01:111:f400::/48 (Global)", "Removed 2a01:111:f403::/48 (Global)" }, result.Changes.Select(c => c.ToString()));
            Assert.Equal(new[] { "2a01:111:f400::/48", "2a01:111:f403::/48" }, result.Changes.SelectMany(c => c.AddressesRemoved));
            Diagnostic found = Assert.Single(result.Warnings);
            Assert.Equal("AddressFamilyMissing", found.Id);
            string warning = found.ToString();
            Assert.Contains("m365.json", warning);
            Assert.Contains("NoIPv6", warning);
            Assert.Contains("all 2 IPv6 ranges of the reference", warning);
        }
    }
}
