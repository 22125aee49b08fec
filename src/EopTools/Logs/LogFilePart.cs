namespace EopTools.Logs
{
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
