using System.Linq;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Which endpoint sets of the real answers contain an address, as Test-EopIpAddress reports it.</summary>
    [Trait("Category", "SharedData")]
    public class EndpointSetLookupTests
    {
        private static string Sets(RangeIndex index, string address) =>
            string.Join(" ", Result(index, address).EndpointSets!.Select(m => m.Id + ":" + m.Category + ":" + m.Prefix));

        [Theory]
        [InlineData("52.96.10.10", "1:Optimize:52.96.0.0/14 2:Allow:52.96.0.0/14 5:Allow:52.96.0.0/14 6:Allow:52.96.0.0/14")]
        [InlineData("13.107.64.1", "11:Optimize:13.107.64.0/18 12:Allow:13.107.64.0/18 13:Allow:13.107.64.0/18 22:Allow:13.107.64.0/18")]
        [InlineData("2603:1006::1", "1:Optimize:2603:1006::/40 2:Allow:2603:1006::/40 5:Allow:2603:1006::/40 6:Allow:2603:1006::/40")]
        [InlineData("40.92.1.1", "9:Allow:40.92.0.0/15 10:Allow:40.92.0.0/15")]
        [InlineData("52.238.78.88", "9:Allow:52.238.78.88/32")]
        [InlineData("8.8.8.8", "")]
        public void FindsEverySetHoldingAnAddressOfThe2022AnswerInServiceOrder(string address, string expected)
        {
            Assert.Equal(expected, Sets(new RangeIndex(EndpointSetDataTests.Read(EndpointSetDataTests.Full2022)), address));
        }

        [Theory]
        [InlineData("52.96.10.10", "1:Optimize:52.96.0.0/14 2:Allow:52.96.0.0/14")]
        [InlineData("52.112.1.1", "11:Optimize:52.112.0.0/14 12:Allow:52.112.0.0/14")]
        [InlineData("40.92.1.1", "9:Allow:40.92.0.0/15 10:Allow:40.92.0.0/15")]
        [InlineData("13.107.6.192", "64:Allow:13.107.6.192/32")]
        [InlineData("52.108.1.1", "46:Allow:52.108.0.0/14")]
        [InlineData("13.107.64.1", "")]
        [InlineData("2603:1006::1", "")]
        public void FindsTheSetsOfThe2025Answer(string address, string expected)
        {
            Assert.Equal(expected, Sets(new RangeIndex(EndpointSetDataTests.Read(EndpointSetDataTests.NoIPv6Of2025)), address));
        }

        [Fact]
        public void TellsAnAddressOfAnotherSetApartFromOneThatIsNotMicrosoft365()
        {
            var index = new RangeIndex(EndpointSetDataTests.Read(EndpointSetDataTests.Full2022));
            Assert.Equal("52.96.10.10 is not EOP; it is in Microsoft 365 endpoint sets 1, 2, 5, 6", Result(index, "52.96.10.10").ToString());
            Assert.Equal("8.8.8.8 is not EOP", Result(index, "8.8.8.8").ToString());
            Assert.Equal("40.92.1.1 is EOP (40.92.0.0/15)", Result(index, "40.92.1.1").ToString());
            EopEndpointSetMatch exchange = Result(index, "52.96.10.10").EndpointSets![0];
            Assert.Equal(("Exchange", "Exchange Online", true, true, "80,443", null as string, null as string),
                (exchange.ServiceArea, exchange.ServiceAreaDisplayName, exchange.Required, exchange.ExpressRoute, exchange.TcpPorts, exchange.UdpPorts, exchange.Notes));
            Assert.StartsWith("Exchange Online IMAP4 migration", Result(index, "52.96.10.10").EndpointSets![2].Notes);
        }

        [Fact]
        public void AnswersNullNotEmptyForDataWithoutEndpointSets()
        {
            Assert.Null(Result(EopSession.Seed, "52.96.10.10").EndpointSets);
        }

        [Theory]
        [InlineData("endpoints-service", "legacy-xml-2018/O365IPAddresses.xml", "LegacyXml")]
        [InlineData("endpoints-service", "legacy-xml-2016/O365IPAddresses-20160618-140721.xml", "LegacyXml")]
        [InlineData("eop-page-history", "eop-ip-addresses_2018-10-02_24f6d0e.md", "EopPage")]
        public void AnswersNullForTheRealDataWithoutEndpointSets(string folder, string file, string format)
        {
            RangeData data = TestPaths.ReadShared(folder, file);
            Assert.Equal(format, data.DataSet.Format);
            Assert.Null(data.EndpointSets);
            EopIpTestResult result = Result(new RangeIndex(data), "52.96.10.10");
            Assert.Null(result.EndpointSets);
            Assert.Equal("52.96.10.10 is not EOP", result.ToString());
        }

        private static EopIpTestResult Result(RangeIndex index, string address)
        {
            Assert.True(AddressInput.TryParse(address, out IpAddressValue value, out _));
            return new EopIpTestResult(address, string.Empty, address, index.Answer(value, null));
        }
    }
}
