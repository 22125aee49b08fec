using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// Reads one log file line by line: follows its headers ('#Fields:' directives, also several in a restarted log,
    /// or a CSV header row), splits each line, reads the address field and answers it from the index. Linear in the
    /// file; holds one line at a time.
    /// </summary>
    internal sealed class LogFileReader
    {
        private const string LogTypeDirective = "#Log-type:";
        private const string DateDirective = "#Date:";

        private readonly LogReadOptions _options;
        private readonly RangeIndex _index;
        private readonly LogSink _sink;
        private readonly ParsedAddressCache _parsed = new ParsedAddressCache();
        private LogLine _line = new LogLine(64);
        private LogLayout? _layout;
        private string? _logType;

        /// <summary>The day of the last '#Date:' (null: none, or one that does not read), for columns without a date field.</summary>
        private DateTime? _directiveDate;

        /// <param name="start">The headers in force where the reading starts (a later part of a file); null at a file's start.</param>
        public LogFileReader(string path, LogReadOptions options, RangeIndex index, LogSink sink, LogHeaderState? start = null)
        {
            Counts = new LogFileCounts(path);
            _options = options;
            _index = index;
            _sink = sink;
            _logType = start?.LogType;
            _directiveDate = start?.DirectiveDate;
            // A state comes from a reader with the same options: its columns are already checked and selected.
            if (start?.Layout != null) UseCheckedLayout(start.Layout);
        }

        public LogFileCounts Counts { get; }

        /// <summary>The headers in force after the last line read.</summary>
        public LogHeaderState HeaderState => new LogHeaderState(_layout, _logType, _directiveDate);

        /// <summary>
        /// The headers the file's first lines set (its directives up to the first line that is not one, or up to
        /// <paramref name="offset"/>): what a later part of the file starts reading with. Null when they are refused
        /// (the part that holds them reports it).
        /// </summary>
        /// <param name="utf8">The file's text as UTF-8, from its start.</param>
        /// <param name="streamOffset">Where in the file the stream starts (after a byte order mark).</param>
        public static LogHeaderState? HeadState(string path, LogReadOptions options, RangeIndex index, Stream utf8, long streamOffset, long offset)
        {
            var head = new LogFileReader(path, options, index, HeadOnly.Sink);
            var lines = new LineReader(utf8, streamOffset);
            try
            {
                // The first line is the file's start whatever a byte order mark moved it by (see IsFileStart).
                while (lines.Read(out LineEnd lineEnding) && (lines.LineOffset < offset || lines.LineNumber == 1) && lineEnding != LineEnd.TooLong)
                {
                    int start = lines.Start, end = start + lines.Length;
                    if (end == start) continue;
                    if (lines.Buffer[start] != (byte)'#')
                    {
                        if (head._layout == null) head.UseFirstLine(lines.Buffer, start, end, lines.LineNumber);
                        break;
                    }
                    head.ReadDirective(Encoding.UTF8.GetString(lines.Buffer, start, end - start), lines.LineNumber);
                }
            }
            catch (LogFileException)
            {
                return null;
            }
            return head.HeaderState;
        }

        /// <summary>
        /// Reads to the end. Throws <see cref="LogFileException"/> for a file without a usable header (the counts say
        /// how far it got), IOException when the file cannot be read, OperationCanceledException when cancelled.
        /// </summary>
        /// <param name="utf8">The file's text as UTF-8 (see <see cref="Utf8Text"/>).</param>
        public void Read(Stream utf8, CancellationToken cancellation) => Read(utf8, LogFilePart.WholeFile(0), cancellation);

        /// <summary>Reads the lines of one part of the file (see <see cref="Read(Stream, CancellationToken)"/>).</summary>
        public void Read(Stream utf8, LogFilePart part, CancellationToken cancellation)
        {
            var lines = new LineReader(utf8, part.StreamOffset);
            long lineShift = part.LinesBefore;
            if (part.StartsInLine && lines.Read(out _)) lineShift--;
            LogFileCounts counts = Counts;
            LogSide side = _options.Side;
            bool timeWindow = _options.HasTimeWindow;
            while (lines.Read(out LineEnd lineEnding) && (lines.LineOffset < part.End || IsFileStart(part, lines)))
            {
                long number = lineShift + lines.LineNumber;
                byte[] buffer = lines.Buffer;
                int lineStart = lines.Start, lineEnd = lineStart + lines.Length;
                counts.Lines++;
                if ((number & 0x3FF) == 0) cancellation.ThrowIfCancellationRequested();
                if (lineEnding == LineEnd.TooLong)
                {
                    counts.AddMalformed(number, "longer than " + LineReader.MaxLineLength + " bytes");
                    continue;
                }
                if (lineEnd == lineStart || buffer[lineStart] == (byte)'#')
                {
                    counts.Ignored++;
                    if (lineEnd > lineStart) ReadDirective(Encoding.UTF8.GetString(buffer, lineStart, lineEnd - lineStart), number);
                    continue;
                }
                LogLayout? layout = _layout;
                if (layout == null)
                {
                    if (UseFirstLine(buffer, lineStart, lineEnd, number))
                    {
                        counts.Ignored++;
                        continue;
                    }
                    layout = _layout!;
                }

                LogLine view = _line;
                int count = FieldSplitter.Split(buffer, lineStart, lineEnd, layout, view.Starts, view.Ends);
                if (count != layout.Columns.Length)
                {
                    if (lineEnding == LineEnd.EndOfFile) counts.TruncatedLine = number;
                    counts.AddMalformed(number, count < 0
                        ? "a quoted value is not closed, or a quote is inside an unquoted value"
                        : count > layout.Columns.Length
                            ? "more than the " + layout.Columns.Length + " fields of its header"
                            : count + " fields where its header has " + layout.Columns.Length);
                    continue;
                }

                view.Show(buffer, lineStart, lineEnd - lineStart, layout);
                int timeColumn = layout.TimeColumn;
                // Exchange's times are read when asked for; any other is read now, so that one that cannot be read is told.
                if (timeWindow || timeColumn >= 0 && !LogTimestamp.HasExchangeShape(buffer, view.Starts[timeColumn], view.Ends[timeColumn]))
                {
                    DateTime? time = view.Timestamp();
                    if (view.TimeReading >= LogTimeReading.Unreadable && timeColumn >= 0) CountTimeProblem(view, number);
                    if (timeWindow && !_options.InTimeWindow(time))
                    {
                        counts.AddOutsideTimeWindow(time);
                        continue;
                    }
                }

                int column = -1, valueStart = 0, valueEnd = 0;
                foreach (int candidate in layout.AddressColumns)
                {
                    valueStart = view.Starts[candidate];
                    valueEnd = view.Ends[candidate];
                    if (Utf8Text.TrimToValue(buffer, ref valueStart, ref valueEnd))
                    {
                        column = candidate;
                        break;
                    }
                }
                if (column < 0)
                {
                    counts.NoAddress++;
                    continue;
                }
                if (!_parsed.Find(buffer, valueStart, valueEnd))
                {
                    // Only a new address value becomes a string: the rest of the line is read in the buffer.
                    string addressText = Encoding.UTF8.GetString(buffer, valueStart, valueEnd - valueStart);
                    if (!AddressInput.TryParse(addressText, 0, addressText.Length, out IpAddressValue parsed, out _, out string? error))
                    {
                        string value = view.Value(column);
                        counts.AddNotAnAddress(number, layout.Columns[column], value, error);
                        if (side != LogSide.Eop) _sink.NotAnAddress(value, number);
                        continue;
                    }
                    _parsed.Remember(buffer, valueStart, valueEnd, parsed, _index.Answer(parsed, null));
                }
                IpAddressValue address = _parsed.Address;
                EopAnswer answer = _parsed.Answer;
                bool isEop = answer.Range != null;
                if (isEop) counts.Eop++;
                else counts.NotEop++;
                if (side != LogSide.Both && isEop != (side == LogSide.Eop)) continue;

                view.Number = number;
                view.AddressColumn = column;
                view.Address = address;
                view.AddressSlot = _parsed.Slot;
                view.Answer = answer;
                _sink.Answered(view);
            }
        }

        private void CountTimeProblem(LogLine view, long number)
        {
            bool ambiguous = view.TimeReading == LogTimeReading.Ambiguous;
            string? described = null;
            if ((ambiguous ? Counts.AmbiguousTimes : Counts.UnreadableTimes) == 0)
            {
                string value = view.Value(view.Layout.TimeColumn).Trim();
                LogTimeCultures cultures = view.Layout.TimeCultures;
                described = ambiguous ? LogTimestamp.Describe(value, cultures) : "'" + value + "' is not a time in " + cultures;
            }
            Counts.AddTimeProblem(ambiguous, number, described);
        }

        /// <summary>
        /// The file's first line, which starts at offset 0 whatever the stream skipped (a byte order mark): the parts
        /// after the first skip to their first line break, so the first line is the first part's.
        /// </summary>
        private static bool IsFileStart(LogFilePart part, LineReader lines) => !part.StartsInLine && part.LinesBefore == 0 && lines.LineNumber == 1;

        private void ReadDirective(string line, long number)
        {
            if (line.StartsWith(LogLayout.FieldsDirective, StringComparison.OrdinalIgnoreCase))
            {
                UseLayout(LogLayout.FromFieldsDirective(line.Substring(LogLayout.FieldsDirective.Length), _logType), number);
            }
            else if (line.StartsWith(LogTypeDirective, StringComparison.OrdinalIgnoreCase))
            {
                _logType = line.Substring(LogTypeDirective.Length).Trim();
            }
            else if (line.StartsWith(DateDirective, StringComparison.OrdinalIgnoreCase))
            {
                ReadDateDirective(line.Substring(DateDirective.Length).Trim(), number);
            }
        }

        /// <summary>
        /// A '#Date:' directive: the day a time field without a date field is of, until the next one. Read strictly
        /// (yyyy-MM-dd HH:mm:ss); one that does not read leaves the lines after it without a time, and is counted (the
        /// warning is for files that needed it). No day is guessed when a time of day goes back without a new '#Date:':
        /// the format defines none, and IIS starts a new file, with its own '#Date:', for each day.
        /// </summary>
        private void ReadDateDirective(string value, long number)
        {
            _directiveDate = LogTimestamp.TryParseDirectiveDate(value, out DateTime written) ? written.Date : (DateTime?)null;
            if (_directiveDate == null) Counts.AddUnreadableDateDirective(number, value);
            if (_layout != null && _layout.NeedsDirectiveDate) _layout = _layout.WithDirectiveDate(_directiveDate);
        }

        /// <summary>
        /// Takes the columns from the first line that is not a directive: a CSV header row (true: the line is the header),
        /// or, with -Header, a data line that says which delimiter the given columns are split by (false).
        /// </summary>
        private bool UseFirstLine(byte[] text, int start, int end, long number)
        {
            if (_options.Header == null)
            {
                UseCsvHeader(text, start, end, number);
                return true;
            }
            UseLayout(LogLayout.FromHeader(_options.Header, HeaderDelimiter(text, start, end, _options.Header.Length)), number);
            return false;
        }

        private void UseCsvHeader(byte[] text, int start, int end, long number)
        {
            LogLayout? layout = LogLayout.FromCsvHeader(text, start, end);
            if (layout == null || !layout.SelectAddressColumns(_options.Fields))
            {
                string path = Counts.Path, fields = AddressFieldsText();
                throw new LogFileException("LogFileHasNoHeader", number, line =>
                    "'" + path + "' has no header: line " + line + " is the first that is not a '#' directive, and it is not a " +
                    "CSV header row with " + fields + ". Give the columns with -Header and the address field with -Field.");
            }
            UseLayout(layout, number);
        }

        private void UseLayout(LogLayout layout, long number)
        {
            if (!layout.SelectAddressColumns(_options.Fields))
            {
                string path = Counts.Path, fields = AddressFieldsText(), columns = string.Join(",", layout.Columns);
                throw new LogFileException("LogFileHasNoAddressField", number, line =>
                    "'" + path + "': the header on line " + line + " has no column named " + fields + " (its columns: " + columns +
                    "). Name the address field with -Field.");
            }
            if (layout.NeedsDirectiveDate)
            {
                layout = layout.WithDirectiveDate(_directiveDate);
                Counts.UsesDirectiveDates = true;
            }
            else
            {
                // Columns with a date of their own do not need it: forgotten, parts of a restarted log end alike.
                _directiveDate = null;
            }
            UseCheckedLayout(layout);
        }

        private void UseCheckedLayout(LogLayout layout)
        {
            if (layout.Columns.Length + 1 > _line.Starts.Length) _line = new LogLine(layout.Columns.Length + 1);
            Counts.Kind = layout.Kind;
            layout.TimeCultures = _options.TimeCultures;
            _layout = layout;
        }

        private string AddressFieldsText()
        {
            IReadOnlyList<string> names = _options.Fields ?? AddressFields.KnownNames;
            return (_options.Fields == null ? "a known address field (" : "the field ") + string.Join(", ", names) + (_options.Fields == null ? ")" : string.Empty);
        }

        /// <summary>A headerless file's delimiter: the one that splits its first line into the columns given.</summary>
        private static byte HeaderDelimiter(byte[] text, int start, int end, int columns)
        {
            var starts = new int[columns + 1];
            var ends = new int[columns + 1];
            if (FieldSplitter.SplitCsv(text, start, end, starts, ends) == columns) return (byte)',';
            return FieldSplitter.SplitW3C(text, start, end, columns, starts, ends) == columns ? (byte)' ' : (byte)',';
        }

        /// <summary>The sink of a reader that follows the headers only: it reads no line as data.</summary>
        private sealed class HeadOnly : LogSink
        {
            public static readonly LogSink Sink = new HeadOnly();

            public override void Answered(LogLine line) => throw new InvalidOperationException("The headers were read as data.");
        }
    }
}
