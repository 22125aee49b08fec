using System;
using System.Linq;
using System.Threading.Tasks;
using EopTools.Parsing;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// Issue 15's crafted inputs, scaled to 1 MB. Each took from seconds to minutes before the readers were made linear;
    /// each test asserts the exact result. The timeout is only a hang guard (xunit enforces it on async tests), not a
    /// measure: bench/Measure-Readers.ps1 measures.
    /// </summary>
    public class HostileInputTests
    {
        private const int HangGuard = 30_000;
        private const int Size = HostileInputs.OneMegabyte;

        private static Task<RangeData> Read(string text, string source) => Task.Run(() => RangeFileReader.ReadText(text, source));

        [Fact(Timeout = HangGuard)]
        public async Task SortsWarningsThatArriveInReverseLineOrder()
        {
            string text = HostileInputs.ReversedWarningsPage(Size, out int cells);
            RangeData data = await Read(text, "reversed.md");

            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(data.Ranges));
            Assert.Equal(2 * cells, data.Diagnostics.Count);
            Assert.Equal(Enumerable.Range(3, 2 * cells), data.Diagnostics.Select(d => d.Line));
            Assert.Equal("MalformedRange", data.Diagnostics[0].Id);
            Assert.Contains("/99", data.Diagnostics[0].Message);
            Assert.Equal("ConflictMarker", data.Diagnostics[cells].Id);
        }

        [Fact]
        public void KeepsTheOrderOfWarningsOnOneLine()
        {
            // A stale list in a code block and a malformed cell of the same section: both on line 3, reported in that order.
            var builder = new RangeDataBuilder();
            builder.Add(TestData.Prefix("192.0.2.0/24"), EopRegion.Global);
            builder.Warn("Test", "x", 5, "e", null);
            builder.Warn("Test", "x", 3, "a", null);
            builder.Warn("Test", "x", 3, "b", null);
            builder.Warn("Test", "x", 1, "c", null);
            builder.Warn("Test", "x", 3, "d", null);
            RangeData data = builder.Build("x", hasIPv6 => TestData.TestDataSet);
            Assert.Equal(new[] { "1 c", "3 a", "3 b", "3 d", "5 e" }, data.Diagnostics.Select(d => d.Line + " " + d.Message));
        }

        /// <summary>
        /// Markup that never closes: a side-by-side span opened again and again (no span closes, so nothing is hidden
        /// source; the tags themselves are markup and go), a heading of '&lt;' only, a heading of anchors with no
        /// closing quote. The table after it reads as usual.
        /// </summary>
        [Theory(Timeout = HangGuard)]
        [InlineData("sxs-unclosed")]
        [InlineData("angle-heading")]
        [InlineData("anchor-heading")]
        public async Task ReadsPastMarkupThatNeverCloses(string input)
        {
            RangeData data = await Read(HostileInputs.Create(input, Size), input + ".md");

            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(data.Ranges));
            Assert.Empty(data.Diagnostics);
        }

        [Fact(Timeout = HangGuard)]
        public async Task RejectsACellOfOpenAngleBracketsWithAWarning()
        {
            RangeData data = await Read(HostileInputs.OpenAngleCell(Size), "angles.md");

            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(data.Ranges));
            Diagnostic warning = Assert.Single(data.Diagnostics);
            Assert.Equal(3, warning.Line);
            Assert.Equal(new string('<', Size), warning.Text);
            Assert.StartsWith("malformed range (", warning.Message);
        }

        [Fact(Timeout = HangGuard)]
        public async Task CountsRangeLikeTextInACommentInOnePass()
        {
            RangeData data = await Read(HostileInputs.RangeLikeComment(Size, out int ranges), "comment.md");

            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(data.Ranges));
            Diagnostic warning = Assert.Single(data.Diagnostics);
            Assert.Equal(3, warning.Line);
            Assert.Equal("RangesInComment", warning.Id);
            Assert.StartsWith(ranges + " ranges inside an HTML comment", warning.Message);
        }

        [Fact(Timeout = HangGuard)]
        public async Task RefusesXmlNestedDeeperThanTheRealFile()
        {
            string text = HostileInputs.DeeplyNestedXml(Size, out _);
            var error = await Assert.ThrowsAsync<RangeDataException>(() => Read(text, "deep.xml"));

            Assert.Equal("InvalidXml", error.ErrorId);
            Assert.StartsWith("'deep.xml' ", error.Message);
            Assert.Contains("more than 32 deep", error.Message);
            Assert.Contains("Line 1, position 187", error.Message);
        }

        [Fact]
        public void ReadsXmlNestedAsDeepAsAllowed()
        {
            // An address wrapped in markup 28 deep (the address element at depth 3, the text at depth 32) is read as XElement.Value read it.
            string text = "<products><product name=\"EOP\"><addresslist type=\"IPv4\"><address>" + string.Concat(Enumerable.Repeat("<b>", 28)) +
                          " 192.0.2.0/24 " + string.Concat(Enumerable.Repeat("</b>", 28)) + "</address></addresslist></product></products>";
            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(RangeFileReader.ReadText(text, "x.xml").Ranges));
            string deeper = text.Replace("<address>", "<address><b>").Replace("</address>", "</b></address>");
            Assert.Equal("InvalidXml", Assert.Throws<RangeDataException>(() => RangeFileReader.ReadText(deeper, "x.xml")).ErrorId);
        }

        /// <summary>Each crafted header block is read in one pass: the exact hop count, problem or field count, within the guard.</summary>
        [Theory(Timeout = HangGuard)]
        [InlineData("unclosed-comments", 1, "a comment opened at character 16 is not closed")]
        [InlineData("unclosed-literals", 1, "the address literal '[1.2.3.4' is not closed")]
        [InlineData("endless-via", 1, null)]
        [InlineData("many-report-fields", 1, null)]
        [InlineData("encoded-word-openings", 0, null)]
        public async Task ReadsCraftedHeadersInOnePass(string input, int hops, string? problem)
        {
            string text = HostileInputs.CreateHeaders(input, Size - 200);
            EopMessageHeaderResult result = await Task.Run(() => RouteAnalyzerTests.Analyze(text));
            Assert.Equal(hops, result.Hops.Count);
            if (hops > 0) Assert.Equal(problem, result.Hops[0].Problem);
            if (input == "endless-via") Assert.Equal((Size - 200 + 8) / 9, result.Hops[0].Via!.Split(' ').Length);
            if (input == "many-report-fields") Assert.Equal("v", Assert.Single(result.Stamps.Single().Fields.Values.Cast<object>()));
            if (input == "encoded-word-openings") Assert.StartsWith("=?a?Q?x=?a?Q?x", result.Subject);
        }

        [Fact(Timeout = HangGuard)]
        public async Task ReadsAHeaderBlockOfManyHopsInOnePass()
        {
            string text = HostileInputs.CreateHeaders("many-hops", Size - 200);
            EopMessageHeaderResult result = await Task.Run(() => RouteAnalyzerTests.Analyze(text));
            int expected = (Size - 200 + 76) / 77;
            Assert.Equal(expected, result.Hops.Count);
            Assert.Equal(EopMessageRoute.NotMicrosoft365, result.Route);
            Assert.Equal(expected, result.Hops[expected - 1].Number);
        }

        [Fact]
        public void RefusesAHeaderBlockPastTheCap()
        {
            string text = HostileInputs.CreateHeaders("many-hops", Size + 100);
            Assert.Equal("MessageHeaderTooLarge", Assert.Throws<EopTools.Headers.HeaderReadException>(() => RouteAnalyzerTests.Analyze(text)).ErrorId);
        }
    }
}
