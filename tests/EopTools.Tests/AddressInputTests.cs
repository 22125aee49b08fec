using EopTools.Parsing;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    public class AddressInputTests
    {
        [Theory]
        [InlineData("40.92.70.1", "40.92.70.1")]
        [InlineData(" 40.92.70.1 ", "40.92.70.1")]
        [InlineData("40.92.70.1:25", "40.92.70.1")]
        [InlineData("40.92.70.1:65535", "40.92.70.1")]
        [InlineData("2a01:111:f403::1", "2a01:111:f403::1")]
        [InlineData("[2a01:111:f403::1]:25", "2a01:111:f403::1")]
        [InlineData("[2a01:111:f403::1]", "2a01:111:f403::1")]
        [InlineData("fe80::1%11", "fe80::1")]
        [InlineData("[fe80::1%eth0]:587", "fe80::1")]
        [InlineData("::ffff:40.92.70.1", "40.92.70.1")]
        [InlineData("[::ffff:40.92.70.1]:25", "40.92.70.1")]
        public void AcceptsTheFormsLogsWrite(string text, string expected)
        {
            Assert.True(AddressInput.TryParse(text, out IpAddressValue address, out string? error), error);
            Assert.Equal(expected, address.ToString());
        }

        [Theory]
        [InlineData("1.2.3", "four*parts, not 3")]
        [InlineData("10", "four*parts, not 1")]
        [InlineData("040.1.1.1", "leading zero*'040'*octal")]
        [InlineData("0x7f.0.0.1", "character 'x'*IPv4")]
        [InlineData("256.1.1.1", "0 to 255*'256'")]
        [InlineData("1.2.3.4.5", "four parts, not more")]
        [InlineData("1.2.3.4/24", "prefix (with '/')")]
        [InlineData("::ffff:1.2.3", "four*parts, not 3")]
        [InlineData("2001:db8::1::2", "'::' only once")]
        [InlineData("1.2.3.4:70000", "port '70000'*0 to 65535")]
        [InlineData("1.2.3.4:", "port ''*0 to 65535")]
        [InlineData("1.2.3.4:025", "port '025'*0 to 65535")]
        [InlineData("1.2.3.4 junk", "character ' '*IPv4")]
        [InlineData("[1.2.3.4]:25", "brackets*IPv6*only")]
        [InlineData("[2001:db8::1:25", "'['*not closed*']'")]
        [InlineData("[2001:db8::1]x", "text after the address")]
        [InlineData("fe80::1% ", "zone id*'%'*empty")] // white space around an input is trimmed first
        [InlineData("[fe80::1% ]:25", "zone id ' ' contains ' '*interface name or number")]
        public void RejectsEverythingElseWithTheReason(string text, string names)
        {
            Assert.False(AddressInput.TryParse(text, out _, out string? error));
            MessageAssert.NamesLike(names, error);
        }

        /// <summary>One zone rule for the bare and the bracketed form: an interface name or number, nothing else.</summary>
        [Theory]
        [InlineData("cafe::%a/b", "zone id 'a/b' contains '/'*interface name or number")]
        [InlineData("fe80::1%", "zone id*'%'*empty")]
        [InlineData("fe80::1%a%b", "zone id 'a%b' contains '%'*interface name or number")]
        [InlineData("fe80::1%a b", "zone id 'a b' contains ' '*interface name or number")]
        [InlineData("fe80::1%a\u00A0b", "zone id 'a\u00A0b' contains '\u00A0'*interface name or number")]
        [InlineData("fe80::1%a]", "zone id 'a]' contains ']'*interface name or number")]
        public void AppliesOneZoneRuleToTheBareAndTheBracketedForm(string bare, string names)
        {
            Assert.False(AddressInput.TryParse(bare, out _, out string? error));
            MessageAssert.NamesLike(names, error);
            if (bare.EndsWith("]")) return;
            Assert.False(AddressInput.TryParse("[" + bare + "]:25", out _, out error));
            MessageAssert.NamesLike(names, error);
        }

        [Theory]
        [InlineData("fe80::1%eth0.100")]
        [InlineData("fe80::1%en-0_a:b")]
        [InlineData("[fe80::1%eth0.100]:25")]
        public void AcceptsInterfaceNamesAsZones(string text)
        {
            Assert.True(AddressInput.TryParse(text, out IpAddressValue address, out string? error), error);
            Assert.Equal("fe80::1", address.ToString());
        }

        /// <summary>Every character .NET calls white space is trimmed around an input, as log values carry it.</summary>
        [Theory]
        [InlineData("\t\r\n\v\f 40.92.70.1")]
        [InlineData("\u00A0\u2003\u3000 40.92.70.1 \u0085\u2028\u2029\u1680\u202F\u205F")]
        [InlineData(" [2a01:111:f403::1]:25\u00A0")]
        public void TrimsEveryKindOfWhiteSpaceAroundAnInput(string text)
        {
            Assert.True(AddressInput.TryParse(text, out IpAddressValue address, out string? error), error);
            Assert.Contains(address.ToString(), new[] { "40.92.70.1", "2a01:111:f403::1" });
        }

        /// <summary>A test result keeps only the input text, so an IPAddress object's text must read back to the same address.</summary>
        [Theory]
        [InlineData("40.92.70.1")]
        [InlineData("0.0.0.0")]
        [InlineData("2a01:111:f403::1")]
        [InlineData("::ffff:40.92.70.1")]
        [InlineData("::")]
        [InlineData("fe80::1")]
        public void ReadsBackTheTextOfAnIPAddressObject(string text)
        {
            var address = System.Net.IPAddress.Parse(text);
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal) address.ScopeId = 12;
            Assert.True(AddressInput.TryParse(address.ToString(), out IpAddressValue read, out string? error), error);
            Assert.Equal(IpAddressValue.FromIPAddress(address), read);
        }

        [Theory]
        [InlineData("", true)]
        [InlineData("  ", true)]
        [InlineData("-", true)]
        [InlineData(" - ", true)]
        [InlineData(" \u00A0\t\u3000", true)]
        [InlineData("\u2003-\r\n", true)]
        [InlineData("--", false)]
        [InlineData("- 1", false)]
        [InlineData("0.0.0.0", false)]
        public void RecognisesHowLogsWriteNoAddress(string text, bool isNoAddress)
        {
            Assert.Equal(isNoAddress, AddressInput.IsNoAddress(text));
        }
    }
}
