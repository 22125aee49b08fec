using System;
using System.IO;
using System.Text;
using EopTools.IO;

namespace EopTools.Logs
{
    /// <summary>
    /// A log file's text as UTF-8 bytes, which is how Exchange and IIS write their logs. The module's byte order mark rule
    /// (<see cref="ByteOrderMark"/>) decides the encoding: a UTF-8 mark is skipped; text that a mark says is UTF-16 or
    /// UTF-32 (a report saved by another tool) is re-encoded as it is read; anything else is read as UTF-8.
    /// </summary>
    internal static class Utf8Text
    {
        /// <param name="file">The file, at its start; seekable, to step back over what was read to find the byte order mark.</param>
        /// <param name="wrap">Wraps the file's stream before it is read (e.g. to count the bytes read).</param>
        public static Stream Open(Stream file, Func<Stream, Stream> wrap)
        {
            Encoding? other;
            try
            {
                other = OtherEncoding(file, out int byteOrderMark);
                file.Position = other == null ? byteOrderMark : 0;
            }
            catch
            {
                file.Dispose();
                throw;
            }
            Stream stream = wrap(file);
            return other == null ? stream : new TranscodingStream(new StreamReader(stream, other, detectEncodingFromByteOrderMarks: true, 1 << 16));
        }

        /// <summary>True when the file's bytes are its text (UTF-8, no byte order mark of another encoding); reads its first bytes.</summary>
        public static bool IsUtf8(Stream file) => OtherEncoding(file, out _) == null;

        /// <summary>
        /// Trims text[start..end) of white space (ASCII: a byte of a UTF-8 sequence is never white space); false when
        /// nothing is left or only "-", which is how W3C logs write "no value".
        /// </summary>
        public static bool TrimToValue(byte[] text, ref int start, ref int end)
        {
            while (start < end && IsWhiteSpace(text[start])) start++;
            while (end > start && IsWhiteSpace(text[end - 1])) end--;
            return end > start && !(end - start == 1 && text[start] == (byte)'-');
        }

        private static bool IsWhiteSpace(byte value) => value == (byte)' ' || (value >= 9 && value <= 13);

        /// <summary>The encoding a byte order mark names (<see cref="ByteOrderMark"/>) when it is not UTF-8; null for UTF-8, with its mark's length.</summary>
        private static Encoding? OtherEncoding(Stream file, out int utf8ByteOrderMark)
        {
            Encoding encoding = ByteOrderMark.Detect(file, out int markLength);
            utf8ByteOrderMark = ByteOrderMark.IsUtf8(encoding) ? markLength : 0;
            return ByteOrderMark.IsUtf8(encoding) ? null : encoding;
        }

        /// <summary>Text from a reader, as UTF-8 bytes.</summary>
        private sealed class TranscodingStream : Stream
        {
            private readonly TextReader _reader;
            private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
            private readonly char[] _chars = new char[1 << 14];
            private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(1 << 14)];
            private int _next;
            private int _end;
            private bool _ended;

            public TranscodingStream(TextReader reader)
            {
                _reader = reader;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                while (_next == _end && !_ended)
                {
                    int chars = _reader.Read(_chars, 0, _chars.Length);
                    _ended = chars == 0;
                    // The encoder keeps half of a surrogate pair split between two reads until the other half comes.
                    _end = _encoder.GetBytes(_chars, 0, chars, _bytes, 0, flush: _ended);
                    _next = 0;
                }
                int copied = Math.Min(count, _end - _next);
                Array.Copy(_bytes, _next, buffer, offset, copied);
                _next += copied;
                return copied;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _reader.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
