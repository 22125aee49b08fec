using System;

namespace EopTools.Logs
{
    /// <summary>
    /// Keeps the text (UTF-8) of the lines that became records, side by side in blocks, instead of one string per line:
    /// a million records cost about two thousand allocations, not a million, and half the memory. A block is just large
    /// enough for the large object heap, where the garbage collector never copies it however long the records live
    /// (docs/design.md has the pauses measured). The price: a record kept alone, its neighbours filtered away
    /// downstream, holds its block (96 KB).
    /// </summary>
    internal sealed class LineStore
    {
        private const int BlockLength = 96 * 1024;

        private byte[] _block = new byte[BlockLength];
        private int _used;

        /// <summary>Copies text[start..start+length) and returns the block it is now in, at <paramref name="at"/>.</summary>
        public byte[] Add(byte[] text, int start, int length, out int at)
        {
            if (length > BlockLength / 4)
            {
                // A long line gets a block of its own rather than leaving most of one empty.
                var own = new byte[length];
                Array.Copy(text, start, own, 0, length);
                at = 0;
                return own;
            }
            if (_used + length > _block.Length)
            {
                _block = new byte[BlockLength];
                _used = 0;
            }
            Array.Copy(text, start, _block, _used, length);
            at = _used;
            _used += length;
            return _block;
        }
    }
}
