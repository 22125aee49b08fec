using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EopTools.Diff;
using EopTools.Parsing;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>The three file formats, to the character, from one small comparison.</summary>
    public class RangeDiffWriterTests
    {
        private static readonly EopDataSet Older = new EopDataSet("EOP \"page\"", "2018-06-15", new DateTime(2018, 6, 15), "C:\\data\\old|page.md", "EopPage", hasIPv6: true);
        private static readonly EopDataSet Newer = new EopDataSet("EOP list", "undated", null, "new.txt", "PlainText", hasIPv6: true);

        private static RangeDiffResult Sample()
        {
            var reference = new RangeData(Older, new[]
            {
                new EopIpRange(Prefix("40.107.0.0/17"), EopRegion.Global, Older),
                new EopIpRange(Prefix("65.55.88.0/24"), EopRegion.Global, Older),
                new EopIpRange(Prefix("10.0.0.0/24"), EopRegion.APAC, Older),
            }, new List<Diagnostic>());
            var difference = new RangeData(Newer, new[] { new EopIpRange(Prefix("40.107.0.0/16"), EopRegion.Global, Newer) }, new List<Diagnostic>());
            return RangeDiff.Compare(reference, difference, includeUnchanged: false);
        }

        private static readonly DateTime Generated = new DateTime(2026, 12, 5, 9, 14, 3, DateTimeKind.Utc);

        private static string Write(EopRangeDiffFormat format) => Write(Sample(), format);

        private static string Write(RangeDiffResult result, EopRangeDiffFormat format)
        {
            var writer = new StringWriter { NewLine = "\n" };
            RangeDiffWriter.Write(writer, result, format, Generated);
            return writer.ToString();
        }

        private static string Write(RangeData reference, RangeData difference, EopRangeDiffFormat format) =>
            Write(RangeDiff.Compare(reference, difference, includeUnchanged: false), format);

        [Theory]
        [InlineData(EopRangeDiffFormat.Csv)]
        [InlineData(EopRangeDiffFormat.Json)]
        [InlineData(EopRangeDiffFormat.Markdown)]
        public void ListsEachAddressOnceOverAllTablesInEveryFormat(EopRangeDiffFormat format)
        {
            var reference = new RangeData(Older, new[]
            {
                new EopIpRange(Prefix("65.55.88.0/24"), EopRegion.Global, Older),
                new EopIpRange(Prefix("65.55.88.0/24"), EopRegion.APAC, Older),
                new EopIpRange(Prefix("40.107.0.0/17"), EopRegion.EMEA, Older),
            }, new List<Diagnostic>());
            var difference = new RangeData(Newer, new[] { new EopIpRange(Prefix("40.107.0.0/16"), EopRegion.Global, Newer) }, new List<Diagnostic>());
            string written = Write(reference, difference, format);
            // The Markdown record's first line is the rule edit in whole prefixes, apart from the changes' listings.
            string text = format == EopRangeDiffFormat.Markdown ? written.Substring(written.IndexOf('\n')) : written;

            // 65.55.88.0/24: the global Removed change's prefix and its one listing; the APAC table closes nothing.
            Assert.Equal(2, Occurrences(text, "65.55.88.0/24"));
            // The EMEA table's /17 stays EOP inside the new global /16: only the other half opens, once.
            Assert.Equal(1, Occurrences(text, "40.107.128.0/17"));
            Assert.Equal(0, Occurrences(text, "40.107.0.0/17"));
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
            return count;
        }

        [Fact]
        public void WritesCsvAsExportCsvDoes()
        {
            const string olderText = "\"EOP \"\"page\"\" 2018-06-15 (C:\\data\\old|page.md)\"";
            const string newerText = "\"EOP list undated (new.txt)\"";
            Assert.Equal(
                "\"Change\",\"Region\",\"AddressFamily\",\"ReferencePrefix\",\"DifferencePrefix\",\"AddressesAdded\",\"AddressesRemoved\",\"ReferenceDataSet\",\"DifferenceDataSet\"\n" +
                "\"Widened\",\"Global\",\"IPv4\",\"40.107.0.0/17\",\"40.107.0.0/16\",\"40.107.128.0/17\",\"\"," + olderText + "," + newerText + "\n" +
                "\"Removed\",\"Global\",\"IPv4\",\"65.55.88.0/24\",,\"\",\"65.55.88.0/24\"," + olderText + "," + newerText + "\n" +
                "\"TableRemoved\",\"APAC\",,,,\"\",\"10.0.0.0/24\"," + olderText + "," + newerText + "\n",
                Write(EopRangeDiffFormat.Csv));
        }

        [Fact]
        public void WritesJsonWithBothDataSetsAndTheChanges()
        {
            Assert.Equal(string.Join("\n",
                "{",
                "  \"ReferenceDataSet\": { \"Name\": \"EOP \\\"page\\\"\", \"Version\": \"2018-06-15\", \"Published\": \"2018-06-15T00:00:00\", \"Source\": \"C:\\\\data\\\\old|page.md\", \"Format\": \"EopPage\" },",
                "  \"DifferenceDataSet\": { \"Name\": \"EOP list\", \"Version\": \"undated\", \"Published\": null, \"Source\": \"new.txt\", \"Format\": \"PlainText\" },",
                "  \"Warnings\": [],",
                "  \"Changes\": [",
                "    {",
                "      \"Change\": \"Widened\",",
                "      \"Region\": \"Global\",",
                "      \"AddressFamily\": \"IPv4\",",
                "      \"ReferencePrefix\": \"40.107.0.0/17\",",
                "      \"DifferencePrefix\": \"40.107.0.0/16\",",
                "      \"AddressesAdded\": [\"40.107.128.0/17\"],",
                "      \"AddressesRemoved\": []",
                "    },",
                "    {",
                "      \"Change\": \"Removed\",",
                "      \"Region\": \"Global\",",
                "      \"AddressFamily\": \"IPv4\",",
                "      \"ReferencePrefix\": \"65.55.88.0/24\",",
                "      \"DifferencePrefix\": null,",
                "      \"AddressesAdded\": [],",
                "      \"AddressesRemoved\": [\"65.55.88.0/24\"]",
                "    },",
                "    {",
                "      \"Change\": \"TableRemoved\",",
                "      \"Region\": \"APAC\",",
                "      \"AddressFamily\": null,",
                "      \"ReferencePrefix\": null,",
                "      \"DifferencePrefix\": null,",
                "      \"AddressesAdded\": [],",
                "      \"AddressesRemoved\": [\"10.0.0.0/24\"]",
                "    }",
                "  ]",
                "}",
                ""), Write(EopRangeDiffFormat.Json));
        }

        [Fact]
        public void WritesJsonThatAStrictParserReads()
        {
            using JsonDocument document = JsonDocument.Parse(Write(EopRangeDiffFormat.Json));
            Assert.Equal("EOP \"page\"", document.RootElement.GetProperty("ReferenceDataSet").GetProperty("Name").GetString());
            Assert.Equal(3, document.RootElement.GetProperty("Changes").GetArrayLength());
        }

        [Theory]
        [InlineData("tab\there", "\"tab\\there\"")]
        [InlineData("line\r\nbreak", "\"line\\r\\nbreak\"")]
        [InlineData("bell\u0007 nul\u0000", "\"bell\\u0007 nul\\u0000\"")]
        [InlineData("sep\u2028", "\"sep\\u2028\"")]
        [InlineData("back\\slash \"quote\" é", "\"back\\\\slash \\\"quote\\\" é\"")]
        [InlineData(null, "null")]
        public void EscapesJsonStrings(string? value, string expected)
        {
            Assert.Equal(expected, RangeDiffWriter.Json(value));
            if (value != null) Assert.Equal(value, JsonSerializer.Deserialize<string>(expected));
        }

        [Fact]
        public void WritesATicketReadyRecordLikeTheChangeNotificationPage()
        {
            Assert.Equal(string.Join("\n",
                "Open: 40.107.0.0/16. Close: 10.0.0.0/24, 65.55.88.0/24.",
                "",
                "# Change notification for EOP IP addresses",
                "",
                "This record describes the changes to the IP addresses used by Exchange Online Protection (EOP) between two versions of the list.",
                "",
                "- Generated: 2026-12-05 09:14:03 UTC",
                "- Reference: EOP \"page\", version 2018-06-15, data of 2018-06-15 (`C:\\data\\old|page.md`)",
                "- Difference: EOP list, version undated, undated (`new.txt`)",
                "",
                "## Global list",
                "",
                "|**Change**|**Description of revision**|**Addresses added**|**Addresses removed**|",
                "|:-----|:-----|:-----|:-----|",
                "|Widened|Changed 40.107.0.0/17 to the wider 40.107.0.0/16.|40.107.128.0/17||",
                "|Removed|Removed 65.55.88.0/24 from the list of IP addresses.||65.55.88.0/24|",
                "",
                "## APAC table",
                "",
                "|**Change**|**Description of revision**|**Addresses added**|**Addresses removed**|",
                "|:-----|:-----|:-----|:-----|",
                "|TableRemoved|Removed the APAC table.||10.0.0.0/24|",
                ""), Write(EopRangeDiffFormat.Markdown));
        }

        [Fact]
        public void WritesNoEmptySectionAndSaysNoChangesOnce()
        {
            var data = Data((EopRegion.Global, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.1.0/24"));
            string text = Write(data, data, EopRangeDiffFormat.Markdown);
            Assert.StartsWith("Open: nothing. Close: nothing.\n", text);
            Assert.EndsWith(")\n\nNo changes.\n", text);
            Assert.DoesNotContain("##", text);
        }

        [Fact]
        public void WritesOnlyTheTablesThatChanged()
        {
            var reference = Data((EopRegion.Global, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.1.0/24"));
            var difference = Data((EopRegion.Global, "10.0.0.0/24"), (EopRegion.EMEA, "10.0.2.0/24"));
            string text = Write(reference, difference, EopRangeDiffFormat.Markdown);
            Assert.StartsWith("Open: 10.0.2.0/24. Close: 10.0.1.0/24.\n", text);
            Assert.DoesNotContain("## Global list", text);
            Assert.Contains("\n## EMEA table\n", text);
        }

        [Theory]
        [InlineData("2022083100", null, "2022-08-31")]
        [InlineData("2018-06-15", "2018-06-15", "2018-06-15")]
        [InlineData("0000000000", null, null)]
        [InlineData("2022133100", null, null)]
        [InlineData("undated", null, null)]
        public void DatesTheDataByItsPublicationOrItsWebServiceVersion(string version, string? published, string? expected)
        {
            var dataSet = new EopDataSet("n", version, published == null ? null : DateTime.Parse(published, System.Globalization.CultureInfo.InvariantCulture), "s", "f", hasIPv6: true);
            Assert.Equal(expected, RangeDiffWriter.DataDate(dataSet)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("changes.csv", EopRangeDiffFormat.Csv)]
        [InlineData("C:\\out\\changes.JSON", EopRangeDiffFormat.Json)]
        [InlineData("/tmp/changes.md", EopRangeDiffFormat.Markdown)]
        [InlineData("changes.markdown", EopRangeDiffFormat.Markdown)]
        public void InfersTheFormatFromTheExtension(string path, EopRangeDiffFormat expected)
        {
            Assert.True(RangeDiffWriter.TryInferFormat(path, out EopRangeDiffFormat format));
            Assert.Equal(expected, format);
        }

        [Theory]
        [InlineData("changes.txt")]
        [InlineData("changes")]
        [InlineData("changes.csv.bak")]
        public void InfersNoFormatFromAnUnknownExtension(string path)
        {
            Assert.False(RangeDiffWriter.TryInferFormat(path, out _));
        }
    }
}
