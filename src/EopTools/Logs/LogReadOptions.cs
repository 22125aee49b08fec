using System;
using System.Collections.Generic;

namespace EopTools.Logs
{
    /// <summary>How to read the files: the address fields, columns for headerless files, the side and the time to keep.</summary>
    internal sealed class LogReadOptions
    {
        /// <param name="start">UTC: only lines from this time on; null for no limit.</param>
        /// <param name="end">UTC: only lines before this time; null for no limit.</param>
        /// <param name="timeCultures">How times that are not ISO 8601 are read; null for the invariant culture.</param>
        public LogReadOptions(IReadOnlyList<string>? fields, string[]? header, LogSide side, DateTime? start = null, DateTime? end = null,
            LogTimeCultures? timeCultures = null)
        {
            TimeCultures = timeCultures ?? LogTimeCultures.Invariant;
            Fields = fields;
            Header = header == null ? null : LogLayout.HeaderColumns(header);
            Side = side;
            Start = start;
            End = end;
        }

        /// <summary>The address fields to read, in order; null for the known names.</summary>
        public IReadOnlyList<string>? Fields { get; }

        /// <summary>
        /// The columns of a file (or its start) that has no header of its own, a header line pasted as one text split
        /// into its names; null to require one.
        /// </summary>
        public string[]? Header { get; }

        public LogSide Side { get; }

        public LogTimeCultures TimeCultures { get; }

        public DateTime? Start { get; }

        public DateTime? End { get; }

        /// <summary>True when only some times are kept: a line is then read only when its time is known and kept.</summary>
        public bool HasTimeWindow => Start.HasValue || End.HasValue;

        public bool InTimeWindow(DateTime? time) =>
            time.HasValue && (!Start.HasValue || time.Value >= Start.Value) && (!End.HasValue || time.Value < End.Value);
    }
}
