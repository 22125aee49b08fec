using System.Collections.Generic;
using System.IO;
using System.Linq;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Every saved version of the EOP page, read in place from ../shared/data, against the counts in its INDEX.md.</summary>
    [Trait("Category", "SharedData")]
    public class PageHistoryTests
    {
        private static string History(string file) => TestPaths.Shared(Path.Combine("eop-page-history", file));

        private static string Counts(RangeData data)
        {
            string Count(EopRegion region)
            {
                var table = data.Ranges.Where(r => r.Region == region).ToList();
                if (table.Count == 0) return "-";
                return table.Count(r => r.AddressFamily == IPAddressFamily.IPv4) + "+" + table.Count(r => r.AddressFamily == IPAddressFamily.IPv6);
            }
            return string.Join(" / ", new[] { EopRegion.Global, EopRegion.Americas, EopRegion.EMEA, EopRegion.APAC }.Select(Count));
        }

        [Theory]
        [InlineData("eop-ip-addresses_2018-06-15_232219a.md", "22+3 / 23+1 / 17+2 / 16+1")]
        [InlineData("eop-ip-addresses_2018-07-11_7f99263.md", "23+3 / 23+1 / 17+2 / 13+1")]
        [InlineData("eop-ip-addresses_2018-07-18_e6ac803.md", "23+3 / 23+1 / 17+2 / 13+1")]
        [InlineData("eop-ip-addresses_2018-07-31_dd789f8.md", "20+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("eop-ip-addresses_2018-08-02_7b36aae.md", "21+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("eop-ip-addresses_2018-08-15_0a689b4.md", "21+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("eop-ip-addresses_2018-08-28_80613c4.md", "21+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("eop-ip-addresses_2018-10-02_24f6d0e.md", "21+3 / - / - / -")]
        [InlineData("unpublished/eop-ip-addresses_2018-07-18_e0a741a.md", "23+3 / 23+1 / 17+2 / 13+1")]
        [InlineData("unpublished/eop-ip-addresses_2018-08-01_8bdf49f.md", "20+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("unpublished/eop-ip-addresses_2018-08-02_2ecdfc2.md", "21+3 / 22+1 / 17+2 / 12+1")]
        [InlineData("unpublished/eop-ip-addresses_2018-08-15_ae6cd3e.md", "21+3 / 22+1 / 17+2 / 12+1")]
        public void ReadsEachVersionToTheCountsInTheIndex(string file, string expected)
        {
            Assert.Equal(expected, Counts(RangeFileReader.Read(History(file))));
        }

        [Fact]
        public void EmbedsTheSeedPageOfTheSharedFolderAsItIs()
        {
            string shared = System.IO.File.ReadAllText(TestPaths.Shared(Path.Combine("seed", "exchange-online-protection-ip-addresses.md")));
            Assert.Equal(shared, Index.EopSession.ReadSeedText());
            Assert.Equal(24, TestPaths.ReadShared("seed", "exchange-online-protection-ip-addresses.md").Ranges.Count(r => r.Region == EopRegion.Global));
        }

        [Fact]
        public void TheSeedIsThe2018_08_28Version()
        {
            var seed = Index.EopSession.Seed.Ranges.Select(r => r.Region + " " + r.Prefix);
            var page = RangeFileReader.Read(History("eop-ip-addresses_2018-08-28_80613c4.md")).Ranges.Select(r => r.Region + " " + r.Prefix);
            Assert.Equal(page, seed);
        }

        [Fact]
        public void IgnoresTheOrphanedListsAfterTheRegionTableWithAWarning()
        {
            RangeData data = RangeFileReader.Read(History("eop-ip-addresses_2018-08-15_0a689b4.md"));
            Assert.DoesNotContain(data.Ranges, r => r.Prefix == "134.170.132.0/24" || r.Prefix == "40.107.128.0/18" && r.Region == EopRegion.APAC);
            Assert.Equal(new[]
            {
                "93: 36 ranges outside the tables (lines 93-133) are ignored; they are not part of the published table",
                "135: code fence opened here is never closed",
            }, data.Diagnostics.Select(d => d.Line + ": " + d.Message));
        }

        [Fact]
        public void WarnsAboutConflictMarkersAndTheStaleListInsideThem()
        {
            RangeData data = RangeFileReader.Read(History("unpublished/eop-ip-addresses_2018-08-15_ae6cd3e.md"));
            Assert.Equal(new[] { 26, 29, 30, 53, 54, 122, 164 }, data.Diagnostics.Select(d => d.Line));
            Assert.Equal(3, data.Diagnostics.Count(d => d.Message.StartsWith("git conflict marker")));
            MessageAssert.Names(data.Diagnostics[2], "RangesOutsideTables", "22 ranges", "lines 30-51");
        }

        [Fact]
        public void PublishesNothingFromAPageWhoseTablesAreInsideAnHtmlComment()
        {
            var error = Assert.Throws<RangeDataException>(() => RangeFileReader.Read(History("unpublished/eop-ip-addresses_2019-03-19_ad2d043.md")));
            Assert.Equal("NoRangeTable", error.ErrorId);
            Assert.Contains("24 ranges are inside HTML comments", error.Message);
        }

        [Fact]
        public void RejectsTheChangeNotificationPageAsNoRangeTable()
        {
            var error = Assert.Throws<RangeDataException>(() => RangeFileReader.Read(History("change-notification-for-eop-ip-addresses_2018-06-15_232219a.md")));
            Assert.Equal("NoRangeTable", error.ErrorId);
        }

        public static IEnumerable<object[]> LocalizedPages() =>
            Directory.GetFiles(TestPaths.Shared(Path.Combine("eop-page-history", "localized")), "*.md").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        /// <summary>A localized page yields the English ranges less its garbled cells: one warning each, never a repaired guess.</summary>
        [Theory]
        [MemberData(nameof(LocalizedPages))]
        public void ReadsLocalizedPagesWithoutRepairingGarbledCells(string file)
        {
            string english = file.Contains("_2018-08-06_") ? "eop-ip-addresses_2018-08-02_7b36aae.md" : "eop-ip-addresses_2018-10-02_24f6d0e.md";
            var source = RangeFileReader.Read(History(english)).Ranges.Select(r => r.Region + " " + r.Prefix).ToList();
            RangeData data = RangeFileReader.Read(History(Path.Combine("localized", file)));
            var read = data.Ranges.Select(r => r.Region + " " + r.Prefix).ToList();

            Assert.Empty(read.Except(source));
            Assert.Equal(source.Count - read.Count, data.Diagnostics.Count(d => d.Message.StartsWith("malformed range")));
            Assert.All(data.Diagnostics, d => Assert.True(d.Line > 0 && d.Text != null));
        }

        [Theory]
        [InlineData("localized/eop-ip-addresses_ko-KR_2019-02-23_aa6d389.md", "2a01:111: f400::/54", "2a01:111:f400::/54")]
        [InlineData("localized/eop-ip-addresses_it-IT_2018-08-06_6068194.md", "2a01:111:f403:: 48", "2a01:111:f403::/48")]
        [InlineData("localized/eop-ip-addresses_fr-FR_2019-02-23_c7e8627.md", "devenue 23.103.136.0/21", "23.103.136.0/21")]
        public void RejectsCellsThatWouldReadAsADifferentValidRange(string file, string cell, string repaired)
        {
            // The garbled cell is the page's only cell with that range: reading it at all would be a repair.
            RangeData data = RangeFileReader.Read(History(file));
            Assert.Contains(data.Diagnostics, d => d.Text == cell);
            Assert.DoesNotContain(data.Ranges, r => r.Prefix == repaired || r.Prefix == "2a01:111:f403::48/128");
        }
    }
}
