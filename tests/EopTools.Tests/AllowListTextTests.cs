using System.Linq;
using EopTools.AllowList;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    public class AllowListTextTests
    {
        [Theory]
        // A single address of either family; an IPv6 zone id (as Exchange stores link-local addresses) is ignored.
        [InlineData("40.92.70.1", "40.92.70.1", "40.92.70.1")]
        [InlineData("2A01:111:F403::25", "2a01:111:f403::25", "2a01:111:f403::25")]
        [InlineData("fe80::39bd:88f7:6969:d223%11", "fe80::39bd:88f7:6969:d223", "fe80::39bd:88f7:6969:d223")]
        [InlineData("::ffff:40.92.70.1", "40.92.70.1", "40.92.70.1")]
        // CIDR of either family.
        [InlineData("40.92.0.0/15", "40.92.0.0", "40.93.255.255")]
        [InlineData("10.1.2.3/32", "10.1.2.3", "10.1.2.3")]
        [InlineData("2a01:111:f400::/48", "2a01:111:f400::", "2a01:111:f400:ffff:ffff:ffff:ffff:ffff")]
        [InlineData("::ffff:40.92.0.0/111", "40.92.0.0", "40.93.255.255")]
        // first-last ranges, as Exchange's IPRange and the firewall write them.
        [InlineData("192.168.10.5-192.168.10.9", "192.168.10.5", "192.168.10.9")]
        [InlineData("10.0.0.7-10.0.0.7", "10.0.0.7", "10.0.0.7")]
        [InlineData("fe80::1-fe80::9", "fe80::1", "fe80::9")]
        // The firewall's IPv4 subnet by mask.
        [InlineData("40.92.0.0/255.254.0.0", "40.92.0.0", "40.93.255.255")]
        [InlineData("10.0.0.0/255.0.0.0", "10.0.0.0", "10.255.255.255")]
        [InlineData("10.1.2.3/255.255.255.255", "10.1.2.3", "10.1.2.3")]
        // Outer spaces, as a text file or a copied list has them, are not part of the entry.
        [InlineData("  104.47.0.0/17\t", "104.47.0.0", "104.47.127.255")]
        public void ReadsEveryAddressForm(string text, string first, string last)
        {
            Assert.True(AllowListText.TryParse(text, out AllowListItem? item, out string? error), error);
            Assert.Equal(AllowListItemKind.Addresses, item!.Kind);
            Assert.Equal(text, item.Entry);
            AddressInterval interval = Assert.Single(item.Intervals);
            Assert.Equal(first, new IpAddressValue(interval.Family, interval.First).ToString());
            Assert.Equal(last, new IpAddressValue(interval.Family, interval.Last).ToString());
        }

        [Theory]
        [InlineData("Any", true, true)]
        [InlineData("any", true, true)]
        [InlineData("*", true, true)]
        [InlineData("Any4", true, false)]
        [InlineData("Any6", false, true)]
        // Every form of a whole family admits every sender as Any does: Exchange's default RemoteIPRanges first.
        [InlineData("0.0.0.0-255.255.255.255", true, false)]
        [InlineData("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false, true)]
        [InlineData("0.0.0.0/0", true, false)]
        [InlineData("::/0", false, true)]
        [InlineData("0.0.0.0/0.0.0.0", true, false)]
        [InlineData(" 0:0:0:0:0:0:0:0/0 ", false, true)]
        public void ReadsAnyAndEveryWholeFamilyAsUnrestricted(string text, bool ipv4, bool ipv6)
        {
            Assert.True(AllowListText.TryParse(text, out AllowListItem? item, out string? error), error);
            Assert.Equal(AllowListItemKind.Unrestricted, item!.Kind);
            Assert.Equal(ipv4, item.Intervals.Count(i => i.Family == IPAddressFamily.IPv4 && i.First.IsZero && i.Last == IpAddressValue.MaxNumber(IPAddressFamily.IPv4)) == 1);
            Assert.Equal(ipv6, item.Intervals.Count(i => i.Family == IPAddressFamily.IPv6 && i.First.IsZero && i.Last == IpAddressValue.MaxNumber(IPAddressFamily.IPv6)) == 1);
            Assert.Equal((ipv4 ? 1 : 0) + (ipv6 ? 1 : 0), item.Intervals.Count);
        }

        [Theory]
        [InlineData("LocalSubnet")]
        [InlineData("localsubnet4")]
        [InlineData("DNS")]
        [InlineData("DHCP6")]
        [InlineData("WINS")]
        [InlineData("DefaultGateway")]
        [InlineData("Internet")]
        [InlineData("Intranet")]
        [InlineData("IntranetRemoteAccess")]
        [InlineData("PlayToDevice")]
        [InlineData("CaptivePortal")]
        public void ReadsTheMachineKeywordsAsKeywords(string text)
        {
            Assert.True(AllowListText.TryParse(text, out AllowListItem? item, out string? error), error);
            Assert.Equal(AllowListItemKind.Keyword, item!.Kind);
            Assert.Equal(text, item.Entry);
            Assert.Empty(item.Intervals);
        }

        [Theory]
        [InlineData("", "the entry is empty")]
        [InlineData("   ", "the entry is empty")]
        [InlineData("1.2.3.4 - 1.2.3.7", "an entry has no spaces inside it (a range is written first-last, as in 10.0.0.1-10.0.0.9)")]
        [InlineData("1.2.3.4 through 1.2.3.7", "an entry has no spaces inside it (a range is written first-last, as in 10.0.0.1-10.0.0.9)")]
        [InlineData("LocalNet", "it is neither an address nor a firewall keyword (Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal, each optionally with 4 or 6)")]
        [InlineData("Any5", "it is neither an address nor a firewall keyword (Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal, each optionally with 4 or 6)")]
        // Addresses: IpText's strict rules and reasons.
        [InlineData("040.92.0.1", "an IPv4 part must not have leading zeros ('040' could be read as octal)")]
        [InlineData("40.92.1", "an IPv4 address has exactly four dotted-decimal parts, not 3")]
        [InlineData("2001:db8::1::2", "an IPv6 address can contain '::' only once")]
        // CIDR: host bits, lengths.
        [InlineData("10.0.0.1/24", "host bits are set (the network would be 10.0.0.0/24)")]
        [InlineData("2001:db8::cd3/60", "host bits are set (the network would be 2001:db8::/60)")]
        [InlineData("10.0.0.0/33", "the prefix length /33 is longer than 32 bits")]
        [InlineData("2001:db8::/129", "the prefix length /129 is longer than 128 bits")]
        [InlineData("10.0.0.0/", "the prefix length after '/' is empty")]
        [InlineData("fe80::1%11/64", "a zone id ('%...') is not allowed here")]
        // Ranges.
        [InlineData("10.0.0.9-10.0.0.1", "the range's first address 10.0.0.9 comes after its last 10.0.0.1")]
        [InlineData("fe80::9-fe80::1", "the range's first address fe80::9 comes after its last fe80::1")]
        [InlineData("10.0.0.1-fe80::1", "the range's first address is IPv4 and its last IPv6")]
        [InlineData("10.0.0.1-10.0.0.2-10.0.0.3", "a range has exactly one '-' (first-last)")]
        [InlineData("10.0.0.1-", "the range's last address: the address is empty")]
        [InlineData("-10.0.0.1", "the range's first address: the address is empty")]
        [InlineData("10.0.0.0/24-10.0.1.0/24", "the range's first address: unexpected character '/' in an IPv4 address")]
        [InlineData("10.0.0.1-10.0.0.256", "the range's last address: an IPv4 part is a number from 0 to 255, not '256'")]
        // Masks.
        [InlineData("40.92.0.0/255.0.255.0", "the subnet mask 255.0.255.0 is not contiguous (its one bits must all come before its zero bits)")]
        [InlineData("40.92.0.0/0.0.255.255", "the subnet mask 0.0.255.255 is not contiguous (its one bits must all come before its zero bits)")]
        [InlineData("40.93.0.0/255.254.0.0", "host bits are set (the network would be 40.92.0.0/255.254.0.0)")]
        [InlineData("40.92.0.0/255.254.0", "the subnet mask: an IPv4 address has exactly four dotted-decimal parts, not 3")]
        [InlineData("2001:db8::/255.255.0.0", "a subnet mask is written only for IPv4; an IPv6 prefix takes a length (/48)")]
        public void RejectsWithTheReason(string text, string reason)
        {
            Assert.False(AllowListText.TryParse(text, out AllowListItem? item, out string? error));
            Assert.Null(item);
            Assert.Equal(reason, error);
        }
    }
}
