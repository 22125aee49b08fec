using System.Collections.Generic;
using System.Linq;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Every endpoint set of an /endpoints answer, on a fixture of the format's quirks.</summary>
    public class EndpointSetTests
    {
        private const string EopSet = "{\"id\": 10, \"serviceArea\": \"Exchange\", \"ips\": [\"192.0.2.0/24\"], \"tcpPorts\": \"25\", \"category\": \"Allow\"}";

        private static RangeData Quirks() => RangeFileReader.Read(TestPaths.Fixture("endpoints-quirks.json"));

        [Fact]
        public void KeepsEveryWellFormedSetInTheOrderPublished()
        {
            Assert.Equal(new[] { 1, 2, 10, 11, 20 }, Quirks().EndpointSets!.Select(s => s.Id));
        }

        [Fact]
        public void SkipsEachMalformedSetWithAWarningNamingIt()
        {
            string source = TestPaths.Fixture("endpoints-quirks.json");
            Assert.Equal(new[]
            {
                source + ":59: endpoint set 30 is malformed (tcpPorts '443;80': '443;80' is not a port (0-65535) or a range of ports); skipped",
                source + ":67: endpoint set 31 is malformed (required is a string, not true or false); skipped",
                source + ":75: endpoint set without a whole-number id; skipped",
                source + ":82: endpoint set 2 is listed twice; the later one is skipped",
            }, Quirks().Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void ReadsFreeTextPortsIntoPortsAndRangesKeepingTheText()
        {
            Dictionary<int, EopEndpointSet> sets = Quirks().EndpointSets!.ToDictionary(s => s.Id);
            Assert.Equal("443,80", sets[1].TcpPorts);
            Assert.Equal(new[] { "443", "80" }, sets[1].TcpPortRanges.Select(p => p.ToString()));
            Assert.Equal(new[] { "443" }, sets[1].UdpPortRanges.Select(p => p.ToString()));
            Assert.Equal("143, 587, 993, 995", sets[2].TcpPorts);
            Assert.Equal(new[] { 143, 587, 993, 995 }, sets[2].TcpPortRanges.Select(p => p.First));
            Assert.Null(sets[11].TcpPorts);
            Assert.Empty(sets[11].TcpPortRanges);
            EopPortRange udp = Assert.Single(sets[11].UdpPortRanges);
            Assert.Equal((3478, 3481, "3478-3481"), (udp.First, udp.Last, udp.ToString()));
            Assert.Equal(new[] { "1024-65535", "80" }, sets[20].TcpPortRanges.Select(p => p.ToString()));
            Assert.True(sets[20].HasPort(8080));
            Assert.False(sets[20].HasPort(443 - 420));
            Assert.True(sets[11].HasPort(3480));
            Assert.False(sets[11].HasPort(443));
        }

        [Theory]
        [InlineData("443;80", "'443;80' is not a port")]
        [InlineData("443,", "'' is not a port")]
        [InlineData("65536", "'65536' is not a port")]
        [InlineData("+443", "'+443' is not a port")]
        [InlineData("3481-3478", "'3481-3478' ends before it starts")]
        [InlineData("1-2-3", "'1-2-3' is not a port")]
        public void RefusesPortTextThatIsNotPorts(string text, string names)
        {
            Assert.False(EndpointSetReader.TryParsePorts(text, out _, out string? reason));
            MessageAssert.NamesLike(names, reason);
        }

        [Theory]
        [InlineData("\"serviceArea\": null", "serviceArea", "null")]
        [InlineData("\"serviceArea\": \" \"", "serviceArea", "blank")]
        [InlineData("\"serviceArea\": \"Exchange\", \"urls\": [\"\"]", "URL", "blank")]
        [InlineData("\"serviceArea\": \"Exchange\", \"ips\": \"198.51.100.0/24\"", "ips", "not an array")]
        [InlineData("\"serviceArea\": \"Exchange\", \"udpPorts\": 443", "udpPorts", "a number")]
        [InlineData("\"serviceArea\": \"Exchange\", \"udpPorts\": \"3478 - 3481\", \"tcpPorts\": \"80-\"", "tcpPorts", "'80-'", "not a port")]
        public void SkipsASetWhoseMembersAreNotWhatTheyClaimNamingItAndWhy(string members, params string[] problem)
        {
            RangeData data = EndpointsJsonParser.Parse("[" + EopSet + ",\n{\"id\": 7, " + members + ", \"category\": \"Allow\"}]", "answer.json");
            Assert.Equal(new[] { 10 }, data.EndpointSets!.Select(s => s.Id));
            Diagnostic warning = Assert.Single(data.Diagnostics);
            Assert.Equal(("answer.json", 2), (warning.Source, warning.Line));
            MessageAssert.Names(warning, "MalformedEndpointSet", problem.Append("endpoint set 7 ").ToArray());
        }

        [Fact]
        public void ListsTheSetsHoldingAnAddressOptimizeThenAllowThenDefaultThenById()
        {
            // Ids that do not follow the categories, so an order by id alone fails; a category the service does not
            // document (yet) comes last, as published.
            string Set(int id, string category) =>
                "{\"id\": " + id + ", \"serviceArea\": \"Common\", \"ips\": [\"198.51.100.0/24\"], \"tcpPorts\": \"443\", \"category\": \"" + category + "\"}";
            RangeData data = EndpointsJsonParser.Parse("[" + EopSet + "," + Set(3, "Default") + "," + Set(4, "Preview") + "," + Set(5, "Allow") + "," +
                Set(7, "Optimize") + "," + Set(2, "Allow") + "," + Set(9, "optimize") + "]", "answer.json");
            Assert.True(AddressInput.TryParse("198.51.100.7", out IpAddressValue address, out _));
            EopIpTestResult result = new EopIpTestResult("198.51.100.7", string.Empty, "198.51.100.7", new RangeIndex(data).Answer(address, null));
            Assert.Equal("7:Optimize 9:optimize 2:Allow 5:Allow 3:Default 4:Preview", string.Join(" ", result.EndpointSets!.Select(m => m.Id + ":" + m.Category)));
        }

        [Fact]
        public void TreatsOmittedAndBlankMembersAsAbsentAndIgnoresUnknownOnes()
        {
            Dictionary<int, EopEndpointSet> sets = Quirks().EndpointSets!.ToDictionary(s => s.Id);
            Assert.Null(sets[2].Notes);
            Assert.Equal("Only needed for the apps", sets[20].Notes);
            Assert.Empty(sets[11].Urls);
            Assert.Empty(sets[20].Ips);
            Assert.Equal("443", sets[1].UdpPorts);
            Assert.Equal(new[] { "*.officeapps.live.com", "autodiscover.*.onmicrosoft.com" }, sets[20].Urls);
            Assert.Equal("Microsoft Teams", sets[11].ServiceAreaDisplayName);
            Assert.Equal((true, false), (sets[1].Required!.Value, sets[2].Required!.Value));
        }

        [Fact]
        public void GivesEachSetItsIpsAsRangesIPv4FirstThatNameTheSetAndTheAnswer()
        {
            RangeData data = Quirks();
            EopEndpointSet set = data.EndpointSets!.Single(s => s.Id == 1);
            Assert.Equal(new[] { "13.107.6.152/31", "198.51.100.0/25", "2603:1006::/40" }, set.Ips.Select(r => r.ToString()));
            Assert.All(set.Ips, r => Assert.Same(set, r.EndpointSet));
            Assert.All(set.Ips, r => Assert.Same(data.DataSet, r.DataSet));
            Assert.Same(data.DataSet, set.DataSet);
            // The same prefix in two sets is in both.
            Assert.Contains("13.107.6.152/31", data.EndpointSets!.Single(s => s.Id == 2).Ips.Select(r => r.Prefix));
        }

        [Fact]
        public void KeepsTheEopRangesAsBeforeFromTheSetWithPort25()
        {
            RangeData data = Quirks();
            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(data.Ranges));
            Assert.Same(data.EndpointSets!.Single(s => s.Id == 10), data.Ranges[0].EndpointSet);
        }

        [Fact]
        public void HasNoEndpointSetsForDataOtherThanTheWebServiceAnswer()
        {
            Assert.Null(EopSession.Seed.Data.EndpointSets);
            Assert.Null(RangeFileReader.Read(TestPaths.Fixture("ranges.txt")).EndpointSets);
            Assert.Null(RangeFileReader.Read(TestPaths.Fixture("O365IPAddresses.xml")).EndpointSets);
        }

        [Fact]
        public void RecordsTheInstanceAnAnswerWasAskedFor()
        {
            string text = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}]";
            Assert.Equal("USGovDoD", EndpointsJsonParser.Parse(text, "x", "USGovDoD").DataSet.Instance);
            Assert.Null(EndpointsJsonParser.Parse(text, "x").DataSet.Instance);
        }
    }
}
