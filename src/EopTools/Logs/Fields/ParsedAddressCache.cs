using System;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// The address fields a reader parsed, with their answers, by their text: the lines of a protocol log's session
    /// repeat the same remote endpoint, and the same senders come back all day, so most lines need neither the parse
    /// nor the lookup. The line before is compared first; the others are found by a hash of the text, one per slot (a
    /// later one takes the slot), so the cache stays the same size whatever the logs hold.
    /// </summary>
    internal sealed class ParsedAddressCache
    {
        public const int Slots = 4096;
        private const int MaxKept = 48;

        private readonly byte[] _text = new byte[Slots * MaxKept];
        private readonly int[] _length = new int[Slots];
        private readonly IpAddressValue[] _address = new IpAddressValue[Slots];
        private readonly EopAnswer[] _answer = new EopAnswer[Slots];
        private int _found = -1;
        private int _missed = -1;

        public ParsedAddressCache()
        {
            for (int i = 0; i < Slots; i++) _length[i] = -1;
        }

        /// <summary>
        /// The slot of the value found or remembered last: the same value keeps its slot while it is kept, so a sink may
        /// keep what it knows of the address by slot (checking the address, as another value may take the slot).
        /// </summary>
        public int Slot => _found;

        /// <summary>The address of the value found or remembered last.</summary>
        public IpAddressValue Address => _address[_found];

        public EopAnswer Answer => _answer[_found];

        /// <summary>True when text[start..end) was parsed before: <see cref="Address"/> and <see cref="Answer"/> are its.</summary>
        public bool Find(byte[] text, int start, int end)
        {
            if (_found >= 0 && Holds(_found, text, start, end)) return true;
            int slot = SlotOf(text, start, end);
            if (slot < 0 || !Holds(slot, text, start, end))
            {
                _missed = slot;
                return false;
            }
            _found = slot;
            return true;
        }

        /// <summary>
        /// Keeps the value that <see cref="Find"/> just missed, once parsed (one too long to keep is answered, and parsed
        /// again next time).
        /// </summary>
        public void Remember(byte[] text, int start, int end, IpAddressValue address, EopAnswer answer)
        {
            int slot = _missed;
            if (slot < 0)
            {
                // Still the answer for this line: the slot of the first value, unused for keeping.
                slot = 0;
                _length[slot] = -1;
            }
            else
            {
                _length[slot] = end - start;
                Array.Copy(text, start, _text, slot * MaxKept, end - start);
            }
            _address[slot] = address;
            _answer[slot] = answer;
            _found = slot;
        }

        private bool Holds(int slot, byte[] text, int start, int end)
        {
            int length = end - start;
            if (_length[slot] != length) return false;
            byte[] kept = _text;
            for (int i = 0, at = slot * MaxKept; i < length; i++, at++)
            {
                if (kept[at] != text[start + i]) return false;
            }
            return true;
        }

        /// <summary>The slot for the text (FNV-1a), or -1 when it is too long to keep.</summary>
        private static int SlotOf(byte[] text, int start, int end)
        {
            if (end - start > MaxKept) return -1;
            uint hash = 2166136261;
            for (int i = start; i < end; i++) hash = (hash ^ text[i]) * 16777619;
            return (int)((hash ^ (hash >> 16)) & (Slots - 1));
        }
    }
}
