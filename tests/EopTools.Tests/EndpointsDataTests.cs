using System.IO;
using System.Linq;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Every file under ../shared/data/endpoints-service, read in place: ranges where there are any, a precise error where not.</summary>
    [Trait("Category", "SharedData")]
    public class EndpointsDataTests
    {
        private static RangeData Read(string relative) => TestPaths.ReadShared("endpoints-service", relative);

        [Fact]
        public void ReadsTheCurrentWorldwideEopSetFromThe2022Answer()
        {
            RangeData data = Read("endpoints-worldwide-2022/microsoft365-worldwide.json");
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400::/48", "2a01:111:f403::/48" }, TestData.Texts(data.Ranges));
            Assert.All(data.Ranges, r => Assert.Equal(10, r.EndpointSet!.Id));
            Assert.True(data.DataSet.HasIPv6);
            Assert.Empty(data.Diagnostics);
        }

        [Fact]
        public void ReadsTheNoIPv6AnswerOf2025AndRecordsItHasNoIPv6()
        {
            RangeData data = Read("endpoints-worldwide-noipv6-2025/m365.json");
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17" }, TestData.Texts(data.Ranges));
            Assert.False(data.DataSet.HasIPv6);
            Assert.Empty(data.Diagnostics);
        }

        [Fact]
        public void ReadsTheEopProductOfThe2018Xml()
        {
            RangeData data = Read("legacy-xml-2018/O365IPAddresses.xml");
            Assert.Equal(22, data.Ranges.Count(r => r.AddressFamily == IPAddressFamily.IPv4));
            Assert.Equal(new[] { "2a01:111:f400:7c00::/54", "2a01:111:f400:fc00::/54", "2a01:111:f403::/48" },
                TestData.Texts(data.Ranges.Where(r => r.AddressFamily == IPAddressFamily.IPv6)));
            Assert.Contains(data.Ranges, r => r.Prefix == "23.103.212.0/22");
            Assert.DoesNotContain(data.Ranges, r => r.Prefix == "52.238.78.88/32");
            Assert.Equal("2018-06-02", data.DataSet.Version);
        }

        [Fact]
        public void ReadsTheEopProductOfThe2016Xml()
        {
            RangeData data = Read("legacy-xml-2016/O365IPAddresses-20160618-140721.xml");
            Assert.Equal(29, data.Ranges.Count(r => r.AddressFamily == IPAddressFamily.IPv4));
            Assert.Equal(2, data.Ranges.Count(r => r.AddressFamily == IPAddressFamily.IPv6));
            Assert.Contains(data.Ranges, r => r.Prefix == "216.32.180.0/24");
            Assert.Contains(data.Ranges, r => r.Prefix == "216.32.180.0/23");
        }

        [Theory]
        [InlineData("legacy-rss-2016/O365IPAddressesChanges-20160626-030036.xml", "UnrecognizedRangeFile")]
        [InlineData("doc-examples/version-worldwide.json", "UnrecognizedRangeFile")]
        [InlineData("doc-examples/version-all-instances.json", "UnrecognizedRangeFile")]
        [InlineData("doc-examples/version-worldwide-allversions.json", "UnrecognizedRangeFile")]
        [InlineData("doc-examples/changes-since-2018062700.json", "UnrecognizedRangeFile")]
        [InlineData("doc-examples/changes-since-0000000000.EXCERPT.json.txt", "InvalidJson")]
        [InlineData("doc-examples/endpoints-worldwide-set1-2.EXCERPT.json.txt", "InvalidJson")]
        [InlineData("doc-examples/version-worldwide-rss.EXCERPT.xml", "InvalidXml")]
        [InlineData("doc-examples/version-worldwide.csv", "NoRangeTable")]
        public void RejectsTheFilesThatHoldNoEopRangesWithAPreciseError(string relative, string errorId)
        {
            var error = Assert.Throws<RangeDataException>(() => Read(relative));
            Assert.Equal(errorId, error.ErrorId);
            Assert.Contains(Path.GetFileName(relative), error.Message);
        }

        [Fact]
        public void CoversEveryFileOfTheFolder()
        {
            string root = TestPaths.Shared("endpoints-service");
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => f.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/')).Where(f => f != "README.md").OrderBy(f => f, System.StringComparer.Ordinal);
            Assert.Equal(new[]
            {
                "doc-examples/changes-since-0000000000.EXCERPT.json.txt", "doc-examples/changes-since-2018062700.json",
                "doc-examples/endpoints-worldwide-set1-2.EXCERPT.json.txt", "doc-examples/version-all-instances.json",
                "doc-examples/version-worldwide-allversions.json", "doc-examples/version-worldwide-rss.EXCERPT.xml",
                "doc-examples/version-worldwide.csv", "doc-examples/version-worldwide.json",
                "endpoints-worldwide-2022/microsoft365-worldwide.json", "endpoints-worldwide-noipv6-2025/m365.json",
                "legacy-rss-2016/O365IPAddressesChanges-20160626-030036.xml", "legacy-xml-2016/O365IPAddresses-20160618-140721.xml",
                "legacy-xml-2018/O365IPAddresses.xml",
            }, files);
        }
    }
}
