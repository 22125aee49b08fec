using System.Collections.Generic;
using System.Linq;
using EopTools.Diff;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Set-by-set comparisons of web service answers, and the refusal of unlike ones.</summary>
    public class EndpointSetDiffTests
    {
        private static RangeData Json(string text, string? instance = null) => EndpointsJsonParser.Parse(text, "answer.json", instance);

        private const string Eop = "{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\",\"category\":\"Allow\",\"required\":true}";

        private static string Rows(IEnumerable<EopEndpointSetChange> changes) =>
            string.Join(" | ", changes.Select(c => c + " +[" + string.Join(" ", c.AddressesAdded.Concat(c.UrlsAdded)) + "] -[" + string.Join(" ", c.AddressesRemoved.Concat(c.UrlsRemoved)) + "]"));

        [Fact]
        public void ReportsAddedRemovedAndChangedSetsWithTheirAddressesInAddressSpace()
        {
            RangeData older = Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"198.51.100.0/24\"],\"urls\":[\"a.example.com\"],\"tcpPorts\":\"443,80\",\"category\":\"Optimize\",\"required\":true}," +
                "{\"id\":2,\"serviceArea\":\"Common\",\"urls\":[\"b.example.com\"],\"tcpPorts\":\"443\",\"category\":\"Default\",\"required\":true}]");
            RangeData newer = Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"198.51.100.0/25\",\"203.0.113.0/24\"],\"urls\":[\"A.example.com\",\"c.example.com\"],\"tcpPorts\":\"80, 443\",\"category\":\"Allow\",\"required\":false}," +
                "{\"id\":3,\"serviceArea\":\"Skype\",\"ips\":[\"10.1.0.0/16\"],\"udpPorts\":\"3478-3481\",\"category\":\"Optimize\",\"required\":true}]");
            Assert.Equal("Changed set 1 (Exchange): Ips; Urls; Category; Required +[203.0.113.0/24 c.example.com] -[198.51.100.128/25] | " +
                "Removed set 2 (Common) +[] -[b.example.com] | Added set 3 (Skype) +[10.1.0.0/16] -[]", Rows(EndpointSetDiff.Compare(older, newer, ipv4Only: false)));
        }

        [Fact]
        public void ReadsPortsInAnyOrderOrSpacingAsTheSame()
        {
            RangeData older = Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Skype\",\"udpPorts\":\"3478,3479,3480,3481\",\"tcpPorts\":\"443,80\"}]");
            RangeData newer = Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Skype\",\"udpPorts\":\"3478-3481\",\"tcpPorts\":\"80, 443\"}]");
            Assert.Empty(EndpointSetDiff.Compare(older, newer, ipv4Only: false));
            Assert.False(EndpointSetDiff.AnyChanged(older, newer));
        }

        [Fact]
        public void RefusesAnswersOfTwoInstancesByTheirNames()
        {
            var error = Assert.Throws<EndpointSetDiffException>(() => EndpointSetDiff.Compare(Json("[" + Eop + "]", "Worldwide"), Json("[" + Eop + "]", "USGovDoD"), ipv4Only: true));
            Assert.Equal("EndpointSetsOfAnotherInstance", error.ErrorId);
        }

        [Fact]
        public void RefusesAnswersOfTwoInstancesByTheirEopSetWhenTheNamesAreUnknown()
        {
            RangeData worldwide = RangeFileReader.Read(TestPaths.Fixture("endpoints.json"));
            RangeData usGov = RangeFileReader.Read(TestPaths.Fixture("endpoints-usgov.json"));
            var error = Assert.Throws<EndpointSetDiffException>(() => EndpointSetDiff.Compare(worldwide, usGov, ipv4Only: true));
            Assert.Equal("EndpointSetsOfAnotherInstance", error.ErrorId);
            Assert.StartsWith("The EOP set is 10, 12 in 'Microsoft 365 endpoints unversioned (", error.Message);
        }

        [Fact]
        public void TellsWhetherAnySetChangedIncludingIPv6()
        {
            RangeData v4 = Json("[" + Eop + "]");
            RangeData v6 = Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"2001:db8::/32\"],\"tcpPorts\":\"443\"}]");
            Assert.True(EndpointSetDiff.AnyChanged(v4, v6));
            Assert.False(EndpointSetDiff.AnyChanged(v6, Json("[" + Eop + ",{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"2001:db8::/32\"],\"tcpPorts\":\"443\"}]")));
            Assert.True(EndpointSetDiff.AnyChanged(EopTools.Index.EopSession.Seed.Data, v4));
        }
    }

    /// <summary>The two real answers compared set by set: refused as unlike, then compared in their IPv4 part.</summary>
    [Trait("Category", "SharedData")]
    public class EndpointSetRealDiffTests
    {
        [Fact]
        public void RefusesThe2022AnswerAgainstTheNoIPv6AnswerOf2025WithoutConsent()
        {
            var error = Assert.Throws<EndpointSetDiffException>(() => EndpointSetDiff.Compare(
                EndpointSetDataTests.Read(EndpointSetDataTests.Full2022), EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025), ipv4Only: false));
            Assert.Equal("EndpointSetsWithoutIPv6", error.ErrorId);
            Assert.Contains("m365.json)' carries no IPv6 (an answer requested with NoIPv6) and the other answer does, so every IPv6 range would read as removed.", error.Message);
        }

        [Fact]
        public void ComparesTheIPv4PartOfThe2022And2025AnswersSetBySet()
        {
            List<EopEndpointSetChange> changes = EndpointSetDiff.Compare(
                EndpointSetDataTests.Read(EndpointSetDataTests.Full2022), EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025), ipv4Only: true);
            Assert.Equal(new[] { 3, 5, 6, 13, 15, 18, 22, 26, 33, 41, 43, 44, 45, 65, 67, 68, 72, 88, 105, 128, 148, 149, 154, 157 },
                changes.Where(c => c.Change == EopEndpointSetChangeKind.Removed).Select(c => c.Id));
            Assert.Equal(new[] { 184, 193 }, changes.Where(c => c.Change == EopEndpointSetChangeKind.Added).Select(c => c.Id));
            Assert.Equal(29, changes.Count(c => c.Change == EopEndpointSetChangeKind.Changed));
            Dictionary<int, EopEndpointSetChange> byId = changes.ToDictionary(c => c.Id);
            Assert.Equal("Urls; UdpPorts", byId[1].Properties.ToString());
            Assert.Equal(new[] { "outlook.cloud.microsoft" }, byId[1].UrlsAdded);
            Assert.Equal("Urls; TcpPorts; Required", byId[2].Properties.ToString());
            Assert.Equal(new[] { "13.107.64.0/18", "52.120.0.0/15" }, byId[11].AddressesRemoved);
            Assert.Equal(new[] { "13.107.6.192/32", "13.107.9.192/32" }, byId[64].AddressesAdded);
            Assert.Equal(new[] { "52.108.0.0/14" }, byId[64].AddressesRemoved);
            Assert.Equal(new[] { "*.mx.microsoft" }, byId[10].UrlsAdded);
            Assert.Equal("TcpPorts", byId[71].Properties.ToString());
            // No IPv6 is reported removed: only the IPv4 part was compared.
            Assert.DoesNotContain(changes.SelectMany(c => c.AddressesRemoved), a => a.Contains(':'));
        }
    }
}
