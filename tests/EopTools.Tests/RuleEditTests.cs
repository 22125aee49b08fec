using System.Linq;
using EopTools.Diff;
using EopTools.Ranges;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>The first line of the change record: what a rule holding the older list opens and closes, in whole prefixes.</summary>
    public sealed class RuleEditTests
    {
        [Theory]
        // Widened: the wider prefix opens, the narrower one inside it stays.
        [InlineData("40.107.0.0/17", "40.107.0.0/16", "40.107.0.0/16", "")]
        // Narrowed: the old entry closes whole and the part still EOP opens again.
        [InlineData("10.4.0.0/14", "10.4.0.0/15", "10.4.0.0/15", "10.4.0.0/14")]
        // One entry of two gone: only it closes, never the merged pair.
        [InlineData("10.0.0.0/24 10.0.1.0/24", "10.0.0.0/24 10.0.2.0/24", "10.0.2.0/24", "10.0.1.0/24")]
        // Adjacent entries open as one prefix.
        [InlineData("192.0.2.0/24", "192.0.2.0/24 198.51.100.0/25 198.51.100.128/25", "198.51.100.0/24", "")]
        // Retired entries that merge close as one prefix; an entry kept inside a wider new one stays.
        [InlineData("23.103.132.0/23 23.103.134.0/23 2001:db8::/48", "2001:db8::/47", "2001:db8::/47", "23.103.132.0/22")]
        [InlineData("10.0.0.0/8", "10.0.0.0/8", "", "")]
        public void OpensAndClosesWholeEntriesInTheFewestPrefixes(string reference, string difference, string open, string close)
        {
            var edit = new RuleEdit(Prefixes(reference), Prefixes(difference));
            Assert.Equal(open, string.Join(" ", IpPrefix.Texts(edit.Open)));
            Assert.Equal(close, string.Join(" ", IpPrefix.Texts(edit.Close)));
        }

        [Fact]
        public void LeavesTheRuleAllowingExactlyTheNewerListOnTheRealPageHistory()
        {
            var older = Prefixes("23.103.132.0/22 23.103.136.0/21 40.92.0.0/14 40.107.0.0/17 65.55.88.0/24 104.47.0.0/17 2a01:111:f400::/48 2a01:111:f403::/48");
            var newer = Prefixes("40.92.0.0/15 40.107.0.0/16 52.100.0.0/14 104.47.0.0/17 2a01:111:f400::/48 2a01:111:f403::/48");
            var edit = new RuleEdit(older, newer);
            AddressSpace kept = AddressSpace.FromPrefixes(older).Subtract(AddressSpace.FromPrefixes(edit.Close));
            AddressSpace after = kept.Union(AddressSpace.FromPrefixes(edit.Open));
            Assert.Equal(AddressSpace.FromPrefixes(newer).ToCidrs(), after.ToCidrs());
            Assert.Equal("40.92.0.0/15 40.107.0.0/16 52.100.0.0/14", string.Join(" ", IpPrefix.Texts(edit.Open)));
            Assert.Equal("23.103.132.0/22 23.103.136.0/21 40.92.0.0/14 65.55.88.0/24", string.Join(" ", IpPrefix.Texts(edit.Close)));
        }

        private static IpPrefix[] Prefixes(string text) =>
            text.Split(' ').Where(t => t.Length > 0).Select(Prefix).ToArray();
    }
}
