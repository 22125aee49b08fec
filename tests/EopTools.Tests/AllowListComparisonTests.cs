using System.Collections.Generic;
using System.Linq;
using EopTools.AllowList;
using EopTools.Index;
using EopTools.Parsing;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    public class AllowListComparisonTests
    {
        private static readonly RangeData Current = Data(
            (EopRegion.Global, "40.92.0.0/15"), (EopRegion.Global, "40.107.0.0/16"), (EopRegion.Global, "2a01:111:f400::/48"),
            (EopRegion.EMEA, "40.92.64.0/18"), (EopRegion.EMEA, "40.92.0.0/15"), (EopRegion.APAC, "2a01:111:f400::/48"));

        private static readonly RangeData History = Data(
            (EopRegion.Global, "40.92.0.0/14"), (EopRegion.Global, "40.107.0.0/17"), (EopRegion.Global, "23.103.132.0/22"), (EopRegion.Global, "65.55.88.0/24"));

        internal static List<AllowListItem> Items(params string[] entries) => entries.Select(entry =>
        {
            Assert.True(AllowListText.TryParse(entry, out AllowListItem? item, out string? error), error);
            return item!;
        }).ToList();

        private static AllowListComparisonResult Compare(params string[] entries) =>
            AllowListComparison.Compare(Items(entries), Current, new[] { History });

        private static string Row(EopAllowListEntry row) =>
            row.Status + " " + row.Entry + " eop[" + string.Join(" ", row.EopAddresses) + "] other[" + string.Join(" ", row.OtherAddresses) +
            "] ranges[" + string.Join(" ", row.Ranges.Select(r => r.Prefix)) + "] +[" + string.Join(" ", row.AddressesToAdd) + "] -[" + string.Join(" ", row.AddressesToRemove) + "]";

        [Fact]
        public void ClassifiesEachEntryAndListsTheMissingSpace()
        {
            AllowListComparisonResult result = Compare(
                "40.92.0.0/16", "40.92.0.0/14", "40.107.0.0-40.107.255.255", "23.103.132.0/255.255.252.0", "65.55.88.7", "10.20.0.0/16", "192.168.10.5-192.168.10.9", "40.0.0.0/8");
            Assert.Equal(new[]
            {
                "Covered 40.92.0.0/16 eop[40.92.0.0/16] other[] ranges[40.92.0.0/15] +[] -[]",
                // Made of EOP space only, part of it retired: removed; the kept 40.0.0.0/8 still holds the 40.92.0.0/15 it overlapped.
                "Partial 40.92.0.0/14 eop[40.92.0.0/15] other[40.94.0.0/15] ranges[40.92.0.0/15] +[] -[40.92.0.0/14]",
                "Covered 40.107.0.0-40.107.255.255 eop[40.107.0.0/16] other[] ranges[40.107.0.0/16] +[] -[]",
                "Stale 23.103.132.0/255.255.252.0 eop[] other[23.103.132.0/22] ranges[] +[] -[23.103.132.0/22]",
                "Stale 65.55.88.7 eop[] other[65.55.88.7/32] ranges[] +[] -[65.55.88.7/32]",
                "Foreign 10.20.0.0/16 eop[] other[10.20.0.0/16] ranges[] +[] -[]",
                "Foreign 192.168.10.5-192.168.10.9 eop[] other[192.168.10.5/32 192.168.10.6/31 192.168.10.8/31] ranges[] +[] -[]",
                // Partly retired, partly EOP, mostly never EOP: kept whole with a warning, never cut into pieces.
                "Partial 40.0.0.0/8 eop[40.92.0.0/15 40.107.0.0/16] other[40.0.0.0/10 40.64.0.0/12 40.80.0.0/13 40.88.0.0/14 40.94.0.0/15 40.96.0.0/13 40.104.0.0/15 40.106.0.0/16 40.108.0.0/14 40.112.0.0/12 40.128.0.0/9] " +
                    "ranges[40.92.0.0/15 40.107.0.0/16] +[] -[]",
                "Missing  eop[] other[] ranges[2a01:111:f400::/48] +[2a01:111:f400::/48] -[]",
            }, result.Rows.Select(Row));
            Assert.Equal(new[]
            {
                "'40.0.0.0/8' holds 40.94.0.0/15, which EOP no longer uses, beside addresses that never were EOP: it is kept, as the edit never cuts an entry into pieces. " +
                    "Narrow it by hand to your own addresses to close the retired ones.",
            }, result.Warnings.Select(w => w.Message));
            // Kept: 40.92.0.0/16, the range, the two Foreign and 40.0.0.0/8; the missing /48.
            Assert.Equal(5 + 1, result.EditedEntryCount);
            Assert.Null(result.LockPrefixes);
        }

        [Fact]
        public void ReplacesAnEntryOfRetiredAndCurrentSpaceWithTheWholeRangeItOverlapped()
        {
            AllowListComparisonResult result = Compare("40.92.0.0/14", "40.106.255.0-40.107.0.255");
            Assert.Equal(new[]
            {
                "Partial 40.92.0.0/14 eop[40.92.0.0/15] other[40.94.0.0/15] ranges[40.92.0.0/15] +[40.92.0.0/15] -[40.92.0.0/14]",
                // Never EOP (40.106.255.0/24) beside current EOP: kept, and the rest of 40.107.0.0/16 is added whole.
                "Partial 40.106.255.0-40.107.0.255 eop[40.107.0.0/24] other[40.106.255.0/24] ranges[40.107.0.0/16] +[] -[]",
                "Missing  eop[] other[] ranges[40.107.0.0/16] +[40.107.0.0/16] -[]",
                "Missing  eop[] other[] ranges[2a01:111:f400::/48] +[2a01:111:f400::/48] -[]",
            }, result.Rows.Select(Row));
            Assert.Empty(result.Warnings);
        }

        [Theory]
        // An address or range inside a current range: the range is added whole, not in pieces around the entry.
        [InlineData("40.107.22.5", "40.107.0.0/16")]
        [InlineData(" 40.92.1.1 ", "40.92.0.0/15")]
        [InlineData("40.92.64.0/18", "40.92.0.0/15")]
        [InlineData("2a01:111:f400:7c00::/54", "2a01:111:f400::/48")]
        public void AddsTheWholeRangeAroundAnEntryInsideIt(string entry, string range)
        {
            AllowListComparisonResult result = Compare(entry);
            Assert.Equal(EopAllowListStatus.Covered, result.Rows[0].Status);
            EopAllowListEntry missing = Assert.Single(result.Rows, r => r.Status == EopAllowListStatus.Missing && r.Ranges[0].Prefix == range);
            Assert.Equal(new[] { range }, missing.AddressesToAdd);
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16", "2a01:111:f400::/48" }, result.Rows.SelectMany(r => r.AddressesToAdd));
        }

        [Fact]
        public void KeepsTheEntryTextAndGivesTheAddressesAndDataSet()
        {
            EopAllowListEntry row = Compare(" 40.107.0.0/17 ").Rows[0];
            Assert.Equal(" 40.107.0.0/17 ", row.Entry);
            Assert.Equal(IPAddressFamily.IPv4, row.AddressFamily);
            Assert.Equal("40.107.0.0", row.FirstAddress!.ToString());
            Assert.Equal("40.107.127.255", row.LastAddress!.ToString());
            Assert.Same(Current.DataSet, row.DataSet);
            Assert.Equal("Covered  40.107.0.0/17 ", row.ToString());
            EopAllowListEntry missing = Compare(" 40.107.0.0/17 ").Rows.First(r => r.Status == EopAllowListStatus.Missing);
            Assert.Null(missing.Entry);
            Assert.Equal("40.92.0.0", missing.FirstAddress!.ToString());
            Assert.Equal("Missing 40.92.0.0/15", missing.ToString());
        }

        [Fact]
        public void ReportsAnyAsUnrestrictedAndMissesNothingOfItsFamily()
        {
            AllowListComparisonResult result = Compare("Any4", "LocalSubnet");
            Assert.Equal(new[]
            {
                "Unrestricted Any4 eop[] other[] ranges[40.92.0.0/15 40.107.0.0/16] +[] -[]",
                "NotComparable LocalSubnet eop[] other[] ranges[] +[] -[]",
                "Missing  eop[] other[] ranges[2a01:111:f400::/48] +[2a01:111:f400::/48] -[]",
            }, result.Rows.Select(Row));
            Assert.Equal("0.0.0.0", result.Rows[0].FirstAddress!.ToString());
            Assert.Equal("255.255.255.255", result.Rows[0].LastAddress!.ToString());
            Assert.Equal(new[]
            {
                "'LocalSubnet' is a firewall keyword whose addresses depend on the machine's network; it is reported as NotComparable and counted as covering no EOP address.",
                // Any4 is the firewall's only: no receive connector command.
                "'Any4' admits every IPv4 address: the receive connector or firewall rule accepts mail from any sender, not only from EOP. To accept only EOP and your other entries, " +
                    "after the edit replace it with the EOP ranges the rest lacks: on a firewall rule, give Set-NetFirewallAddressFilter -RemoteAddress your other entries and 40.92.0.0/15, 40.107.0.0/16.",
            }, result.Warnings.Select(w => w.Message));
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16" }, result.LockPrefixes);

            EopAllowListEntry any = Compare("*").Rows.Single();
            Assert.Equal(EopAllowListStatus.Unrestricted, any.Status);
            Assert.Null(any.AddressFamily);
            Assert.Null(any.FirstAddress);
            Assert.Equal(3, any.Ranges.Count);
        }

        [Theory]
        // Exchange's default RemoteIPRanges, and every other form of a whole family.
        [InlineData("0.0.0.0-255.255.255.255", "IPv4")]
        [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "IPv6")]
        [InlineData("0.0.0.0/0", "IPv4")]
        [InlineData("::/0", "IPv6")]
        [InlineData("0.0.0.0/0.0.0.0", "IPv4")]
        [InlineData("::ffff:0.0.0.0/96", "IPv4")]
        public void ReportsAWholeFamilyAsUnrestrictedAndAddsNothingOfIt(string entry, string family)
        {
            AllowListComparisonResult result = Compare(entry, "10.20.0.0/16", "40.92.0.0/14");
            EopAllowListEntry row = result.Rows[0];
            Assert.Equal(EopAllowListStatus.Unrestricted, row.Status);
            Assert.Equal(family, row.AddressFamily.ToString());
            Assert.Empty(row.AddressesToAdd);
            Assert.Empty(row.AddressesToRemove);
            // The edit adds only the other family's EOP ranges, and removes the entry of EOP space only: the unrestricted entry holds what it overlapped.
            string[] otherFamily = family == "IPv4" ? new[] { "2a01:111:f400::/48" } : new[] { "40.92.0.0/15", "40.107.0.0/16" };
            Assert.Equal(otherFamily, result.Rows.SelectMany(r => r.AddressesToAdd));
            Assert.Equal(new[] { "40.92.0.0/14" }, result.Rows.SelectMany(r => r.AddressesToRemove));
            string[] lockPrefixes = family == "IPv4" ? new[] { "40.92.0.0/15", "40.107.0.0/16" } : new[] { "2a01:111:f400::/48" };
            Assert.Equal(lockPrefixes, result.LockPrefixes);
            Diagnostic unrestricted = Assert.Single(result.Warnings);
            Assert.Equal("UnrestrictedEntries", unrestricted.Id);
            // The two commands are the fix the admin copies: they stay exact; the sentences around them may change.
            Assert.StartsWith("'" + entry + "' admits every " + family + " address", unrestricted.Message);
            Assert.Contains("Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = '" + entry + "'; Add = " + string.Join(", ", lockPrefixes.Select(p => "'" + p + "'")) + " }",
                unrestricted.Message);
            Assert.EndsWith("Set-NetFirewallAddressFilter -RemoteAddress your other entries and " + string.Join(", ", lockPrefixes) + ".", unrestricted.Message);
        }

        [Fact]
        public void GivesOneCommandForExchangesDefaultRemoteIPRanges()
        {
            AllowListComparisonResult result = Compare("0.0.0.0-255.255.255.255", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "40.92.0.0/15");
            Assert.Equal(new[] { "Unrestricted", "Unrestricted", "Covered" }, result.Rows.Select(r => r.Status.ToString()));
            Assert.Equal(new[] { "40.107.0.0/16", "2a01:111:f400::/48" }, result.LockPrefixes);
            Diagnostic unrestricted = Assert.Single(result.Warnings);
            Assert.Equal("UnrestrictedEntries", unrestricted.Id);
            Assert.StartsWith("'0.0.0.0-255.255.255.255' admits every IPv4 address and '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' admits every IPv6 address", unrestricted.Message);
            Assert.Contains("Set-ReceiveConnector <Identity> -RemoteIPRanges @{ Remove = '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'; " +
                "Add = '40.107.0.0/16', '2a01:111:f400::/48' }", unrestricted.Message);
            Assert.EndsWith("Set-NetFirewallAddressFilter -RemoteAddress your other entries and 40.107.0.0/16, 2a01:111:f400::/48.", unrestricted.Message);
            Assert.Equal(3, result.EditedEntryCount);
        }

        [Fact]
        public void ListsEachMissingRangeOnceAndNoRangeInsideAnother()
        {
            // 40.92.64.0/18 (EMEA) is inside 40.92.0.0/15 (Global): neither a range the entry touches nor a Missing row of its own.
            AllowListComparisonResult result = Compare("40.92.64.0/18", "40.107.0.0/17");
            Assert.Equal(new[]
            {
                "Covered 40.92.64.0/18 eop[40.92.64.0/18] other[] ranges[40.92.0.0/15] +[] -[]",
                "Covered 40.107.0.0/17 eop[40.107.0.0/17] other[] ranges[40.107.0.0/16] +[] -[]",
                "Missing  eop[] other[] ranges[40.92.0.0/15] +[40.92.0.0/15] -[]",
                "Missing  eop[] other[] ranges[40.107.0.0/16] +[40.107.0.0/16] -[]",
                "Missing  eop[] other[] ranges[2a01:111:f400::/48] +[2a01:111:f400::/48] -[]",
            }, result.Rows.Select(Row));
        }

        [Fact]
        public void CountsARegionalRangeOutsideTheGlobalList()
        {
            RangeData regional = Data((EopRegion.Global, "40.92.0.0/15"), (EopRegion.EMEA, "40.92.64.0/18"), (EopRegion.EMEA, "52.100.0.0/16"));
            AllowListComparisonResult result = AllowListComparison.Compare(Items("40.92.0.0/15", "52.100.0.0/15"), regional, new[] { History });
            Assert.Equal(new[]
            {
                "Covered 40.92.0.0/15 eop[40.92.0.0/15] other[] ranges[40.92.0.0/15] +[] -[]",
                "Partial 52.100.0.0/15 eop[52.100.0.0/16] other[52.101.0.0/16] ranges[52.100.0.0/16] +[] -[]",
            }, result.Rows.Select(Row));
            Assert.Equal(EopRegion.EMEA, result.Rows[1].Ranges[0].Region);
        }

        [Fact]
        public void PutsBackWhatARemovedEntryKeepsOnlyOnce()
        {
            // Both entries hold the retired 40.94.0.0/15; 40.92.0.0/15 is put back by the first only.
            AllowListComparisonResult result = Compare("40.92.0.0/14", "40.92.0.0-40.95.255.255");
            Assert.Equal(new[] { "40.92.0.0/15" }, result.Rows[0].AddressesToAdd);
            Assert.Empty(result.Rows[1].AddressesToAdd);
            Assert.Equal(new[] { "40.92.0.0/14" }, result.Rows[1].AddressesToRemove);
        }

        [Fact]
        public void WarnsWhenTheEditedListExceedsTheFirewallOrConnectorLimit()
        {
            // Single Foreign addresses: 1001 stay within the connector's limit but not the firewall's; 1201 exceed both.
            string[] Addresses(int count) => Enumerable.Range(0, count).Select(i => "10.1." + (i / 256) + "." + (i % 256)).ToArray();
            Assert.Empty(AllowListComparison.Compare(Items(Addresses(997)), Current, new[] { History }).Warnings);

            AllowListComparisonResult firewall = AllowListComparison.Compare(Items(Addresses(998)), Current, new[] { History });
            Assert.Equal(1001, firewall.EditedEntryCount);
            Diagnostic firewallLimit = Assert.Single(firewall.Warnings);
            Assert.Equal("FirewallRuleLimit", firewallLimit.Id);
            Assert.Contains("1001 entries", firewallLimit.Message);
            Assert.Contains("1000 addresses", firewallLimit.Message);

            AllowListComparisonResult connector = AllowListComparison.Compare(Items(Addresses(1198)), Current, new[] { History });
            Assert.Equal(1201, connector.EditedEntryCount);
            Assert.Equal(2, connector.Warnings.Count);
            Assert.Contains("1201 entries", connector.Warnings[1].Message);
            Assert.Contains("1200 to 1300", connector.Warnings[1].Message);
            Assert.Contains("AdminLimitExceededException", connector.Warnings[1].Message);
            Assert.Equal(new[] { "FirewallRuleLimit", "ReceiveConnectorLimit" }, connector.Warnings.Select(w => w.Id));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void FindsTheRetiredAndMissingRangesOfThe2018PageIn2022()
        {
            RangeData seed = EopSession.Seed.Data;
            RangeData web2022 = TestPaths.ReadShared("endpoints-service", "endpoints-worldwide-2022", "microsoft365-worldwide.json");
            List<AllowListItem> items = Items(seed.Ranges.Where(r => r.Region == EopRegion.Global).Select(r => r.Prefix).ToArray());
            AllowListComparisonResult result = AllowListComparison.Compare(items, web2022, new[] { seed });

            Assert.Equal(new[]
            {
                "23.103.132.0/22", "23.103.136.0/21", "23.103.144.0/20", "23.103.198.0/23", "23.103.200.0/22", "52.238.78.88/32", "65.55.88.0/24", "65.55.169.0/24",
                "94.245.120.64/26", "157.55.234.0/24", "157.56.110.0/23", "157.56.112.0/24", "207.46.100.0/24", "207.46.163.0/24", "213.199.154.0/24",
                "213.199.180.128/26", "216.32.180.0/23",
            }, result.Rows.Where(r => r.Status == EopAllowListStatus.Stale).Select(r => r.Entry));
            Assert.All(result.Rows.Where(r => r.Status == EopAllowListStatus.Stale), r => Assert.Equal(new[] { r.Entry }, r.AddressesToRemove));
            Assert.Equal(new[] { "Partial 40.92.0.0/14 eop[40.92.0.0/15] other[40.94.0.0/15] ranges[40.92.0.0/15] +[40.92.0.0/15] -[40.92.0.0/14]" },
                result.Rows.Where(r => r.Status == EopAllowListStatus.Partial).Select(Row));
            Assert.Equal(new[] { "40.107.0.0/17", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400:7c00::/54", "2a01:111:f400:fc00::/54", "2a01:111:f403::/48" },
                result.Rows.Where(r => r.Status == EopAllowListStatus.Covered).Select(r => r.Entry));
            // The 2018 page already listed 2a01:111:f403::/48; of 2a01:111:f400::/48 it has two /54s, so the /48 is added whole.
            Assert.Equal(new[]
            {
                "Missing  eop[] other[] ranges[40.107.0.0/16] +[40.107.0.0/16] -[]",
                "Missing  eop[] other[] ranges[2a01:111:f400::/48] +[2a01:111:f400::/48] -[]",
            }, result.Rows.Where(r => r.Status == EopAllowListStatus.Missing).Select(Row));
            Assert.Equal(24 + 2, result.Rows.Count);
        }
    }
}
