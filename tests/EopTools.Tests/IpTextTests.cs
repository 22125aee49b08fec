using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    public class IpTextTests
    {
        [Theory]
        [InlineData("0.0.0.0", "0.0.0.0")]
        [InlineData("255.255.255.255", "255.255.255.255")]
        [InlineData("40.92.70.1", "40.92.70.1")]
        [InlineData("2A01:111:F403::1", "2a01:111:f403::1")]
        [InlineData("2a01:0111:f403:0000:0000:0000:0000:0001", "2a01:111:f403::1")]
        [InlineData("::", "::")]
        [InlineData("::1", "::1")]
        [InlineData("1::", "1::")]
        [InlineData("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
        [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
        [InlineData("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0")]
        [InlineData("::ffff:40.92.1.1", "40.92.1.1")]
        [InlineData("::ffff:285c:101", "40.92.1.1")]
        [InlineData("64:ff9b::1.2.3.4", "64:ff9b::102:304")]
        public void ParsesAddressesAndPrintsThemCanonically(string text, string canonical)
        {
            Assert.True(IpText.TryParseAddress(text, out IpAddressValue value, out string? error), error);
            Assert.Equal(canonical, value.ToString());
        }

        [Fact]
        public void TreatsIPv4MappedIPv6AsIPv4()
        {
            Assert.True(IpText.TryParseAddress("::ffff:10.1.2.3", out IpAddressValue value, out _));
            Assert.Equal(IPAddressFamily.IPv4, value.Family);
            Assert.Equal(0x0A010203UL, value.Number.Low);
        }

        [Theory]
        [InlineData("", "the address is empty")]
        [InlineData("10", "an IPv4 address has exactly four dotted-decimal parts, not 1")]
        [InlineData("1.2.3", "an IPv4 address has exactly four dotted-decimal parts, not 3")]
        [InlineData("1.2.3.4.5", "an IPv4 address has exactly four parts, not more")]
        [InlineData("040.1.1.1", "an IPv4 part must not have leading zeros ('040' could be read as octal)")]
        [InlineData("0x7f.0.0.1", "unexpected character 'x' in an IPv4 address")]
        [InlineData("256.1.1.1", "an IPv4 part is a number from 0 to 255, not '256'")]
        [InlineData("1.2.3.1000", "an IPv4 part is a number from 0 to 255, not '1000'")]
        [InlineData("1..2.3", "an IPv4 address has four dotted-decimal parts, and one is empty")]
        [InlineData("1.2.3.4.", "an IPv4 address has exactly four parts, not more")]
        [InlineData(" 1.2.3.4", "unexpected character ' ' in an IPv4 address")]
        [InlineData("::ffff:1.2.3", "an IPv4 address has exactly four dotted-decimal parts, not 3")]
        [InlineData("2001:db8::1::2", "an IPv6 address can contain '::' only once")]
        [InlineData("2001:db8:1:2:3:4:5", "an IPv6 address without '::' has exactly eight groups, not 7")]
        [InlineData("1:2:3:4:5:6:7:8:9", "an IPv6 address has at most eight groups")]
        [InlineData("1:2:3:4::5:6:7:8", "an IPv6 address with '::' has at most seven groups")]
        [InlineData("2001:db8:::1", "unexpected character ':' in an IPv6 address")]
        [InlineData(":1::", "an IPv6 address cannot start with a single ':'")]
        [InlineData("1::2:", "an IPv6 address cannot end with a single ':'")]
        [InlineData("12345::1", "an IPv6 group has at most four hex digits, not '12345'")]
        [InlineData("2001:db8::g", "unexpected character 'g' in an IPv6 address")]
        [InlineData("fe80::1%11", "a zone id ('%...') is not allowed here")]
        public void RejectsMalformedAddressesWithTheReason(string text, string reason)
        {
            Assert.False(IpText.TryParseAddress(text, out _, out string? error));
            Assert.Equal(reason, error);
        }

        [Fact]
        public void DropsTheZoneIdWhereAllowed()
        {
            const string text = "fe80::1%eth0";
            Assert.True(IpText.TryParseAddress(text, 0, text.Length, allowZone: true, out IpAddressValue value, out _));
            Assert.Equal("fe80::1", value.ToString());
        }

        [Theory]
        [InlineData("0.0.0.0/0", "0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
        [InlineData("40.92.0.0/14", "40.92.0.0/14", "40.92.0.0", "40.95.255.255")]
        [InlineData("52.238.78.88/32", "52.238.78.88/32", "52.238.78.88", "52.238.78.88")]
        [InlineData("::/0", "::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
        [InlineData("2a01:111:f400:7c00::/54", "2a01:111:f400:7c00::/54", "2a01:111:f400:7c00::", "2a01:111:f400:7fff:ffff:ffff:ffff:ffff")]
        [InlineData("2a01:111:f403::1/128", "2a01:111:f403::1/128", "2a01:111:f403::1", "2a01:111:f403::1")]
        [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8", "10.0.0.0", "10.255.255.255")]
        public void ParsesPrefixes(string text, string canonical, string first, string last)
        {
            Assert.True(IpText.TryParsePrefix(text, allowBareAddress: false, out IpPrefix prefix, out string? error), error);
            Assert.Equal(canonical, prefix.ToString());
            Assert.Equal(first, new IpAddressValue(prefix.Family, prefix.First).ToString());
            Assert.Equal(last, new IpAddressValue(prefix.Family, prefix.Last).ToString());
        }

        [Theory]
        [InlineData("10.1.2.3/24", "host bits are set (the network would be 10.1.2.0/24)")]
        [InlineData("40.82.0.0/14", "host bits are set (the network would be 40.80.0.0/14)")]
        [InlineData("2a01:111:f403::1/48", "host bits are set (the network would be 2a01:111:f403::/48)")]
        [InlineData("10.0.0.0/33", "the prefix length /33 is longer than 32 bits")]
        [InlineData("::/129", "the prefix length /129 is longer than 128 bits")]
        [InlineData("10.0.0.0/", "the prefix length after '/' is empty")]
        [InlineData("10.0.0.0/08", "the prefix length '08' is not a plain number from 0 to 32")]
        [InlineData("10.0.0.0/8 ", "the prefix length '8 ' is not a number")]
        [InlineData("10.0.0.0/2665", "the prefix length '2665' is not a plain number from 0 to 32")]
        [InlineData("10.0.0.0", "the prefix length ('/n') is missing")]
        [InlineData("10.0.0/8", "an IPv4 address has exactly four dotted-decimal parts, not 3")]
        [InlineData("::ffff:10.0.0.0/8", "an IPv4-mapped prefix must be /96 or longer")]
        [InlineData("2a01:111:f403:: 48", "unexpected character ' ' in an IPv6 address")]
        public void RejectsMalformedPrefixesWithTheReason(string text, string reason)
        {
            Assert.False(IpText.TryParsePrefix(text, allowBareAddress: false, out _, out string? error));
            Assert.Equal(reason, error);
        }

        [Theory]
        [InlineData("10.0.0.1", "10.0.0.1/32")]
        [InlineData("2a01:111:f403::1", "2a01:111:f403::1/128")]
        public void ReadsABareAddressAsAHostPrefixWhereAllowed(string text, string canonical)
        {
            Assert.True(IpText.TryParsePrefix(text, allowBareAddress: true, out IpPrefix prefix, out _));
            Assert.Equal(canonical, prefix.ToString());
        }
    }
}
