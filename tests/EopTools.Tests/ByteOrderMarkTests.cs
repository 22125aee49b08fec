using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EopTools.Headers;
using EopTools.IO;
using EopTools.Parsing;
using EopTools.Sources;
using EopTools.TestServer;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The module's one rule for byte order marks, and every reader that reads by it.</summary>
    public sealed class ByteOrderMarkTests
    {
        private const string Text = "192.0.2.0/24\nReceived: from a.example (é)\n";

        public static TheoryData<string> Encodings => new TheoryData<string> { "utf-8", "utf-16", "utf-16BE", "utf-32", "utf-32BE" };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void TakesTheEncodingAMarkNamesAndLeavesTheMarkOut(string name)
        {
            Encoding encoding = Encoding.GetEncoding(name);
            byte[] bytes = Marked(encoding, Text);
            Assert.Equal(encoding.CodePage, ByteOrderMark.Detect(bytes, bytes.Length, out int markLength).CodePage);
            Assert.Equal(encoding.GetPreamble().Length, markLength);
            Assert.Equal(Text, ByteOrderMark.Decode(bytes, bytes.Length));
        }

        [Fact]
        public void ReadsTextWithoutAMarkAsUtf8()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Text);
            Assert.True(ByteOrderMark.IsUtf8(ByteOrderMark.Detect(bytes, bytes.Length, out int markLength)));
            Assert.Equal(0, markLength);
            Assert.Equal(Text, ByteOrderMark.Decode(bytes, bytes.Length));
        }

        [Fact]
        public void ReadsAMessageHeaderFileInUtf32AsTheOtherReadersDo()
        {
            string headers = "Received: from a.example by b.example; Thu, 5 Nov 2026 09:14:03 +0000\r\nSubject: x\r\n\r\nbody\r\n";
            string read = HeaderFileReader.ReadHeaderText(new MemoryStream(Marked(new UTF32Encoding(bigEndian: false, byteOrderMark: true), headers)), "h.txt");
            Assert.StartsWith("Received: from a.example by b.example;", read);
        }

        [Fact]
        public void ReadsAWebServiceAnswerInUtf16()
        {
            using (var fake = new FakeEndpointsService(TestPaths.Fixture("endpoints.json")) { Fault = "Utf16" })
            using (var service = new EndpointsWebService(fake.BaseUri, TimeSpan.FromSeconds(30), Guid.NewGuid(), new ProxySettings(null, null, false, null)))
            {
                Assert.Equal(fake.EndpointsBody, service.GetEndpoints(EopInstance.Worldwide, CancellationToken.None));
            }
        }

        [Theory]
        [InlineData("endpoints.json", true)]
        [InlineData("O365IPAddresses.xml", true)]
        [InlineData("page-regions.md", false)]
        [InlineData("ranges.txt", false)]
        public void EveryRangeReaderTakesTextThatStillStartsWithOneMark(string fixture, bool refusesASecondMark)
        {
            // Text from the pipeline, or decoded by a caller that kept the mark, holds it as U+FEFF.
            string text = File.ReadAllText(TestPaths.Fixture(fixture));
            RangeData plain = RangeFileReader.ReadText(text, fixture);
            RangeData marked = RangeFileReader.ReadText("\uFEFF" + text, fixture);
            Assert.NotEmpty(plain.Ranges);
            Assert.Equal(plain.Ranges.Select(r => r.Prefix), marked.Ranges.Select(r => r.Prefix));
            Assert.Equal(plain.Diagnostics.Select(d => d.ToString()), marked.Diagnostics.Select(d => d.ToString()));
            if (refusesASecondMark)
            {
                Assert.Equal("UnrecognizedRangeFile", Assert.Throws<RangeDataException>(() => RangeFileReader.ReadText("\uFEFF\uFEFF" + text, fixture)).ErrorId);
            }
        }

        [Fact]
        public void AHeaderBlockMayStartWithOneMarkAndNoMore()
        {
            const string headers = "Received: from a.example by b.example; Thu, 5 Nov 2026 09:14:03 +0000\r\nSubject: x\r\n";
            Assert.Equal("x", HeaderBlock.Parse("\uFEFF" + headers, "test").First("Subject")!.Value);
            Assert.Equal("MessageHeaderNotFound", Assert.Throws<HeaderReadException>(() => HeaderBlock.Parse("\uFEFF\uFEFF" + headers, "test")).ErrorId);
        }

        private static byte[] Marked(Encoding encoding, string text)
        {
            byte[] mark = encoding.GetPreamble(), body = encoding.GetBytes(text);
            var bytes = new byte[mark.Length + body.Length];
            mark.CopyTo(bytes, 0);
            body.CopyTo(bytes, mark.Length);
            return bytes;
        }
    }
}
