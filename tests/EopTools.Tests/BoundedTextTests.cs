using System;
using System.IO;
using System.Text;
using EopTools.IO;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The one bounded read of a whole file: what it returns within the limit, and how little it reads past it.</summary>
    public sealed class BoundedTextTests
    {
        private const int Limit = 1000;

        [Fact]
        public void ReadsAStreamOfExactlyTheLimit()
        {
            string text = "192.0.2.0/24\n" + new string('#', Limit - 13);
            Assert.True(BoundedText.TryRead(new MemoryStream(Encoding.UTF8.GetBytes(text)), Limit, out string? read, out long size));
            Assert.Equal(text, read);
            Assert.Equal(Limit, size);
        }

        [Fact]
        public void RefusesUnreadAStreamThatSaysItIsLonger()
        {
            var stream = new MemoryStream(new byte[Limit + 1]);
            Assert.False(BoundedText.TryRead(stream, Limit, out string? read, out long size));
            Assert.Null(read);
            Assert.Equal(Limit + 1, size);
            Assert.Equal(0, stream.Position);
        }

        [Fact]
        public void StopsOneChunkPastTheLimitOnAStreamThatNeverEnds()
        {
            var stream = new EndlessStream(reportedLength: null);
            Assert.False(BoundedText.TryRead(stream, Limit, out string? read, out long size));
            Assert.Null(read);
            Assert.Equal(BoundedText.ChunkBytes, size);
            Assert.Equal(BoundedText.ChunkBytes, stream.BytesRead);
        }

        [Fact]
        public void StopsOneChunkPastTheLimitOnAStreamThatGrowsPastTheSizeItSaid()
        {
            var stream = new EndlessStream(reportedLength: 10);
            Assert.False(BoundedText.TryRead(stream, 3L * BoundedText.ChunkBytes, out string? read, out long size));
            Assert.Null(read);
            Assert.Equal(4L * BoundedText.ChunkBytes, size);
            Assert.Equal(4L * BoundedText.ChunkBytes, stream.BytesRead);
        }

        [Fact]
        public void TakesTheEncodingFromAByteOrderMark()
        {
            byte[] bytes = Encoding.Unicode.GetPreamble();
            Array.Resize(ref bytes, bytes.Length + 26);
            Encoding.Unicode.GetBytes("192.0.2.0/24\n", 0, 13, bytes, 2);
            Assert.True(BoundedText.TryRead(new MemoryStream(bytes), Limit, out string? read, out _));
            Assert.Equal("192.0.2.0/24\n", read);
        }

        /// <summary>Gives 'a' for ever, as a device does or a file that keeps being written; seekable when it says a length.</summary>
        private sealed class EndlessStream : Stream
        {
            private readonly long? _reportedLength;

            public EndlessStream(long? reportedLength)
            {
                _reportedLength = reportedLength;
            }

            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => _reportedLength.HasValue;

            public override bool CanWrite => false;

            public override long Length => _reportedLength ?? throw new NotSupportedException();

            public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++) buffer[offset + i] = (byte)'a';
                BytesRead += count;
                return count;
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
