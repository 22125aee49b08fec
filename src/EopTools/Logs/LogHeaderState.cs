using System;

namespace EopTools.Logs
{
    /// <summary>
    /// What a file's headers read so far say: the columns in force (null before the first header) and the last
    /// '#Log-type:'. A part of a file is read right only from the state the part before it ends with.
    /// </summary>
    internal sealed class LogHeaderState
    {
        public LogHeaderState(LogLayout? layout, string? logType)
        {
            Layout = layout;
            LogType = logType;
        }

        public LogLayout? Layout { get; }

        public string? LogType { get; }

        /// <summary>True when a reader starting from either reads every line the same (layouts are compared by value).</summary>
        public bool SameAs(LogHeaderState other) =>
            string.Equals(LogType, other.LogType, StringComparison.Ordinal) &&
            (Layout == null ? other.Layout == null : other.Layout != null && Layout.SameAs(other.Layout));
    }

    /// <summary>Which lines of a file a reader reads, and how it numbers them.</summary>
    internal readonly struct LogFilePart
    {
        /// <param name="streamOffset">Where in the file the stream given to the reader starts.</param>
        /// <param name="end">The offset where the next part starts: a line that starts there or after is the next part's.</param>
        /// <param name="startsInLine">
        /// The stream starts one byte before the part: the text up to the first line break ends a line of the part
        /// before (or is that line break), and is not read.
        /// </param>
        /// <param name="linesBefore">The number of lines before the part, to number its lines as the file does.</param>
        public LogFilePart(long streamOffset, long end, bool startsInLine, long linesBefore)
        {
            StreamOffset = streamOffset;
            End = end;
            StartsInLine = startsInLine;
            LinesBefore = linesBefore;
        }

        /// <summary>The whole file, from a stream at its start (after any byte order mark).</summary>
        public static LogFilePart WholeFile(long streamOffset) => new LogFilePart(streamOffset, long.MaxValue, false, 0);

        public long StreamOffset { get; }

        public long End { get; }

        public bool StartsInLine { get; }

        public long LinesBefore { get; }
    }
}
