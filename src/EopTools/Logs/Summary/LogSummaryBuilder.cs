using System.Collections.Generic;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// The -Summary of one file, or of a run once the files' summaries are merged in file order: one tally per distinct
    /// address, and per distinct value that is not an address (up to <see cref="MaxNotAnAddressValues"/>; the rest are
    /// counted in the files' warnings), so it grows with distinct senders only.
    /// </summary>
    /// <remarks>
    /// Beyond <see cref="MaxNotAnAddressValues"/> distinct values that are not addresses, the values kept are those of
    /// the smallest hashes, not the first seen: a part of a file read on its own does not know which values the parts
    /// before it kept, but a value among the run's smallest hashes is among the smallest of every part that holds it,
    /// so each part keeps it from its first line, and the merged tallies are the same, and exact, however the files
    /// were cut and whatever the threads.
    /// </remarks>
    internal sealed class LogSummaryBuilder : LogSink
    {
        public const int MaxNotAnAddressValues = 1000;

        private readonly int _file;
        private readonly EopAnswer? _notEop;
        private readonly AddressTally?[] _tallyBySlot = new AddressTally?[ParsedAddressCache.Slots];

        /// <summary>The kept values that are not addresses by hash, once there are as many as are kept.</summary>
        private SortedSet<KeyValuePair<uint, string>>? _notAddressesByHash;

        /// <param name="file">The index of the file this builder reads; -1 for a run's merged summary.</param>
        /// <param name="notEop">The answer given to values that are not addresses.</param>
        public LogSummaryBuilder(int file, EopAnswer? notEop)
        {
            _file = file;
            _notEop = notEop;
        }

        public Dictionary<IpAddressValue, AddressTally> Addresses { get; } = new Dictionary<IpAddressValue, AddressTally>();

        public Dictionary<string, AddressTally> NotAddresses { get; } = new Dictionary<string, AddressTally>();

        public override void Answered(LogLine line)
        {
            // The reader's address cache found the line's address in a slot: the tally kept by that slot is most
            // often the address's own, found without a hash lookup.
            AddressTally? tally = _tallyBySlot[line.AddressSlot];
            if (tally == null || !tally.Address.Equals(line.Address))
            {
                if (!Addresses.TryGetValue(line.Address, out tally))
                {
                    tally = new AddressTally(line.Address, line.Answer);
                    tally.Files.Add(_file);
                    Addresses.Add(line.Address, tally);
                }
                _tallyBySlot[line.AddressSlot] = tally;
            }
            tally.AddLine(line.Timestamp(), line.OpensSession());
            if (line.TryFindAnnouncedHost(out int start, out int end)) tally.AddHostName(line.Buffer, start, end);
        }

        public override void NotAnAddress(string value, long lineNumber)
        {
            if (!NotAddresses.TryGetValue(value, out AddressTally? tally))
            {
                if (!MakeRoomFor(value)) return;
                tally = new AddressTally(default, _notEop!);
                tally.Files.Add(_file);
                NotAddresses.Add(value, tally);
            }
            tally.AddLine(null, false);
        }

        public void Merge(LogSummaryBuilder file)
        {
            foreach (KeyValuePair<IpAddressValue, AddressTally> pair in file.Addresses) Merge(pair.Key, pair.Value);
            foreach (KeyValuePair<string, AddressTally> pair in file.NotAddresses) Merge(pair.Key, pair.Value);
        }

        /// <summary>Adds the tally of an address, read after those merged so far.</summary>
        public void Merge(IpAddressValue address, AddressTally tally)
        {
            if (Addresses.TryGetValue(address, out AddressTally? known)) known.Merge(tally);
            else Addresses.Add(address, tally);
        }

        /// <summary>Adds the tally of a value that is not an address, kept as <see cref="MakeRoomFor"/> says.</summary>
        public void Merge(string notAnAddress, AddressTally tally)
        {
            if (NotAddresses.TryGetValue(notAnAddress, out AddressTally? known)) known.Merge(tally);
            else if (MakeRoomFor(notAnAddress)) NotAddresses.Add(notAnAddress, tally);
        }

        /// <summary>
        /// Whether a new value that is not an address is to be kept: yes while fewer than the most are; then only when
        /// its hash is smaller than the largest kept, whose value then goes.
        /// </summary>
        private bool MakeRoomFor(string value)
        {
            if (NotAddresses.Count < MaxNotAnAddressValues) return true;
            if (_notAddressesByHash == null)
            {
                _notAddressesByHash = new SortedSet<KeyValuePair<uint, string>>(HashOrder.Instance);
                foreach (string kept in NotAddresses.Keys) _notAddressesByHash.Add(Hashed(kept));
            }
            KeyValuePair<uint, string> candidate = Hashed(value), largest = _notAddressesByHash.Max;
            if (HashOrder.Instance.Compare(candidate, largest) > 0) return false;
            _notAddressesByHash.Remove(largest);
            NotAddresses.Remove(largest.Value);
            _notAddressesByHash.Add(candidate);
            return true;
        }

        /// <summary>The value with its hash (FNV-1a of its characters: the same in every process, unlike string.GetHashCode).</summary>
        private static KeyValuePair<uint, string> Hashed(string value)
        {
            uint hash = 2166136261;
            foreach (char c in value) hash = (hash ^ c) * 16777619;
            return new KeyValuePair<uint, string>(hash, value);
        }

        /// <summary>By hash, then by text (two values of one hash are still two).</summary>
        private sealed class HashOrder : IComparer<KeyValuePair<uint, string>>
        {
            public static readonly HashOrder Instance = new HashOrder();

            public int Compare(KeyValuePair<uint, string> x, KeyValuePair<uint, string> y) =>
                x.Key != y.Key ? x.Key.CompareTo(y.Key) : string.CompareOrdinal(x.Value, y.Value);
        }
    }
}
