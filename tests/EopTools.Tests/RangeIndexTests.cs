using EopTools.Index;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    public class RangeIndexTests
    {
        private static readonly RangeIndex Index = new RangeIndex(Data(
            (EopRegion.Global, "40.92.0.0/14"),
            (EopRegion.Global, "52.238.78.88/32"),
            (EopRegion.Global, "2a01:111:f400:7c00::/54"),
            (EopRegion.Americas, "40.92.64.0/18"),
            (EopRegion.Americas, "2a01:111:f400:7c00::/54"),
            (EopRegion.APAC, "40.92.128.0/17"),
            (EopRegion.APAC, "40.92.192.0/18"),
            (EopRegion.APAC, "2a01:111:f400:7c00::/54"),
            (EopRegion.EMEA, "23.103.144.0/22"),
            (EopRegion.Global, "255.255.255.255/32"),
            (EopRegion.Global, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120")));

        [Theory]
        [InlineData("40.91.255.255", null)]
        [InlineData("40.92.0.0", "40.92.0.0/14")]
        [InlineData("40.95.255.255", "40.92.0.0/14")]
        [InlineData("40.96.0.0", null)]
        [InlineData("52.238.78.87", null)]
        [InlineData("52.238.78.88", "52.238.78.88/32")]
        [InlineData("52.238.78.89", null)]
        [InlineData("2a01:111:f400:7bff:ffff:ffff:ffff:ffff", null)]
        [InlineData("2a01:111:f400:7c00::", "2a01:111:f400:7c00::/54")]
        [InlineData("2a01:111:f400:7fff:ffff:ffff:ffff:ffff", "2a01:111:f400:7c00::/54")]
        [InlineData("2a01:111:f400:8000::", null)]
        [InlineData("255.255.255.255", "255.255.255.255/32")]
        [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120")]
        [InlineData("0.0.0.0", null)]
        [InlineData("::", null)]
        public void FindsTheGlobalRangeAtTheEdges(string address, string? expected)
        {
            Assert.Equal(expected, Index.Find(Address(address))?.Answer.Range?.Prefix);
        }

        private static readonly RangeIndex WideIndex = new RangeIndex(Data(
            (EopRegion.Global, "16.0.0.0/5"),
            (EopRegion.Global, "20.1.0.0/16"),
            (EopRegion.Global, "128.0.0.0/1"),
            (EopRegion.Global, "200.0.0.0/8")));

        // IPv4 lookups search by /8: a range that starts in an earlier /8 must still be found.
        [Theory]
        [InlineData("15.255.255.255", null)]
        [InlineData("16.0.0.0", "16.0.0.0/5")]
        [InlineData("17.5.5.5", "16.0.0.0/5")]
        [InlineData("20.0.255.255", "16.0.0.0/5")]
        [InlineData("20.1.0.0", "20.1.0.0/16")]
        [InlineData("20.1.255.255", "20.1.0.0/16")]
        [InlineData("20.2.0.0", "16.0.0.0/5")]
        [InlineData("22.0.0.1", "16.0.0.0/5")]
        [InlineData("23.255.255.255", "16.0.0.0/5")]
        [InlineData("24.0.0.0", null)]
        [InlineData("127.255.255.255", null)]
        [InlineData("128.0.0.0", "128.0.0.0/1")]
        [InlineData("199.255.255.255", "128.0.0.0/1")]
        [InlineData("200.0.0.0", "200.0.0.0/8")]
        [InlineData("200.255.255.255", "200.0.0.0/8")]
        [InlineData("201.0.0.0", "128.0.0.0/1")]
        [InlineData("255.255.255.255", "128.0.0.0/1")]
        public void FindsRangesThatSpanSeveralSlash8s(string address, string? expected)
        {
            Assert.Equal(expected, WideIndex.Find(Address(address))?.Answer.Range?.Prefix);
        }

        [Theory]
        [InlineData("40.92.70.1", "40.92.0.0/14", "Americas")]
        [InlineData("40.92.130.1", "40.92.0.0/14", "APAC")]
        [InlineData("40.92.10.1", "40.92.0.0/14", "")]
        [InlineData("2a01:111:f400:7c00::25", "2a01:111:f400:7c00::/54", "Americas,APAC")]
        public void ListsEveryRegionalTableThatContainsTheAddress(string address, string range, string regions)
        {
            IndexEntry entry = Index.Find(Address(address))!;
            Assert.Equal(range, entry.Answer.Range!.Prefix);
            Assert.Equal(regions, string.Join(",", entry.Answer.Regions));
        }

        [Fact]
        public void AnswersTheMostSpecificRangeOfEachTable()
        {
            IndexEntry entry = Index.Find(Address("40.92.200.1"))!;
            Assert.Equal("40.92.0.0/14", entry.ByTable[(int)EopRegion.Global]!.Prefix);
            Assert.Equal("40.92.192.0/18", entry.ByTable[(int)EopRegion.APAC]!.Prefix);
            Assert.Null(entry.ByTable[(int)EopRegion.Americas]);
            Assert.Equal("40.92.128.0/17", Index.Find(Address("40.92.191.255"))!.ByTable[(int)EopRegion.APAC]!.Prefix);
        }

        [Fact]
        public void FallsBackToTheRegionalRangeWhereTheGlobalListLacksIt()
        {
            IndexEntry entry = Index.Find(Address("23.103.145.1"))!;
            Assert.Equal("23.103.144.0/22", entry.Answer.Range!.Prefix);
            Assert.Equal(EopRegion.EMEA, entry.Answer.Range.Region);
            Assert.Null(entry.ByTable[(int)EopRegion.Global]);
        }

        [Theory]
        [InlineData("40.92.200.1", null, "40.92.0.0/14", "APAC")]
        [InlineData("40.92.200.1", EopRegion.APAC, "40.92.192.0/18", "APAC")]
        [InlineData("40.92.200.1", EopRegion.Global, "40.92.0.0/14", "")]
        [InlineData("40.92.200.1", EopRegion.Americas, null, "")]
        [InlineData("8.8.8.8", null, null, "")]
        [InlineData("8.8.8.8", EopRegion.EMEA, null, "")]
        public void AnswersOverAllTablesOrOne(string address, EopRegion? table, string? range, string regions)
        {
            EopAnswer answer = Index.Answer(Address(address), table);
            Assert.Equal(range, answer.Range?.Prefix);
            Assert.Equal(regions, string.Join(",", answer.Regions));
            Assert.Same(TestDataSet, answer.DataSet);
        }

        [Fact]
        public void SharesOneAnswerBetweenAddressesOfTheSameSegment()
        {
            Assert.Same(Index.Answer(Address("40.92.70.1"), null), Index.Answer(Address("40.92.70.2"), null));
            Assert.Same(Index.NotEop, Index.Answer(Address("8.8.8.8"), null));
        }

        [Fact]
        public void KnowsWhichTablesTheDataSetHas()
        {
            var globalOnly = new RangeIndex(Data((EopRegion.Global, "40.92.0.0/14")));
            Assert.True(globalOnly.HasTable(EopRegion.Global));
            Assert.False(globalOnly.HasTable(EopRegion.APAC));
            Assert.True(Index.HasTable(EopRegion.EMEA));
        }
    }
}
