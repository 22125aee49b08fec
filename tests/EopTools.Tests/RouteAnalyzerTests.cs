using System;
using System.IO;
using System.Linq;
using EopTools.Headers;
using EopTools.Index;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The verdict of every route on real headers where they exist (SharedData: ../shared/data/third-party-headers) and on
    /// fixtures built from Microsoft's documented stamps where none is public (Direct Send, the on-premises bypass);
    /// forged stamps, hops out of time order and every line ending. Answers come from the embedded seed's ranges.
    /// </summary>
    public class RouteAnalyzerTests
    {
        private static RouteAnalyzer Analyzer(RouteOptions? options = null) => new RouteAnalyzer(EopSession.Seed, options ?? RouteOptions.None);

        internal static EopMessageHeaderResult Analyze(string text, RouteOptions? options = null) =>
            Analyzer(options).Analyze(HeaderBlock.Parse(text, "test"), "test", null);

        private static EopMessageHeaderResult Real(string name, RouteOptions? options = null) =>
            Analyze(File.ReadAllText(TestPaths.Shared(Path.Combine("third-party-headers", name))), options);

        private static EopMessageHeaderResult Fixture(string name, RouteOptions? options = null) =>
            Analyze(File.ReadAllText(TestPaths.Fixture(Path.Combine("headers", name))), options);

        [Fact]
        [Trait("Category", "SharedData")]
        public void ThroughEopFromAnInternetServer()
        {
            EopMessageHeaderResult result = Real("parsedmarc/aggregate__mimecast-weird-gzip.eml");
            Assert.Equal(EopMessageRoute.ThroughEop, result.Route);
            Assert.Equal("hop 1", result.DecidedBy);
            Assert.Equal("103.13.69.22", result.IPAddress!.ToString());
            Assert.False(result.IsEop);
            Assert.Equal("entered Microsoft 365 through EOP from 103.13.69.22, an Internet address outside EOP", result.Reason);
            Assert.Equal("INB", result.Direction);
            Assert.Equal("Anonymous", result.AuthAs);
            Assert.Equal("pass", result.CompAuth);
            Assert.Equal("100", result.CompAuthReason);
            Assert.Equal(new[] { true, true, true, true }, result.Hops.Select(h => h.IsConfirmedMicrosoft365));
            Assert.All(result.Stamps, s => Assert.Equal(EopStampTrust.Trusted, s.Trust));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void ThroughEopFromAnotherTenantsEopAddress()
        {
            EopMessageHeaderResult result = Real("sisimai-set-of-emails/bsd__lhost-office365-04.eml");
            Assert.Equal(EopMessageRoute.ThroughEop, result.Route);
            Assert.True(result.IsEop);
            Assert.Equal("104.47.0.0/17", result.Range!.Prefix);
            Assert.Equal("entered from EOP's own address 104.47.124.246 (104.47.0.0/17): sent by another Microsoft 365 tenant through EOP", result.Reason);
            // The sending tenant's report is kept, as its own.
            Assert.Equal(EopStampTrust.SendingTenant, result.Stamps.Single(s => s.Name == "X-Forefront-Antispam-Report-Untrusted").Trust);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void GatewayInFrontOfEopNamesTheGatewayHop()
        {
            EopMessageHeaderResult result = Real("mimekit/bounce.eml");
            Assert.Equal(EopMessageRoute.GatewayBeforeEop, result.Route);
            Assert.Equal("hop 2", result.DecidedBy);
            Assert.Equal("mx1-eu1.ppe-hosted.com", result.Hops[1].By);
            Assert.Equal("52.4.102.94", result.Hops[1].IPAddress!.ToString());
            Assert.Equal("185.132.181.12", result.IPAddress!.ToString());
            Assert.Equal("softpass", result.CompAuth);
            Assert.Equal("202", result.CompAuthReason);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void AGatewayAtAConnectorAddressIsNamedSo()
        {
            var options = new RouteOptions();
            Assert.True(options.TryAddConnectorAddress("103.13.69.0/24", out _));
            EopMessageHeaderResult result = Real("parsedmarc/aggregate__mimecast-weird-gzip.eml", options);
            Assert.Equal(EopMessageRoute.GatewayBeforeEop, result.Route);
            Assert.Equal("entered from 103.13.69.22, an address of -ConnectorIPAddress (a gateway or partner connector)", result.Reason);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void MxOnPremisesFromTheTrustedFromEntityHeader()
        {
            EopMessageHeaderResult result = Real("parsedmarc/aggregate__google-to-borschow.eml");
            Assert.Equal(EopMessageRoute.MxOnPremises, result.Route);
            Assert.Equal("X-MS-Exchange-CrossTenant-FromEntityHeader, line 137", result.DecidedBy);
            Assert.Equal("HybridOnPrem", result.FromEntityHeader);
            Assert.Equal("Microsoft 365 took it from the organisation's own servers (FromEntityHeader HybridOnPrem) at 199.230.200.198; they had received it from 209.85.166.201 (hop 2)", result.Reason);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void OutboundFromMicrosoft365ToAReceiverOutside()
        {
            EopMessageHeaderResult result = Real("mailing-list-archives/amd-gfx__hybrid-onprem-via-eop-outbound.hdr");
            Assert.Equal(EopMessageRoute.Microsoft365Outbound, result.Route);
            Assert.Equal("OUT", result.Direction);
            Assert.Equal("HybridOnPrem", result.FromEntityHeader);
            Assert.Equal("Microsoft 365 marked the message outgoing (DIR:OUT); gabe.freedesktop.org received it from EOP's address 40.107.93.47", result.Reason);
            Assert.Equal("40.107.93.47", result.IPAddress!.ToString());
            // The list's own Authentication-Results, above every Microsoft hop, is not Microsoft's.
            Assert.Equal(EopStampTrust.Forged, result.Stamps.First(s => s.Name == "Authentication-Results").Trust);
            Assert.Equal(EopStampTrust.Trusted, result.Stamps.Single(s => s.Name == "X-Forefront-Antispam-Report").Trust);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void OutboundWithoutADirectionStampFromTheExitAddress()
        {
            EopMessageHeaderResult result = Real("sisimai-set-of-emails/bsd__lhost-office365-13.eml");
            Assert.Equal(EopMessageRoute.Microsoft365Outbound, result.Route);
            Assert.Equal("left Microsoft 365 from EOP's address 104.47.126.212 (104.47.0.0/17)", result.Reason);
            // Below a hop that EOP handed the message to, the stamps are Microsoft's.
            Assert.Equal(EopStampTrust.Trusted, result.Stamps.Single(s => s.Name == "X-MS-Exchange-CrossTenant-FromEntityHeader").Trust);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void ForgedAuthAsIsReportedAndIgnored()
        {
            EopMessageHeaderResult result = Real("mailing-list-archives/linux-erofs__phish-forged-exchange-authas.hdr");
            Assert.Equal(EopMessageRoute.NotMicrosoft365, result.Route);
            EopMessageStamp authAs = result.Stamps.Single(s => s.Name == "X-Ms-Exchange-Organization-Authas");
            Assert.Equal(EopStampTrust.Forged, authAs.Trust);
            Assert.Equal("Internal74", authAs["Value"]);
            Assert.Null(result.AuthAs);
            Assert.Contains("X-Ms-Exchange-Organization-Authas at line 29 has no confirmed Microsoft 365 hop above it: forged or added outside Microsoft, ignored.", result.Notes);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void AHostNameThatClaimsMicrosoftIsNotBelieved()
        {
            EopMessageHeaderResult result = Real("sisimai-set-of-emails/bsd__lhost-office365-03.eml");
            Assert.Equal(EopMessageRoute.NotMicrosoft365, result.Route);
            Assert.Equal("no hop is at a Microsoft address; mx.example.net took it from 192.0.2.2", result.Reason);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void NeverTouchedMicrosoft365()
        {
            EopMessageHeaderResult result = Real("spamassassin/relayUS.eml");
            Assert.Equal(EopMessageRoute.NotMicrosoft365, result.Route);
            Assert.Equal("8.8.8.8", result.IPAddress!.ToString());
            Assert.Equal(new[] { "google-public-dns-a.google.com", "in.example.com" }, result.Hops.Select(h => h.By));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void UndecidedWithoutAReceivedHeader()
        {
            EopMessageHeaderResult result = Real("sisimai-set-of-emails/bsd__lhost-office365-02.eml");
            Assert.Equal(EopMessageRoute.Undecided, result.Route);
            Assert.Equal("the headers have no Received: header, so the route cannot be read", result.Reason);
            Assert.Empty(result.Hops);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void AMalformedTopHopDoesNotBreakTheChain()
        {
            // Its second line lost its folding white space: the top hop has no receiver, and the chain starts below it.
            EopMessageHeaderResult result = Real("sisimai-set-of-emails/bsd__lhost-office365-11.eml");
            Assert.Equal(EopMessageRoute.ThroughEop, result.Route);
            Assert.Equal("no ';' before a date", result.Hops[2].Problem);
            Assert.Equal("from CY1NAM02HT141.eop-nam02.prod.protection.outlook.com", result.Hops[2].Raw);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void CrOnlyAndLfCopiesOfOneMessageReadTheSame()
        {
            EopMessageHeaderResult lf = Real("sisimai-set-of-emails/bsd__lhost-office365-01.eml");
            EopMessageHeaderResult cr = Real("sisimai-set-of-emails/mac__lhost-office365-01.eml");
            Assert.Equal(Describe(lf), Describe(cr));
            Assert.Equal(EopMessageRoute.NotMicrosoft365, cr.Route);
        }

        [Fact]
        public void DirectSendFromTheDocumentedStamps()
        {
            EopMessageHeaderResult result = Fixture("direct-send.eml");
            Assert.Equal(EopMessageRoute.DirectSend, result.Route);
            Assert.Equal("hop 1", result.DecidedBy);
            Assert.Equal("entered anonymously (AuthAs Anonymous) from 203.0.113.45, outside EOP and the connectors, with a sender in contoso.com, the organisation's own domain: RejectDirectSend would reject it", result.Reason);
            Assert.Equal("Remittance advice - payment confirmed", result.Subject);
            Assert.Equal(new DateTime(2025, 7, 1, 8, 14, 5, DateTimeKind.Utc), result.Date);
            Assert.Equal("203.0.113.45", result.Cip);
            Assert.Empty(result.Notes);
        }

        [Fact]
        public void DirectSendNeedsTheSenderInTheAcceptedDomains()
        {
            var other = new RouteOptions();
            Assert.True(other.TryAddAcceptedDomain("fabrikam.com", out _));
            Assert.Equal(EopMessageRoute.ThroughEop, Fixture("direct-send.eml", other).Route);
            var own = new RouteOptions();
            Assert.True(own.TryAddAcceptedDomain("contoso.com", out _));
            Assert.Equal(EopMessageRoute.DirectSend, Fixture("direct-send.eml", own).Route);
        }

        [Fact]
        public void AConnectorsAddressIsNotDirectSend()
        {
            var options = new RouteOptions();
            Assert.True(options.TryAddConnectorAddress("203.0.113.0/24", out _));
            EopMessageHeaderResult result = Fixture("direct-send.eml", options);
            Assert.Equal(EopMessageRoute.GatewayBeforeEop, result.Route);
        }

        [Fact]
        public void OnPremisesBypassInferredFromTheChain()
        {
            EopMessageHeaderResult result = Fixture("onprem-bypass.eml");
            Assert.Equal(EopMessageRoute.OnPremisesBypass, result.Route);
            Assert.Equal("hop 1", result.DecidedBy);
            Assert.Equal("EX01.contoso.com, inferred from the chain as the organisation's Exchange server (contoso.com; give -OrganizationServer to name them), took it from 198.51.100.23, an Internet address outside EOP: it went past EOP", result.Reason);
        }

        [Fact]
        public void OnPremisesBypassOfNamedServers()
        {
            var options = new RouteOptions();
            Assert.True(options.TryAddOrganizationServer("*.contoso.com", out _));
            EopMessageHeaderResult result = Fixture("onprem-bypass.eml", options);
            Assert.Equal(EopMessageRoute.OnPremisesBypass, result.Route);
            Assert.Equal("EX01.contoso.com, one of -OrganizationServer, took it from 198.51.100.23, an Internet address outside EOP: it went past EOP", result.Reason);
            // The same servers taking it from EOP: through EOP, not a bypass.
            string throughEop = File.ReadAllText(TestPaths.Fixture("headers/onprem-bypass.eml")).Replace("(198.51.100.23)", "(40.107.93.47)");
            Assert.Equal(EopMessageRoute.ThroughEop, Analyze(throughEop, options).Route);
        }

        [Fact]
        public void AForgedMicrosoftHopAndItsStampsAreIgnored()
        {
            EopMessageHeaderResult result = Fixture("forged-microsoft-hop.eml");
            Assert.Equal(EopMessageRoute.NotMicrosoft365, result.Route);
            Assert.True(result.Hops[0].IsMicrosoft365);
            Assert.False(result.Hops[0].IsConfirmedMicrosoft365);
            Assert.All(result.Stamps, s => Assert.Equal(EopStampTrust.Forged, s.Trust));
            Assert.Null(result.AuthAs);
            Assert.Null(result.Direction);
            Assert.Contains("Hop 1 claims a Microsoft 365 receiver (AM0PR10MB5678.eurprd10.prod.outlook.com) that no confirmed hop or EOP address vouches for: ignored.", result.Notes);
        }

        [Fact]
        public void HopsOutOfTimeOrderAreFlaggedAndChangeNoVerdict()
        {
            string text = File.ReadAllText(TestPaths.Fixture("headers/direct-send.eml"));
            // The entry hop's clock is an hour ahead of the hops after it.
            string skewed = text.Replace("via Frontend Transport; Tue, 1 Jul 2025 08:14:07", "via Frontend Transport; Tue, 1 Jul 2025 09:14:07");
            EopMessageHeaderResult result = Analyze(skewed);
            Assert.Equal(EopMessageRoute.DirectSend, result.Route);
            Assert.Equal(new[] { false, true, false, false }, result.Hops.Select(h => h.NegativeDelay));
            Assert.Equal(TimeSpan.FromSeconds(-3599), result.Hops[1].Delay);
            Assert.Contains("Hop 2 is 59 min earlier than the hop before it: the clocks or the order disagree.", result.Notes);
        }

        [Theory]
        [InlineData("\r\n")]
        [InlineData("\r")]
        [InlineData("\n")]
        public void EveryLineEndingGivesTheSameAnswer(string newline)
        {
            string text = File.ReadAllText(TestPaths.Fixture("headers/direct-send.eml")).Replace("\r\n", "\n").Replace("\n", newline);
            Assert.Equal(Describe(Fixture("direct-send.eml")), Describe(Analyze(text)));
        }

        [Fact]
        public void ACipThatIsNotTheEntryAddressIsNoted()
        {
            string text = File.ReadAllText(TestPaths.Fixture("headers/direct-send.eml")).Replace("CIP:203.0.113.45;", "CIP:203.0.113.99;");
            Assert.Contains("The antispam report's CIP (203.0.113.99) is not the entry hop's connecting address (203.0.113.45).", Analyze(text).Notes);
        }

        [Fact]
        public void UndecidedWhenNoReceivedHeaderCanBeRead()
        {
            EopMessageHeaderResult result = Analyze("Received: (qmail 1 invoked from network); 1 Jul 2025 10:00:00 -0000\nReceived: garbage\nSubject: x\n");
            Assert.Equal(EopMessageRoute.Undecided, result.Route);
            Assert.Equal("none of the 2 Received: headers names a receiver or an address", result.Reason);
            Assert.Equal(new[] { "no ';' before a date", "no 'from' or 'by' clause" }, result.Hops.Select(h => h.Problem));
        }

        [Fact]
        public void WithinMicrosoft365WhenAMailboxSubmittedIt()
        {
            EopMessageHeaderResult result = Analyze(
                "Received: from AM4PR01MB1444.eurprd01.prod.exchangelabs.com (10.164.76.26) by AM4PR01MB1442.eurprd01.prod.exchangelabs.com (10.164.76.24) with Microsoft SMTP Server id 15.20.218.12; Wed, 15 Nov 2017 14:16:14 +0000\n" +
                "Received: from AM4PR01MB1444.eurprd01.prod.exchangelabs.com ([fe80::7830:c66f:eaa8:e3dd]) by AM4PR01MB1444.eurprd01.prod.exchangelabs.com ([fe80::7830:c66f:eaa8:e3dd%14]) with mapi id 15.20.0218.015; Wed, 15 Nov 2017 14:16:14 +0000\n" +
                "From: a@contoso.com\nTo: b@contoso.com\n");
            Assert.Equal(EopMessageRoute.WithinMicrosoft365, result.Route);
            Assert.Equal("hop 1", result.DecidedBy);
        }

        [Fact]
        public void AHopFromAnAddressThatWasEopOnceNamesItsFormerRange()
        {
            // Ranges without 40.94.0.0/15, which the embedded 2018 page held in 40.92.0.0/14.
            var index = new RangeIndex(TestData.Data((EopRegion.Global, "40.92.0.0/15"), (EopRegion.Global, "104.47.0.0/17")),
                new FormerRanges(() => new[] { new OlderData(EopSession.Seed, EopFormerRange.EmbeddedPage, EopSession.Seed.DataSet.Published) }));
            EopMessageHeaderResult result = new RouteAnalyzer(index, RouteOptions.None).Analyze(HeaderBlock.Parse(
                "Received: by mx3.contoso.com with ESMTP id 3; Tue, 1 Jul 2025 10:00:03 +0000\n" +
                "Received: from old.protection.outlook.com (40.94.12.9) by mx3.contoso.com with ESMTP id 2; Tue, 1 Jul 2025 10:00:02 +0000\n" +
                "Received: from mail-eop.outbound.protection.outlook.com (104.47.1.1) by old.protection.outlook.com with ESMTP id 1; Tue, 1 Jul 2025 10:00:01 +0000\n" +
                "Received: from sender.example (198.51.100.7) by mail-eop.outbound.protection.outlook.com with ESMTP id 0; Tue, 1 Jul 2025 10:00:00 +0000\n" +
                "Subject: x\n", "test"), "test", null);
            Assert.Equal(new[] { false, true, false, false }, result.Hops.Select(h => h.IsEop));
            Assert.Equal(new[] { null, null, "40.92.0.0/14 (embedded page, 2018-08-02)", null }, result.Hops.Select(h => h.FormerRange?.ToString()));
            Assert.Equal("embedded seed", result.Hops[2].FormerRange!.DataSet.Source);
        }

        [Theory]
        [InlineData("mail.contoso.com", true)]
        [InlineData("*.contoso.com", true)]
        [InlineData("10.0.0.0/8", true)]
        [InlineData("2001:db8::5", true)]
        [InlineData("10.0.0.1/8", false)]
        [InlineData("10.0.1", false)]
        [InlineData("010.0.0.1", false)]
        [InlineData("mail contoso", false)]
        [InlineData("-bad.contoso.com", false)]
        public void OrganizationServersAreParsedStrictly(string value, bool valid)
        {
            Assert.Equal(valid, new RouteOptions().TryAddOrganizationServer(value, out string? error));
            Assert.Equal(valid, error == null);
        }

        [Theory]
        [InlineData("203.0.113.0/24", true)]
        [InlineData("203.0.113.7", true)]
        [InlineData("203.0.113.7/24", false)]
        [InlineData("gateway.contoso.com", false)]
        public void ConnectorAddressesAreParsedStrictly(string value, bool valid)
        {
            Assert.Equal(valid, new RouteOptions().TryAddConnectorAddress(value, out _));
        }

        private static string Describe(EopMessageHeaderResult result) =>
            result.Route + "|" + result.Reason + "|" + result.DecidedBy + "|" + string.Join(";", result.Hops.Select(h => h.Number + " " + h.Helo + " " + h.IPAddress + " " + h.By + " " + h.Time?.ToString("o") + " " + h.Delay)) +
            "|" + string.Join(";", result.Stamps.Select(s => s.Name + "=" + s.Value + " " + s.Trust + " " + s.Line)) + "|" + string.Join(";", result.Notes);
    }
}
