using System;

namespace EopTools.Logs
{
    /// <summary>
    /// Keeps the text of the lines that became records, side by side in blocks, instead of one string per line: a
    /// million records cost a few thousand allocations, not a million. A block is small, so a record kept alone (the
    /// others filtered away) holds little more than its line.
    /// </summary>
    internal sealed class LineStore
    {
        private const int BlockLength = 8192;

        private char[] _block = new char[BlockLength];
        private int _used;

        /// <summary>Copies text[start..start+length) and returns the block it is now in, at <paramref name="at"/>.</summary>
        public char[] Add(char[] text, int start, int length, out int at)
        {
            if (length > BlockLength / 4)
            {
                // A long line gets a block of its own rather than leaving most of one empty.
                var own = new char[length];
                Array.Copy(text, start, own, 0, length);
                at = 0;
                return own;
            }
            if (_used + length > _block.Length)
            {
                _block = new char[BlockLength];
                _used = 0;
            }
            Array.Copy(text, start, _block, _used, length);
            at = _used;
            _used += length;
            return _block;
        }
    }
}
