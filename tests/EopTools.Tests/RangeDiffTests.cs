using System.Collections.Generic;
using System.Linq;
using EopTools.Diff;
using EopTools.Parsing;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>The diff engine on small hand-made versions: every kind of change, its prefixes and its exact addresses.</summary>
    public class RangeDiffTests
    {
        private const EopRegion G = EopRegion.Global;

        /// <summary>One line per change: kind, table, reference > difference, +added, -removed.</summary>
        internal static string[] Lines(RangeDiffResult result) => result.Changes.Select(Line).ToArray();

        internal static string Line(EopRangeChange c) =>
            c.Change + " " + c.Region + " " + c.ReferencePrefix + " > " + c.DifferencePrefix +
            " +[" + string.Join(" ", c.AddressesAdded) + "] -[" + string.Join(" ", c.AddressesRemoved) + "]";

        private static RangeDiffResult Diff(RangeData reference, RangeData difference, bool includeUnchanged = false) =>
            RangeDiff.Compare(reference, difference, includeUnchanged);

        [Fact]
        public void ReportsAddedAndRemovedPrefixes()
        {
            var result = Diff(Data((G, "10.0.0.0/24"), (G, "10.0.1.0/24")), Data((G, "10.0.1.0/24"), (G, "10.0.2.0/24")));
            Assert.Equal(new[]
            {
                "Removed Global 10.0.0.0/24 >  +[] -[10.0.0.0/24]",
                "Added Global  > 10.0.2.0/24 +[10.0.2.0/24] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ReportsUnchangedPrefixesOnlyWhenAsked()
        {
            var reference = Data((G, "10.0.0.0/24"), (G, "2001:db8::/32"));
            Assert.Empty(Diff(reference, reference).Changes);
            Assert.Equal(new[]
            {
                "Unchanged Global 10.0.0.0/24 > 10.0.0.0/24 +[] -[]",
                "Unchanged Global 2001:db8::/32 > 2001:db8::/32 +[] -[]",
            }, Lines(Diff(reference, reference, includeUnchanged: true)));
        }

        [Fact]
        public void ReportsAWiderPrefixAsWidenedWithTheAddressesItOpens()
        {
            var result = Diff(Data((G, "40.107.0.0/17")), Data((G, "40.107.0.0/16")));
            Assert.Equal(new[] { "Widened Global 40.107.0.0/17 > 40.107.0.0/16 +[40.107.128.0/17] -[]" }, Lines(result));
        }

        [Fact]
        public void ReportsANarrowerPrefixAsNarrowedWithTheAddressesItCloses()
        {
            var result = Diff(Data((G, "40.92.0.0/14")), Data((G, "40.92.0.0/15")));
            Assert.Equal(new[] { "Narrowed Global 40.92.0.0/14 > 40.92.0.0/15 +[] -[40.94.0.0/15]" }, Lines(result));
        }

        [Fact]
        public void WidensEveryOldPrefixInsideOneNewPrefixAndListsTheGainOnce()
        {
            var result = Diff(
                Data((G, "2a01:111:f400:7c00::/54"), (G, "2a01:111:f400:fc00::/54")),
                Data((G, "2a01:111:f400::/48")));
            Assert.Equal(new[]
            {
                "Widened Global 2a01:111:f400:7c00::/54 > 2a01:111:f400::/48 +[2a01:111:f400::/50 2a01:111:f400:4000::/51 2a01:111:f400:6000::/52 " +
                    "2a01:111:f400:7000::/53 2a01:111:f400:7800::/54 2a01:111:f400:8000::/50 2a01:111:f400:c000::/51 2a01:111:f400:e000::/52 " +
                    "2a01:111:f400:f000::/53 2a01:111:f400:f800::/54] -[]",
                "Widened Global 2a01:111:f400:fc00::/54 > 2a01:111:f400::/48 +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void NarrowsAPrefixThatSplitsOncePerPieceAndLosesNoAddressWhenThePiecesCoverIt()
        {
            var result = Diff(Data((G, "10.0.0.0/15")), Data((G, "10.0.0.0/16"), (G, "10.1.0.0/16")));
            Assert.Equal(new[]
            {
                "Narrowed Global 10.0.0.0/15 > 10.0.0.0/16 +[] -[]",
                "Narrowed Global 10.0.0.0/15 > 10.1.0.0/16 +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ListsTheAddressesAPartialSplitLosesOnItsFirstPiece()
        {
            var result = Diff(Data((G, "10.0.0.0/22")), Data((G, "10.0.1.0/24"), (G, "10.0.3.0/24")));
            Assert.Equal(new[]
            {
                "Narrowed Global 10.0.0.0/22 > 10.0.1.0/24 +[] -[10.0.0.0/24 10.0.2.0/24]",
                "Narrowed Global 10.0.0.0/22 > 10.0.3.0/24 +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void WidensToTheNarrowestNewPrefixAndAddsTheWiderOne()
        {
            var result = Diff(Data((G, "10.0.0.0/24")), Data((G, "10.0.0.0/16"), (G, "10.0.0.0/20")));
            Assert.Equal(new[]
            {
                "Added Global  > 10.0.0.0/16 +[10.0.16.0/20 10.0.32.0/19 10.0.64.0/18 10.0.128.0/17] -[]",
                "Widened Global 10.0.0.0/24 > 10.0.0.0/20 +[10.0.1.0/24 10.0.2.0/23 10.0.4.0/22 10.0.8.0/21] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ListsNoAddressesForAPrefixRemovedInsideAPrefixThatStays()
        {
            var result = Diff(Data((G, "10.0.0.0/16"), (G, "10.0.5.0/24")), Data((G, "10.0.0.0/16")), includeUnchanged: true);
            Assert.Equal(new[]
            {
                "Unchanged Global 10.0.0.0/16 > 10.0.0.0/16 +[] -[]",
                "Removed Global 10.0.5.0/24 >  +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void GivesEachAddressToTheNarrowestPrefixThatHoldsIt()
        {
            // Both new and nested: the /24's addresses are listed on its own row, the rest of the /16 on the /16's.
            var result = Diff(Data((G, "192.0.2.0/24")), Data((G, "10.0.0.0/16"), (G, "10.0.5.0/24"), (G, "192.0.2.0/24")));
            Assert.Equal(new[]
            {
                "Added Global  > 10.0.0.0/16 +[10.0.0.0/22 10.0.4.0/24 10.0.6.0/23 10.0.8.0/21 10.0.16.0/20 10.0.32.0/19 10.0.64.0/18 10.0.128.0/17] -[]",
                "Added Global  > 10.0.5.0/24 +[10.0.5.0/24] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ComparesEachTableAndFamilyApartInTableFamilyAndAddressOrder()
        {
            var result = Diff(
                Data((EopRegion.EMEA, "10.0.0.0/24"), (G, "2001:db8::/48"), (G, "10.0.0.0/24")),
                Data((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.1.0/24"), (G, "2001:db8::/47"), (G, "192.0.2.0/24")));
            Assert.Equal(new[]
            {
                "Added Global  > 192.0.2.0/24 +[192.0.2.0/24] -[]",
                "Widened Global 2001:db8::/48 > 2001:db8::/47 +[2001:db8:1::/48] -[]",
                "Removed EMEA 10.0.0.0/24 >  +[] -[]",
                "Added EMEA  > 10.0.1.0/24 +[10.0.1.0/24] -[]",
            }, Lines(result));
            Assert.Equal(new IPAddressFamily?[] { IPAddressFamily.IPv4, IPAddressFamily.IPv6, IPAddressFamily.IPv4, IPAddressFamily.IPv4 }, result.Changes.Select(c => c.AddressFamily));
            Assert.Equal(new[] { G, EopRegion.EMEA }, result.Regions);
        }

        [Fact]
        public void ReportsATableOnOneSideOnlyAsOneChangeListingOnlyTheAddressesNoOtherTableHas()
        {
            var result = Diff(
                Data((G, "10.0.0.0/24"), (EopRegion.Americas, "10.0.0.0/25"), (EopRegion.Americas, "10.0.0.0/26"), (EopRegion.Americas, "2001:db8::/56")),
                Data((G, "10.0.0.0/24"), (EopRegion.APAC, "10.0.0.128/25"), (EopRegion.APAC, "192.0.2.0/24")));
            Assert.Equal(new[]
            {
                "TableRemoved Americas  >  +[] -[2001:db8::/56]",
                "TableAdded APAC  >  +[192.0.2.0/24] -[]",
            }, Lines(result));
            Assert.All(result.Changes, c => Assert.Null(c.AddressFamily));
            Assert.Equal(new[] { G, EopRegion.Americas, EopRegion.APAC }, result.Regions);
        }

        [Fact]
        public void ClosesNothingWhenARegionalTableGoesAndItsAddressesStayInTheGlobalList()
        {
            var result = Diff(
                Data((G, "40.92.0.0/14"), (EopRegion.Americas, "40.92.64.0/18"), (EopRegion.EMEA, "40.92.0.0/18")),
                Data((G, "40.92.0.0/15")));
            Assert.Equal(new[]
            {
                "Narrowed Global 40.92.0.0/14 > 40.92.0.0/15 +[] -[40.94.0.0/15]",
                "TableRemoved Americas  >  +[] -[]",
                "TableRemoved EMEA  >  +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ListsAnAddressLostFromSeveralTablesOnceOnTheFirstTable()
        {
            var result = Diff(
                Data((G, "23.103.132.0/22"), (EopRegion.Americas, "23.103.132.0/22"), (EopRegion.EMEA, "23.103.132.0/23"), (EopRegion.EMEA, "10.0.0.0/24")),
                Data((G, "10.0.1.0/24"), (EopRegion.Americas, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.0.0/24")));
            Assert.Equal(new[]
            {
                "Added Global  > 10.0.1.0/24 +[10.0.1.0/24] -[]",
                "Removed Global 23.103.132.0/22 >  +[] -[23.103.132.0/22]",
                "Added Americas  > 10.0.0.0/24 +[] -[]",
                "Removed Americas 23.103.132.0/22 >  +[] -[]",
                "Removed EMEA 23.103.132.0/23 >  +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ListsAnAddressGainedInARegionalTableOnlyOnThatTable()
        {
            var result = Diff(
                Data((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.0.0/25")),
                Data((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.0.0/23")));
            Assert.Equal(new[] { "Widened EMEA 10.0.0.0/25 > 10.0.0.0/23 +[10.0.1.0/24] -[]" }, Lines(result));
        }

        [Fact]
        public void ListsNothingForAPrefixThatMovesFromTheGlobalListToARegionalTable()
        {
            var result = Diff(
                Data((G, "10.0.0.0/24"), (G, "10.0.1.0/24"), (EopRegion.EMEA, "10.0.1.0/24")),
                Data((G, "10.0.1.0/24"), (EopRegion.EMEA, "10.0.1.0/24"), (EopRegion.EMEA, "10.0.0.0/24")));
            Assert.Equal(new[]
            {
                "Removed Global 10.0.0.0/24 >  +[] -[]",
                "Added EMEA  > 10.0.0.0/24 +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void ComparesOnlyTheTablesInScope()
        {
            var reference = Data((G, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.0.0/25"));
            var difference = Data((G, "10.0.1.0/24"));
            var result = RangeDiff.Compare(reference, difference, includeUnchanged: false, tables: new[] { G });
            Assert.Equal(new[] { "Removed Global 10.0.0.0/24 >  +[] -[10.0.0.0/24]", "Added Global  > 10.0.1.0/24 +[10.0.1.0/24] -[]" }, Lines(result));
            Assert.Equal(new[] { G }, result.Regions);
        }

        private static RangeData WithoutIPv6(params (EopRegion Region, string Prefix)[] entries)
        {
            var dataSet = new EopDataSet("noipv6", "2", null, "noipv6.json", "EndpointsJson", hasIPv6: false);
            return new RangeData(dataSet, entries.Select(e => new EopIpRange(Prefix(e.Prefix), e.Region, dataSet)).ToList(), new List<Diagnostic>());
        }

        [Fact]
        public void ReportsTheIPv6ThatAListWithoutIPv6LosesAndSaysWhy()
        {
            var result = Diff(Data((G, "10.0.0.0/24"), (G, "2001:db8::/48"), (EopRegion.EMEA, "2001:db8::/56")), WithoutIPv6((G, "10.0.0.0/23")));
            Assert.Equal(new[]
            {
                "Widened Global 10.0.0.0/24 > 10.0.0.0/23 +[10.0.1.0/24] -[]",
                "Removed Global 2001:db8::/48 >  +[] -[2001:db8::/48]",
                "TableRemoved EMEA  >  +[] -[]",
            }, Lines(result));
            MessageAssert.Names(Assert.Single(result.Warnings), "AddressFamilyMissing", "difference 'noipv6 2 (noipv6.json)'", "no IPv6 range", "NoIPv6", "all 2 IPv6 ranges", "removed");
        }

        [Fact]
        public void ReportsTheIPv6ThatComesBackAfterAListWithoutIPv6()
        {
            var result = Diff(WithoutIPv6((G, "10.0.0.0/24")), Data((G, "10.0.0.0/24"), (G, "2001:db8::/48")));
            Assert.Equal(new[] { "Added Global  > 2001:db8::/48 +[2001:db8::/48] -[]" }, Lines(result));
            MessageAssert.Names(Assert.Single(result.Warnings), "AddressFamilyMissing", "reference 'noipv6 2 (noipv6.json)'", "no IPv6 range", "NoIPv6", "all 1 IPv6 ranges", "added");
        }

        [Fact]
        public void SaysWhenAListThatCarriesIPv6ElsewhereLosesAllItsIPv6Ranges()
        {
            var result = Diff(Data((G, "10.0.0.0/24"), (G, "2001:db8::/48")), Data((G, "10.0.0.0/24")));
            Assert.Equal(new[] { "Removed Global 2001:db8::/48 >  +[] -[2001:db8::/48]" }, Lines(result));
            Diagnostic warning = Assert.Single(result.Warnings);
            MessageAssert.Names(warning, "AddressFamilyMissing", "difference 'test 1 (test)'", "no IPv6 range", "all 1 IPv6 ranges", "removed");
            Assert.DoesNotContain("NoIPv6", warning.Message);
        }

        [Fact]
        public void NeitherWarnsNorSkipsAnythingWhenBothCarryNoIPv6()
        {
            var result = Diff(WithoutIPv6((G, "10.0.0.0/24")), WithoutIPv6((G, "10.0.1.0/24")));
            Assert.Equal(new[] { "Removed Global 10.0.0.0/24 >  +[] -[10.0.0.0/24]", "Added Global  > 10.0.1.0/24 +[10.0.1.0/24] -[]" }, Lines(result));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void ComparesOnlyTheFamiliesInScopeWithoutAWarning()
        {
            var result = RangeDiff.Compare(Data((G, "10.0.0.0/24"), (G, "2001:db8::/48")), Data((G, "10.0.1.0/24")), includeUnchanged: false,
                families: new[] { IPAddressFamily.IPv4 });
            Assert.Equal(new[] { "Removed Global 10.0.0.0/24 >  +[] -[10.0.0.0/24]", "Added Global  > 10.0.1.0/24 +[10.0.1.0/24] -[]" }, Lines(result));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void IgnoresAPrefixListedTwice()
        {
            var result = Diff(Data((G, "10.0.0.0/24"), (G, "10.0.0.0/24")), Data((G, "10.0.0.0/23"), (G, "10.0.0.0/23")));
            Assert.Equal(new[] { "Widened Global 10.0.0.0/24 > 10.0.0.0/23 +[10.0.1.0/24] -[]" }, Lines(result));
        }

        [Fact]
        public void HandlesTheWholeAddressSpaceOfBothFamilies()
        {
            var result = Diff(Data((G, "0.0.0.0/0"), (G, "::/0")), Data((G, "255.255.255.0/24"), (G, "ffff::/16"), (G, "::/1")));
            Assert.Equal(new[]
            {
                "Narrowed Global 0.0.0.0/0 > 255.255.255.0/24 +[] -[0.0.0.0/1 128.0.0.0/2 192.0.0.0/3 224.0.0.0/4 240.0.0.0/5 248.0.0.0/6 252.0.0.0/7 254.0.0.0/8 255.0.0.0/9 " +
                    "255.128.0.0/10 255.192.0.0/11 255.224.0.0/12 255.240.0.0/13 255.248.0.0/14 255.252.0.0/15 255.254.0.0/16 255.255.0.0/17 255.255.128.0/18 255.255.192.0/19 " +
                    "255.255.224.0/20 255.255.240.0/21 255.255.248.0/22 255.255.252.0/23 255.255.254.0/24]",
                "Narrowed Global ::/0 > ::/1 +[] -[8000::/2 c000::/3 e000::/4 f000::/5 f800::/6 fc00::/7 fe00::/8 ff00::/9 ff80::/10 ffc0::/11 ffe0::/12 fff0::/13 fff8::/14 fffc::/15 fffe::/16]",
                "Narrowed Global ::/0 > ffff::/16 +[] -[]",
            }, Lines(result));
        }

        [Fact]
        public void DescribesBothDataSetsOnEveryChange()
        {
            var older = new EopDataSet("old", "2018-06-15", null, "a.md", "EopPage", hasIPv6: true);
            var newer = new EopDataSet("new", "2018-07-11", null, "b.md", "EopPage", hasIPv6: true);
            var result = RangeDiff.Compare(
                new RangeData(older, new[] { new EopIpRange(Prefix("10.0.0.0/24"), G, older) }, new List<Diagnostic>()),
                new RangeData(newer, new[] { new EopIpRange(Prefix("10.0.0.0/23"), G, newer) }, new List<Diagnostic>()),
                includeUnchanged: false);
            EopRangeChange change = Assert.Single(result.Changes);
            Assert.Same(older, change.ReferenceDataSet);
            Assert.Same(newer, change.DifferenceDataSet);
            Assert.Equal("Widened 10.0.0.0/24 to 10.0.0.0/23 (Global)", change.ToString());
        }

        [Fact]
        public void NamesRangesFromSeveralDataSetsTogether()
        {
            var a = new EopDataSet("page", "2018-06-15", null, "a.md", "EopPage", hasIPv6: true);
            var b = new EopDataSet("list", "undated", null, "b.txt", "PlainText", hasIPv6: true);
            RangeData data = RangeDiff.FromRanges(new[]
            {
                new EopIpRange(Prefix("10.0.0.0/24"), G, a), new EopIpRange(Prefix("10.0.1.0/24"), G, b), new EopIpRange(Prefix("10.0.2.0/24"), G, a),
            });
            Assert.Equal("page + list 2018-06-15, undated (a.md; b.txt)", data.DataSet.ToString());
            Assert.Same(a, RangeDiff.FromRanges(new[] { new EopIpRange(Prefix("10.0.0.0/24"), G, a) }).DataSet);
        }
    }
}
