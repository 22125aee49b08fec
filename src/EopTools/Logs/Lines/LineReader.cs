using System;
using System.IO;

namespace EopTools.Logs
{
    /// <summary>How a line ended.</summary>
    internal enum LineEnd
    {
        /// <summary>With a line break.</summary>
        Break,

        /// <summary>At the end of the file without a line break: a log that was still being written.</summary>
        EndOfFile,

        /// <summary>Longer than <see cref="LineReader.MaxLineLength"/> bytes: its text was not kept.</summary>
        TooLong,
    }

    /// <summary>
    /// Lines of UTF-8 text as bytes, like TextReader.ReadLine but without decoding them (a log line is split and read as
    /// bytes: every delimiter is ASCII, which never occurs inside a UTF-8 sequence), saying whether the last line ended
    /// with a line break (a truncated last line is reported, not read as complete), and with a limit on a line's
    /// length, so one huge "line" in a binary or corrupt file cannot take the memory.
    /// </summary>
    internal sealed class LineReader
    {
        public const int MaxLineLength = 1 << 20;

        private readonly Stream _stream;
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private bool _endOfInput;
        private long _bufferOffset;

        /// <param name="utf8">UTF-8 text without a byte order mark (see <see cref="Utf8Text"/>).</param>
        /// <param name="offset">Where in the file the stream starts, for <see cref="LineOffset"/>.</param>
        public LineReader(Stream utf8, long offset = 0)
        {
            _stream = utf8;
            _bufferOffset = offset;
        }

        /// <summary>Where in the file the last line read starts.</summary>
        public long LineOffset { get; private set; }

        /// <summary>The number of the line last read, from 1.</summary>
        public long LineNumber { get; private set; }

        /// <summary>The buffer the last line read is in, at <see cref="Start"/>; valid until the next read.</summary>
        public byte[] Buffer => _buffer;

        public int Start { get; private set; }

        /// <summary>The last line's length in bytes without its line break (0 for a too long line, whose text is not kept).</summary>
        public int Length { get; private set; }

        /// <summary>Reads the next line into <see cref="Buffer"/>; false at the end. No string is made: most lines need none.</summary>
        public bool Read(out LineEnd lineEnd)
        {
            bool discarding = false;
            LineOffset = _bufferOffset + _start;
            while (true)
            {
                int newline = _start < _end ? Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start) : -1;
                if (newline >= 0)
                {
                    LineNumber++;
                    Start = _start;
                    _start = newline + 1;
                    int length = newline - Start;
                    if (length > 0 && _buffer[newline - 1] == (byte)'\r') length--;
                    Length = discarding ? 0 : length;
                    lineEnd = discarding ? LineEnd.TooLong : LineEnd.Break;
                    return true;
                }
                if (_endOfInput)
                {
                    lineEnd = discarding ? LineEnd.TooLong : LineEnd.EndOfFile;
                    if (_start == _end && !discarding) return false;
                    LineNumber++;
                    Start = _start;
                    Length = discarding ? 0 : _end - _start;
                    _start = _end;
                    return true;
                }
                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _bufferOffset += _start;
                    _end -= _start;
                    _start = 0;
                }
                if (_end == _buffer.Length)
                {
                    if (_buffer.Length >= MaxLineLength)
                    {
                        // Keep reading to the line break, dropping what is read: the line is reported, not kept.
                        discarding = true;
                        _bufferOffset += _end;
                        _end = 0;
                    }
                    else
                    {
                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }
                }
                int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) _endOfInput = true;
                else _end += read;
            }
        }
    }
}
