using System;
using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Index
{
    /// <summary>One older data set the module keeps, with the name and date a former range is reported under.</summary>
    internal sealed class OlderData
    {
        public OlderData(RangeIndex index, string data, DateTime? date)
        {
            Index = index;
            Data = data;
            Date = date;
        }

        public RangeIndex Index { get; }

        /// <summary><see cref="EopFormerRange.PreviousCache"/> or <see cref="EopFormerRange.EmbeddedPage"/>.</summary>
        public string Data { get; }

        public DateTime? Date { get; }
    }

    /// <summary>
    /// The data older than a session's ranges, newest first, for an address the ranges do not hold: looked up only when a
    /// result is asked for its former range, so a scan that never asks does not read previous.cache or build its index.
    /// </summary>
    internal sealed class FormerRanges
    {
        private readonly Func<IReadOnlyList<OlderData>> _older;

        /// <param name="older">The older data, newest first; called on each lookup (the session reads them once).</param>
        public FormerRanges(Func<IReadOnlyList<OlderData>> older)
        {
            _older = older;
        }

        /// <summary>The older data, newest first: where an address, or an allow-list entry, is looked for as former EOP space.</summary>
        public IReadOnlyList<OlderData> Older => _older();

        /// <summary>The most specific range of the newest older data that holds the address, or null.</summary>
        public EopFormerRange? Find(IpAddressValue address)
        {
            foreach (OlderData data in Older)
            {
                EopIpRange? range = data.Index.Answer(address, null).Range;
                if (range != null) return new EopFormerRange(range, data.Data, data.Date);
            }
            return null;
        }
    }
}
