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
    internal sealed class LogSummaryBuilder : LogSink
    {
        public const int MaxNotAnAddressValues = 1000;

        private readonly int _file;
        private readonly EopAnswer? _notEop;
        private readonly AddressTally?[] _tallyBySlot = new AddressTally?[ParsedAddressCache.Slots];

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
                if (NotAddresses.Count >= MaxNotAnAddressValues) return;
                tally = new AddressTally(default, _notEop!);
                tally.Files.Add(_file);
                NotAddresses.Add(value, tally);
            }
            tally.AddLine(null, false);
        }

        public void Merge(LogSummaryBuilder file)
        {
            foreach (KeyValuePair<IpAddressValue, AddressTally> pair in file.Addresses)
            {
                if (Addresses.TryGetValue(pair.Key, out AddressTally? tally)) tally.Merge(pair.Value);
                else Addresses.Add(pair.Key, pair.Value);
            }
            foreach (KeyValuePair<string, AddressTally> pair in file.NotAddresses)
            {
                if (NotAddresses.TryGetValue(pair.Key, out AddressTally? tally)) tally.Merge(pair.Value);
                else if (NotAddresses.Count < MaxNotAnAddressValues) NotAddresses.Add(pair.Key, pair.Value);
            }
        }
    }
}
