using System;
using System.IO;

namespace EopTools.Logs
{
    /// <summary>A read-only stream that adds the bytes read to a shared total, for a progress bar by bytes.</summary>
    internal sealed class CountingStream : Stream
    {
        private readonly Stream _inner;
        private readonly LogProgress _progress;

        public CountingStream(Stream inner, LogProgress progress)
        {
            _inner = inner;
            _progress = progress;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            _progress.Add(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
