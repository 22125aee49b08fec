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
        [InlineData("", "empty")]
        [InlineData("10", "four*parts, not 1")]
        [InlineData("1.2.3", "four*parts, not 3")]
        [InlineData("1.2.3.4.5", "four parts, not more")]
        [InlineData("040.1.1.1", "leading zero*'040'*octal")]
        [InlineData("0x7f.0.0.1", "character 'x'*IPv4")]
        [InlineData("256.1.1.1", "0 to 255*'256'")]
        [InlineData("1.2.3.1000", "0 to 255*'1000'")]
        [InlineData("1..2.3", "four*parts*one is empty")]
        [InlineData("1.2.3.4.", "four parts, not more")]
        [InlineData(" 1.2.3.4", "character ' '*IPv4")]
        [InlineData("::ffff:1.2.3", "four*parts, not 3")]
        [InlineData("2001:db8::1::2", "'::' only once")]
        [InlineData("2001:db8:1:2:3:4:5", "without '::'*eight groups, not 7")]
        [InlineData("1:2:3:4:5:6:7:8:9", "at most eight groups")]
        [InlineData("1:2:3:4::5:6:7:8", "with '::'*at most seven groups")]
        [InlineData("2001:db8:::1", "character ':'*IPv6")]
        [InlineData(":1::", "start with a single ':'")]
        [InlineData("1::2:", "end with a single ':'")]
        [InlineData("12345::1", "four hex digits*'12345'")]
        [InlineData("2001:db8::g", "character 'g'*IPv6")]
        [InlineData("fe80::1%11", "zone id*not allowed")]
        public void RejectsMalformedAddressesWithTheReason(string text, string names)
        {
            Assert.False(IpText.TryParseAddress(text, out _, out string? error));
            MessageAssert.NamesLike(names, error);
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
        [InlineData("10.1.2.3/24", "host bits*10.1.2.0/24")]
        [InlineData("40.82.0.0/14", "host bits*40.80.0.0/14")]
        [InlineData("2a01:111:f403::1/48", "host bits*2a01:111:f403::/48")]
        [InlineData("10.0.0.0/33", "/33*longer than 32 bits")]
        [InlineData("::/129", "/129*longer than 128 bits")]
        [InlineData("10.0.0.0/", "prefix length*'/'*empty")]
        [InlineData("10.0.0.0/08", "prefix length '08'*0 to 32")]
        [InlineData("10.0.0.0/8 ", "prefix length '8 '*not a number")]
        [InlineData("10.0.0.0/2665", "prefix length '2665'*0 to 32")]
        [InlineData("10.0.0.0", "prefix length*missing")]
        [InlineData("10.0.0/8", "four*parts, not 3")]
        [InlineData("::ffff:10.0.0.0/8", "IPv4-mapped*/96 or longer")]
        [InlineData("2a01:111:f403:: 48", "character ' '*IPv6")]
        public void RejectsMalformedPrefixesWithTheReason(string text, string names)
        {
            Assert.False(IpText.TryParsePrefix(text, allowBareAddress: false, out _, out string? error));
            MessageAssert.NamesLike(names, error);
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
