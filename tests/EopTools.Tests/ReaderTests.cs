using System.IO;
using System.Linq;
using EopTools.Parsing;
using EopTools.Parsing.Json;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Every format, detected by content, on small fixtures of our own (tests/fixtures).</summary>
    public class ReaderTests
    {
        [Theory]
        [InlineData(" \t\r\n[1]", "[", true)]
        [InlineData("{", "{", true)]
        [InlineData("x[", "[", false)]
        [InlineData("", "[", false)]
        [InlineData("--", "---", false)]
        [InlineData("  <PRODUCTS updated=\"1/1/2018\">", "<products", true)]
        public void RecognisesAFormatByItsStartAfterSpace(string text, string start, bool expected)
        {
            Assert.Equal(expected, TextStart.Is(text, start, System.StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void ReadsTheEopSetsOfAnEndpointsAnswer()
        {
            RangeData data = RangeFileReader.Read(TestPaths.Fixture("endpoints.json"));
            Assert.Equal(new[] { "192.0.2.0/25", "192.0.2.128/25", "203.0.113.7/32", "10.25.0.0/16", "2001:db8:f400::/48" }, TestData.Texts(data.Ranges));
            Assert.All(data.Ranges, r => Assert.Equal(EopRegion.Global, r.Region));
            Assert.Equal("EndpointsJson", data.DataSet.Format);
            Assert.True(data.DataSet.HasIPv6);
        }

        [Fact]
        public void KeepsTheEndpointSetOnEachRange()
        {
            RangeData data = RangeFileReader.Read(TestPaths.Fixture("endpoints.json"));
            EopEndpointSet set = data.Ranges.Single(r => r.Prefix == "192.0.2.0/25").EndpointSet!;
            Assert.Equal(10, set.Id);
            Assert.Equal("Exchange", set.ServiceArea);
            Assert.Equal("25", set.TcpPorts);
            Assert.Equal("Allow", set.Category);
            Assert.True(set.Required);
            Assert.True(set.ExpressRoute);
            Assert.Equal("10 (Exchange, TCP 25, Allow, required, ExpressRoute)", set.ToString());
            EopEndpointSet spaced = data.Ranges.Single(r => r.Prefix == "10.25.0.0/16").EndpointSet!;
            Assert.Equal(12, spaced.Id);
            Assert.False(spaced.Required);
            Assert.Null(spaced.ExpressRoute);
        }

        [Fact]
        public void WarnsAboutAMalformedRangeWithItsLine()
        {
            RangeData data = RangeFileReader.Read(TestPaths.Fixture("endpoints.json"));
            Diagnostic warning = Assert.Single(data.Diagnostics);
            Assert.Equal(18, warning.Line);
            Assert.Equal("MalformedRange", warning.Id);
            Assert.Contains("endpoint set 10", warning.Message);
            Assert.Contains("192.0.2.0/25", warning.Message);
            Assert.Equal("192.0.2.1/25", warning.Text);
        }

        [Fact]
        public void RecordsThatAnAnswerCarriesNoIPv6()
        {
            string text = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}]";
            Assert.False(EndpointsJsonParser.Parse(text, "noipv6.json").DataSet.HasIPv6);
        }

        [Fact]
        public void CountsIPv6InOtherSetsAsCarryingIPv6()
        {
            string text = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}," +
                "{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"2001:db8::/32\"],\"tcpPorts\":\"443\"}]";
            Assert.True(EndpointsJsonParser.Parse(text, "full.json").DataSet.HasIPv6);
        }

        [Fact]
        public void DescribesTheVersionAndInstanceItWasAskedFor()
        {
            string text = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}]";
            EopDataSet dataSet = EndpointsJsonParser.Parse(text, "cache", "Worldwide", "2026110100").DataSet;
            Assert.Equal("Microsoft 365 endpoints (Worldwide)", dataSet.Name);
            Assert.Equal("2026110100", dataSet.Version);
            Assert.Equal(new System.DateTime(2026, 11, 1), dataSet.Published);
        }

        [Theory]
        [InlineData("[{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"443\"}]", "NoEopRanges")]
        [InlineData("[]", "NoEopRanges")]
        [InlineData("{\"instance\":\"Worldwide\",\"latest\":\"2026110100\"}", "UnrecognizedRangeFile")]
        [InlineData("[{\"id\":1,\"endpointSetId\":4,\"disposition\":\"Change\"}]", "UnrecognizedRangeFile")]
        [InlineData("[{\"id\":10,\"serviceArea\":\"Exchange\",", "InvalidJson")]
        public void RejectsJsonThatIsNotAnEndpointsAnswerWithEop(string text, string errorId)
        {
            Assert.Equal(errorId, Assert.Throws<RangeDataException>(() => EndpointsJsonParser.Parse(text, "x.json")).ErrorId);
        }

        [Fact]
        public void ReadsTheEopProductOfTheLegacyXml()
        {
            RangeData data = RangeFileReader.Read(TestPaths.Fixture("O365IPAddresses.xml"));
            Assert.Equal(new[] { "192.0.2.0/24", "203.0.113.7/32", "2001:db8:f40::/48" }, TestData.Texts(data.Ranges));
            Assert.Equal("2018-06-02", data.DataSet.Version);
            Diagnostic warning = Assert.Single(data.Diagnostics);
            Assert.Equal(12, warning.Line);
            Assert.Equal("203.0.113.8/24", warning.Text);
        }

        [Theory]
        [InlineData("<?xml version=\"1.0\"?><rss><channel/></rss>", "UnrecognizedRangeFile")]
        [InlineData("<products updated=\"6/2/2018\"><product name=\"EXO\"/></products>", "NoEopRanges")]
        [InlineData("<products><product name=\"EOP\">", "InvalidXml")]
        public void RejectsXmlWithoutEopRanges(string text, string errorId)
        {
            Assert.Equal(errorId, Assert.Throws<RangeDataException>(() => RangeFileReader.ReadText(text, "x.xml")).ErrorId);
        }

        [Theory]
        [InlineData("[1, 2", "line 1, column 6", "']'")]
        [InlineData("{\"a\": tru}", "line 1, column 7", "true")]
        [InlineData("[\n  \"a\",\n  01\n]", "line 3, column 4", "']'")]
        [InlineData("{\"a\": 1, \"A\": 2}", "line 1, column 10", "'A'", "twice")]
        [InlineData("[] x", "line 1, column 4", "after the JSON value")]
        public void ReportsJsonSyntaxErrorsWithLineAndColumn(string text, params string[] values)
        {
            var error = Assert.Throws<RangeDataException>(() => EndpointsJsonParser.Parse(text, "answer.json"));
            MessageAssert.Names(error, "InvalidJson", values.Append("'answer.json'").ToArray());
        }

        [Fact]
        public void ReadsJsonStringsNumbersAndLiterals()
        {
            JsonNode node = JsonReader.Parse("{\"s\": \"a\\u00e9\\n\\\"\", \"n\": -1.5e3, \"t\": true, \"z\": null, \"a\": [false]}");
            Assert.Equal("a\u00e9\n\"", node.Member("S")!.Text);
            Assert.Equal("-1.5e3", node.Member("n")!.Text);
            Assert.Equal(JsonKind.True, node.Member("t")!.Kind);
            Assert.Equal(JsonKind.Null, node.Member("z")!.Kind);
            Assert.Equal(JsonKind.False, node.Member("a")!.Items[0].Kind);
        }

        [Fact]
        public void RefusesAPageWithRegionalTablesButNoGlobalList()
        {
            string path = TestPaths.Fixture("regional-tables-only.md");
            var error = Assert.Throws<RangeDataException>(() => RangeFileReader.Read(path));
            Assert.Equal("NoGlobalRangeList", error.ErrorId);
            Assert.Equal("'" + path + "' has regional tables but no global EOP list (the table under 'EOP IP address ranges'); every EOP page " +
                "that had regional tables also had the global list, which is what Get-EopIpRange answers by default. It is not used.", error.Message);
        }

        [Theory]
        [InlineData("# Exchange Online Protection IP addresses\n## EOP IP address ranges\n| 192.0.2.0/24 |\n## IP Ranges by region\n| 10.0.0.0/26 |\n", "Global Americas")]
        [InlineData("192.0.2.0/24\n", "Global")]
        public void AcceptsAFileWithAGlobalList(string text, string tables)
        {
            RangeData data = RangeFileReader.ReadText(text, "x");
            Assert.Equal(tables, string.Join(" ", data.Ranges.Select(r => r.Region).Distinct()));
        }

        [Fact]
        public void RejectsAFileInNoKnownFormat()
        {
            var error = Assert.Throws<RangeDataException>(() => RangeFileReader.ReadText("just some words here", "notes.txt"));
            Assert.Equal("UnrecognizedRangeFile", error.ErrorId);
        }
    }
}
