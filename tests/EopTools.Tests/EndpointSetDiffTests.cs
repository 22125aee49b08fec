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
            MessageAssert.Names(error, "EndpointSetsOfAnotherInstance", "10, 12", "'Microsoft 365 endpoints unversioned (");
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
            Assert.Contains("m365.json)' carries no IPv6", error.Message);
            Assert.Contains("NoIPv6", error.Message);
            Assert.Contains("would read as removed", error.Message);
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

        [Fact]
        public void ListsEveryChangeOfThe2022And2025AnswersInTheirIPv4PartExactly()
        {
            List<EopEndpointSetChange> changes = EndpointSetDiff.Compare(
                EndpointSetDataTests.Read(EndpointSetDataTests.Full2022), EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025), ipv4Only: true);
            Assert.Equal(new[]
            {
                "Changed set 1 (Exchange): Urls; UdpPorts +[outlook.cloud.microsoft] -[]",
                "Changed set 2 (Exchange): Urls; TcpPorts; Required +[outlook.office365.com] -[]",
                "Removed set 3 (Exchange) +[] -[r1.res.office365.com r3.res.office365.com r4.res.office365.com]",
                "Removed set 5 (Exchange) +[] -[13.107.6.152/31 13.107.18.10/31 13.107.128.0/22 23.103.160.0/20 40.96.0.0/13 40.104.0.0/15 52.96.0.0/14 131.253.33.215/32 132.245.0.0/16 150.171.32.0/22 204.79.197.215/32 *.outlook.office.com outlook.office365.com]",
                "Removed set 6 (Exchange) +[] -[13.107.6.152/31 13.107.18.10/31 13.107.128.0/22 23.103.160.0/20 40.96.0.0/13 40.104.0.0/15 52.96.0.0/14 131.253.33.215/32 132.245.0.0/16 150.171.32.0/22 204.79.197.215/32 *.outlook.office.com outlook.office365.com]",
                "Changed set 8 (Exchange): Urls +[autodiscover.*.onmicrosoft.com] -[attachments.office.net]",
                "Changed set 10 (Exchange): Urls +[*.mx.microsoft] -[]",
                "Changed set 11 (Skype): Ips +[] -[13.107.64.0/18 52.120.0.0/15]",
                "Changed set 12 (Skype): Ips; Urls; UdpPorts +[*.teams.cloud.microsoft teams.cloud.microsoft] -[13.107.64.0/18 52.120.0.0/15 52.238.119.141/32 52.244.160.207/32]",
                "Removed set 13 (Skype) +[] -[13.107.64.0/18 52.112.0.0/14 52.120.0.0/14 52.238.119.141/32 52.244.160.207/32 *.broadcast.skype.com broadcast.skype.com]",
                "Removed set 15 (Skype) +[] -[*.sfbassets.com]",
                "Changed set 16 (Skype): Urls +[] -[mlccdn.blob.core.windows.net]",
                "Removed set 18 (Skype) +[] -[*.users.storage.live.com]",
                "Changed set 19 (Skype): Urls +[adl.windows.com] -[*.adl.windows.com]",
                "Removed set 22 (Skype) +[] -[13.107.64.0/18 52.112.0.0/14 52.120.0.0/14 52.238.119.141/32 52.244.160.207/32 *.skypeforbusiness.com]",
                "Removed set 26 (Skype) +[] -[*.msedge.net compass-ssl.microsoft.com]",
                "Changed set 27 (Skype): Urls +[join.secure.skypeassets.com] -[*.mstea.ms *.secure.skypeassets.com]",
                "Changed set 31 (SharePoint): UdpPorts +[] -[]",
                "Changed set 32 (SharePoint): Urls +[] -[ssw.live.com]",
                "Removed set 33 (SharePoint) +[] -[*.search.production.apac.trafficmanager.net *.search.production.emea.trafficmanager.net *.search.production.us.trafficmanager.net]",
                "Changed set 39 (SharePoint): Urls +[] -[*.gr.global.aa-rt.sharepoint.com *-admin.sharepoint.com *-files.sharepoint.com *-myfiles.sharepoint.com]",
                "Removed set 41 (Common) +[] -[*.microsoftstream.com]",
                "Removed set 43 (Common) +[] -[nps.onyx.azure.net]",
                "Removed set 44 (Common) +[] -[*.azureedge.net *.media.azure.net *.streaming.mediaservices.windows.net]",
                "Removed set 45 (Common) +[] -[*.keydelivery.mediaservices.windows.net]",
                "Changed set 46 (Common): Ips +[] -[52.238.106.116/32 52.244.203.72/32 52.244.207.172/32 52.244.223.198/32 52.247.150.191/32]",
                "Changed set 47 (Common): Urls; TcpPorts; UdpPorts +[*.office.net] -[*.cdn.office.net contentstorage.osi.office.net]",
                "Changed set 50 (Common): Urls +[] -[*.office.net]",
                "Changed set 56 (Common): Ips +[20.20.32.0/19 20.231.128.0/19] -[]",
                "Changed set 59 (Common): Urls +[] -[management.azure.com policykeyservice.dc.ad.msft.net]",
                "Changed set 64 (Common): Ips; Urls +[13.107.6.192/32 13.107.9.192/32 purview.microsoft.com] -[52.108.0.0/14 *.compliance.microsoft.com]",
                "Removed set 65 (Common) +[] -[52.108.0.0/14 account.office.net]",
                "Changed set 66 (Common): Urls +[] -[suite.office.net]",
                "Removed set 67 (Common) +[] -[*.blob.core.windows.net]",
                "Removed set 68 (Common) +[] -[firstpartyapps.oaspapps.com prod.firstpartyapps.oaspapps.com.akadns.net telemetryservice.firstpartyapps.oaspapps.com wus-firstpartyapps.oaspapps.com]",
                "Changed set 70 (Common): Urls +[] -[support.content.office.net videocontent.osi.office.net videoplayercdn.osi.office.net]",
                "Changed set 71 (Common): TcpPorts +[] -[]",
                "Removed set 72 (Common) +[] -[*.cloudapp.net]",
                "Changed set 75 (Common): Urls +[] -[staffhub.ms]",
                "Changed set 78 (Common): Urls +[] -[*.office.net]",
                "Removed set 88 (Common) +[] -[insertmedia.bing.office.net]",
                "Changed set 92 (Common): Urls +[otelrules.azureedge.net] -[officecdn.microsoft.com.edgesuite.net]",
                "Changed set 93 (Common): Urls +[] -[excelbingmap.firstpartyapps.oaspapps.com peoplegraph.firstpartyapps.oaspapps.com wikipedia.firstpartyapps.oaspapps.com]",
                "Removed set 105 (Common) +[] -[www.acompli.com]",
                "Changed set 114 (Common): Urls +[] -[d.docs.live.net directory.services.live.com docs.live.net]",
                "Changed set 125 (Common): Urls +[oneocsp.microsoft.com] -[apps.identrust.com]",
                "Removed set 128 (Common) +[] -[*.config.office.net *.manage.microsoft.com]",
                "Changed set 147 (Common): Urls +[www.microsoft365.com] -[]",
                "Removed set 148 (Common) +[] -[cdnprod.myanalytics.microsoft.com myanalytics.microsoft.com myanalytics-gcc.microsoft.com]",
                "Removed set 149 (Common) +[] -[workplaceanalytics.cdn.office.net]",
                "Changed set 153 (Common): Urls +[*.powerautomate.com] -[]",
                "Removed set 154 (Exchange) +[] -[autodiscover.*.onmicrosoft.com]",
                "Removed set 157 (Common) +[] -[ocsp.int-x3.letsencrypt.org]",
                "Added set 184 (Common) +[*.cloud.microsoft] -[]",
                "Added set 193 (Common) +[*.static.microsoft *.usercontent.microsoft] -[]"
            }, changes.Select(c => c + " +[" + string.Join(" ", c.AddressesAdded.Concat(c.UrlsAdded)) + "] -[" + string.Join(" ", c.AddressesRemoved.Concat(c.UrlsRemoved)) + "]"));
            Assert.Equal(new[]
            {
                "1: TCP 80,443 -> TCP 80,443 UDP 443", "2: TCP 587 -> TCP 143,587,993,995", "12: TCP 80,443 -> TCP 80,443 UDP 443",
                "31: TCP 80,443 -> TCP 80,443 UDP 443", "47: TCP 443 -> TCP 443,80 UDP 443", "71: TCP 443 -> TCP 443,80",
            }, changes.Where(c => c.Properties.Any(p => p.EndsWith("Ports"))).Select(c => c.Id + ": " + c.ReferenceSet!.Ports + " -> " + c.DifferenceSet!.Ports));
            EopEndpointSetChange imap = changes.Single(c => c.Id == 2);
            Assert.Equal((true, false), (imap.ReferenceSet!.Required!.Value, imap.DifferenceSet!.Required!.Value));
        }

        [Fact]
        public void ComparesThe2025AnswerWithThe2022OneTheOtherWayRound()
        {
            RangeData full = EndpointSetDataTests.Read(EndpointSetDataTests.Full2022), noIPv6 = EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025);
            var error = Assert.Throws<EndpointSetDiffException>(() => EndpointSetDiff.Compare(noIPv6, full, ipv4Only: false));
            Assert.Equal("EndpointSetsWithoutIPv6", error.ErrorId);
            Assert.Contains("so every IPv6 range would read as added.", error.Message);
            List<EopEndpointSetChange> changes = EndpointSetDiff.Compare(noIPv6, full, ipv4Only: true);
            Assert.Equal("Added 24, Changed 29, Removed 2", string.Join(", ", changes.GroupBy(c => c.Change).OrderBy(g => g.Key.ToString()).Select(g => g.Key + " " + g.Count())));
            Assert.Equal(new[] { "13.107.64.0/18", "52.120.0.0/15" }, changes.Single(c => c.Id == 11).AddressesAdded);
        }

        [Theory]
        [InlineData(EndpointSetDataTests.Full2022, false)]
        [InlineData(EndpointSetDataTests.Full2022, true)]
        [InlineData(EndpointSetDataTests.NoIPv6Of2025, false)]
        public void FindsNoChangeBetweenAnAnswerAndItself(string file, bool ipv4Only)
        {
            Assert.Empty(EndpointSetDiff.Compare(EndpointSetDataTests.Read(file), EndpointSetDataTests.Read(file), ipv4Only));
            Assert.False(EndpointSetDiff.AnyChanged(EndpointSetDataTests.Read(file), EndpointSetDataTests.Read(file)));
        }

        [Fact]
        public void TellsThatTheSetsOfThe2022And2025AnswersChanged()
        {
            Assert.True(EndpointSetDiff.AnyChanged(EndpointSetDataTests.Read(EndpointSetDataTests.Full2022), EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025)));
        }
    }
}
