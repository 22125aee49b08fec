using System;
using System.IO;
using System.Text;
using EopTools.Headers;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>Reading a message file's header block: only up to the empty line, and every kind of file that is not a message refused with its id.</summary>
    public class HeaderFileReaderTests
    {
        private const string Headers = "Received: from a.example (a.example [192.0.2.1])\r\n\tby b.example; 1 Jul 2025 10:00:00 +0000\r\nSubject: x\r\n";

        [Fact]
        public void ReadsOnlyTheHeaderBlockOfALargeMessage()
        {
            var body = new byte[5 * 1024 * 1024];
            var stream = new CountingStream(Encoding.ASCII.GetBytes(Headers + "\r\n"), body);
            Assert.Equal(Headers, HeaderFileReader.ReadHeaderText(stream, "big.eml"));
            // One 16 KB chunk: the headers and the start of the body, never the 5 MB after.
            Assert.Equal(16 * 1024, stream.BytesRead);
        }

        [Theory]
        [InlineData("\n\n")]
        [InlineData("\r\r")]
        [InlineData("\r\n\r\n")]
        [InlineData("\n\r\n")]
        public void StopsAtTheEmptyLineWhateverTheLineEnding(string end)
        {
            string text = HeaderFileReader.ReadHeaderText(new MemoryStream(Encoding.ASCII.GetBytes("Subject: x" + end + "Body: y\n")), "m.eml");
            Assert.Equal("Subject: x" + end.Substring(0, end.Length == 4 ? 2 : 1), text);
        }

        [Fact]
        public void ReadsUtf16TextAsWindowsPowerShellWritesIt()
        {
            byte[] bytes = Encoding.Unicode.GetPreamble();
            byte[] text = Encoding.Unicode.GetBytes(Headers);
            var all = new byte[bytes.Length + text.Length];
            bytes.CopyTo(all, 0);
            text.CopyTo(all, bytes.Length);
            Assert.Equal(Headers, HeaderFileReader.ReadHeaderText(new MemoryStream(all), "headers.txt"));
        }

        [Fact]
        public void RefusesAnOutlookMsgSayingHowToGetItsHeaders()
        {
            byte[] msg = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0 };
            var error = Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(new MemoryStream(msg), "report.msg"));
            MessageAssert.Names(error, "MessageFileIsOutlookMsg", "report.msg", "Outlook", "File > Properties");
        }

        [Fact]
        public void RefusesBinaryData()
        {
            var error = Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(new MemoryStream(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06 }), "a.zip"));
            MessageAssert.Names(error, "MessageFileNotText", "a.zip", "offset 5");
        }

        [Fact]
        public void RefusesAHeaderBlockWithoutEndPastTheCap()
        {
            var error = Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(new CountingStream(Encoding.ASCII.GetBytes("Subject: "), new byte[8 * 1024 * 1024], fill: (byte)'a'), "huge.eml"));
            Assert.Equal("MessageHeaderTooLarge", error.ErrorId);
        }

        [Fact]
        public void RefusesAFolderAMissingFileAndAnEmptyFile()
        {
            using (var folder = new TempFolder())
            {
                Assert.Equal("MessagePathIsFolder", Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(folder.Path)).ErrorId);
                Assert.Equal("MessageFileNotFound", Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(folder.PathOf("none.eml"))).ErrorId);
                File.WriteAllBytes(folder.PathOf("empty.eml"), Array.Empty<byte>());
                var empty = Assert.Throws<HeaderReadException>(() => HeaderFileReader.ReadHeaderText(folder.PathOf("empty.eml")));
                Assert.Equal("MessageFileEmpty", empty.ErrorId);
                File.WriteAllText(folder.PathOf("m.eml"), Headers + "\r\nbody");
                Assert.Equal(Headers, HeaderFileReader.ReadHeaderText(folder.PathOf("m.eml")));
            }
        }

        /// <summary>Devices never end and a pipe waits for a writer: each is refused by its size, before it is opened.</summary>
        [UnixTheory(Timeout = 30_000)]
        [InlineData("/dev/zero")]
        [InlineData("pipe")]
        public async System.Threading.Tasks.Task RefusesADeviceOrAPipeUnopened(string file)
        {
            using (var folder = new TempFolder())
            {
                string path = file == "pipe" ? folder.Fifo("pipe.eml") : file;
                var error = await Assert.ThrowsAsync<HeaderReadException>(() => System.Threading.Tasks.Task.Run(() => HeaderFileReader.ReadHeaderText(path)));
                Assert.Equal("MessageFileEmpty", error.ErrorId);
            }
        }

        /// <summary>A stream of a head and a body (of zeros, or of one byte) that counts what is read from it.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly byte[] _head;
            private readonly long _length;
            private readonly byte _fill;
            private long _position;

            public CountingStream(byte[] head, byte[] body, byte fill = 0)
            {
                _head = head;
                _length = head.Length + body.Length;
                _fill = fill;
            }

            public long BytesRead => _position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _length;

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = (int)Math.Min(count, _length - _position);
                for (int i = 0; i < n; i++, _position++)
                {
                    buffer[offset + i] = _position < _head.Length ? _head[_position] : _position == _head.Length && _fill == 0 ? (byte)'\n' : _fill == 0 ? (byte)'x' : _fill;
                }
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
