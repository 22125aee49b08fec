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
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        [InlineData("1.2.3.4 - 1.2.3.7", "no spaces*first-last")]
        [InlineData("1.2.3.4 through 1.2.3.7", "no spaces*first-last")]
        [InlineData("LocalNet", "neither an address nor a firewall keyword*Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal*4 or 6")]
        [InlineData("Any5", "neither an address nor a firewall keyword*Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet, IntranetRemoteAccess, PlayToDevice, CaptivePortal*4 or 6")]
        // Addresses: IpText's strict rules and reasons.
        [InlineData("040.92.0.1", "leading zero*'040'*octal")]
        [InlineData("40.92.1", "four*parts, not 3")]
        [InlineData("2001:db8::1::2", "'::' only once")]
        // CIDR: host bits, lengths.
        [InlineData("10.0.0.1/24", "host bits*10.0.0.0/24")]
        [InlineData("2001:db8::cd3/60", "host bits*2001:db8::/60")]
        [InlineData("10.0.0.0/33", "/33*longer than 32 bits")]
        [InlineData("2001:db8::/129", "/129*longer than 128 bits")]
        [InlineData("10.0.0.0/", "prefix length*'/'*empty")]
        [InlineData("fe80::1%11/64", "zone id*not allowed")]
        // Ranges.
        [InlineData("10.0.0.9-10.0.0.1", "first address 10.0.0.9*after*last 10.0.0.1")]
        [InlineData("fe80::9-fe80::1", "first address fe80::9*after*last fe80::1")]
        [InlineData("10.0.0.1-fe80::1", "first address*IPv4*last*IPv6")]
        [InlineData("10.0.0.1-10.0.0.2-10.0.0.3", "one '-'")]
        [InlineData("10.0.0.1-", "last address*empty")]
        [InlineData("-10.0.0.1", "first address*empty")]
        [InlineData("10.0.0.0/24-10.0.1.0/24", "first address*character '/'*IPv4")]
        [InlineData("10.0.0.1-10.0.0.256", "last address*0 to 255*'256'")]
        // Masks.
        [InlineData("40.92.0.0/255.0.255.0", "mask 255.0.255.0*not contiguous")]
        [InlineData("40.92.0.0/0.0.255.255", "mask 0.0.255.255*not contiguous")]
        [InlineData("40.93.0.0/255.254.0.0", "host bits*40.92.0.0/255.254.0.0")]
        [InlineData("40.92.0.0/255.254.0", "mask*four*parts, not 3")]
        [InlineData("2001:db8::/255.255.0.0", "mask*only for IPv4*IPv6*length")]
        public void RejectsWithTheReason(string text, string names)
        {
            Assert.False(AllowListText.TryParse(text, out AllowListItem? item, out string? error));
            Assert.Null(item);
            MessageAssert.NamesLike(names, error);
        }
    }
}
