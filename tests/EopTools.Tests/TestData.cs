using System.Collections.Generic;
using System.Linq;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Tests
{
    /// <summary>Small builders for tests: prefixes and data sets from text.</summary>
    internal static class TestData
    {
        public static IpPrefix Prefix(string text)
        {
            Xunit.Assert.True(IpText.TryParsePrefix(text, allowBareAddress: false, out IpPrefix prefix, out string? error), error);
            return prefix;
        }

        public static IpAddressValue Address(string text)
        {
            Xunit.Assert.True(IpText.TryParseAddress(text, out IpAddressValue value, out string? error), error);
            return value;
        }

        public static readonly EopDataSet TestDataSet = new EopDataSet("test", "1", null, "test", "Test", hasIPv6: true);

        /// <summary>A data set from (region, prefix) pairs.</summary>
        public static RangeData Data(params (EopRegion Region, string Prefix)[] entries) =>
            new RangeData(TestDataSet, entries.Select(e => new EopIpRange(Prefix(e.Prefix), e.Region, TestDataSet)).ToList(), new List<Diagnostic>());

        public static string[] Texts(IEnumerable<IpPrefix> prefixes) => prefixes.Select(p => p.ToString()).ToArray();

        public static string[] Texts(IEnumerable<EopIpRange> ranges) => ranges.Select(r => r.Prefix).ToArray();
    }
}
