using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// The address field a reader parsed last, and its answer. The lines of a protocol log's session repeat the same
    /// remote endpoint, so comparing the text with the last one spares most lines the parse and the lookup.
    /// </summary>
    internal sealed class ParsedAddressField
    {
        private const int MaxKept = 64;

        private readonly byte[] _text = new byte[MaxKept];
        private int _length = -1;

        public IpAddressValue Address { get; private set; }

        /// <summary>The port written with the address, or -1.</summary>
        public int Port { get; private set; }

        public EopAnswer Answer { get; private set; } = null!;

        /// <summary>True when text[start..end) is the value parsed last.</summary>
        public bool Matches(byte[] text, int start, int end)
        {
            int length = end - start;
            if (length != _length) return false;
            byte[] kept = _text;
            for (int i = 0; i < length; i++)
            {
                if (kept[i] != text[start + i]) return false;
            }
            return true;
        }

        public void Remember(byte[] text, int start, int end, IpAddressValue address, int port, EopAnswer answer)
        {
            Address = address;
            Port = port;
            Answer = answer;
            _length = end - start;
            if (_length > MaxKept)
            {
                _length = -1;
                return;
            }
            System.Array.Copy(text, start, _text, 0, _length);
        }

        public void Forget() => _length = -1;
    }
}
