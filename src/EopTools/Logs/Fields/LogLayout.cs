using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.Parsing;

namespace EopTools.Logs
{
    /// <summary>
    /// The columns in force in a log file, from a '#Fields:' directive, a CSV header row or -Header, and where in them
    /// the address, time, session and announced host name are.
    /// </summary>
    internal sealed class LogLayout
    {
        public const string FieldsDirective = "#Fields:";

        private static readonly string[] TimeFields = { "date-time", "date_time_utc", "origin_timestamp_utc", "Received", "Timestamp" };
        private static readonly string[] HostFields = { "client-hostname", "client_hostname", "ClientHostname" };

        private readonly Dictionary<string, int> _byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        private LogLayout(string[] columns, byte delimiter, string kind)
        {
            Columns = columns;
            Delimiter = delimiter;
            Kind = kind;
            for (int i = 0; i < columns.Length; i++)
            {
                if (!_byName.ContainsKey(columns[i])) _byName.Add(columns[i], i);
            }
            TimeColumn = FirstOf(TimeFields);
            DateColumn = IndexOf("date");
            TimeOfDayColumn = IndexOf("time");
            NeedsDirectiveDate = TimeColumn < 0 && DateColumn < 0 && TimeOfDayColumn >= 0;
            HostColumn = FirstOf(HostFields);
            SessionColumn = IndexOf("session-id");
            EventColumn = IndexOf("event");
            DataColumn = IndexOf("data");
            AddressColumns = Array.Empty<int>();
        }

        public string[] Columns { get; }

        /// <summary>A comma (Exchange logs, CSV), or a space (W3C extended logs: see <see cref="FieldSplitter.SplitW3C"/>).</summary>
        public byte Delimiter { get; }

        /// <summary>What the header says the file is, for messages (e.g. "SMTP Receive Protocol Log").</summary>
        public string Kind { get; }

        /// <summary>The columns to read the address from, in order; empty when the header has none.</summary>
        public int[] AddressColumns { get; private set; }

        public int TimeColumn { get; }

        /// <summary>How a time that is not ISO 8601 is read: set with the options of the reader that uses the layout.</summary>
        public LogTimeCultures TimeCultures { get; set; } = LogTimeCultures.Invariant;

        /// <summary>IIS writes the UTC date and time in two columns.</summary>
        public int DateColumn { get; }

        public int TimeOfDayColumn { get; }

        /// <summary>
        /// A W3C log with a time field but no date field: its time is of the day of the last '#Date:' directive (the
        /// Extended Log File Format's directive, "yyyy-MM-dd HH:mm:ss", UTC).
        /// </summary>
        public bool NeedsDirectiveDate { get; }

        /// <summary>For a layout that <see cref="NeedsDirectiveDate"/>: the day of the last '#Date:' before its lines; null when there was none that reads.</summary>
        public DateTime? DirectiveDate { get; private set; }

        public int HostColumn { get; }

        /// <summary>A protocol log's session and event columns: a '+' event opens a session, '&lt;' EHLO announces a name.</summary>
        public int SessionColumn { get; }

        public int EventColumn { get; }

        public int DataColumn { get; }

        public bool IsProtocolLog => SessionColumn >= 0 && EventColumn >= 0 && DataColumn >= 0;

        public int IndexOf(string name) => _byName.TryGetValue(name, out int index) ? index : -1;

        /// <summary>A '#Fields:' directive: comma-separated names (Exchange) or space-separated ones (W3C, IIS).</summary>
        public static LogLayout FromFieldsDirective(string directiveText, string? logType)
        {
            string[] columns = SplitFieldNames(directiveText, out bool commas);
            return new LogLayout(columns, commas ? (byte)',' : (byte)' ', logType ?? (commas ? "W3C log" : "W3C log (IIS)"));
        }

        /// <summary>
        /// -Header's columns: the names as given, or one text pasted from a header line ("#Fields: a,b,c" or "a b c"),
        /// split as that line would be.
        /// </summary>
        public static string[] HeaderColumns(string[] header)
        {
            if (header.Length != 1) return header;
            string text = header[0].Trim();
            if (text.StartsWith(FieldsDirective, StringComparison.OrdinalIgnoreCase)) text = text.Substring(FieldsDirective.Length);
            return SplitFieldNames(text, out _);
        }

        /// <summary>A header line's names: comma-separated (Exchange) or space-separated (W3C, IIS), each trimmed.</summary>
        private static string[] SplitFieldNames(string text, out bool commas)
        {
            string list = text.Trim();
            commas = list.IndexOf(',') >= 0;
            string[] columns = commas ? list.Split(',') : list.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < columns.Length; i++) columns[i] = columns[i].Trim();
            return columns;
        }

        /// <summary>A CSV header row, quoted or not; null when its quoting is malformed.</summary>
        public static LogLayout? FromCsvHeader(byte[] text, int start, int end)
        {
            var starts = new int[1024];
            var ends = new int[1024];
            int count = FieldSplitter.SplitCsv(text, start, end, starts, ends);
            if (count < 1 || count > starts.Length) return null;
            var columns = new string[count];
            for (int i = 0; i < count; i++) columns[i] = FieldSplitter.Value(text, start, starts[i], ends[i]).Trim();
            return new LogLayout(columns, (byte)',', "CSV");
        }

        /// <summary>Columns given with -Header for a file without a header of its own.</summary>
        public static LogLayout FromHeader(string[] columns, byte delimiter) =>
            new LogLayout((string[])columns.Clone(), delimiter, "headerless log");

        /// <summary>The same columns, delimiter, kind and directive date: lines read with either give the same records.</summary>
        public bool SameAs(LogLayout other) =>
            Kind == other.Kind && Delimiter == other.Delimiter && DirectiveDate == other.DirectiveDate && Columns.SequenceEqual(other.Columns, StringComparer.Ordinal);

        /// <summary>This layout for the lines after a '#Date:' of <paramref name="date"/> (null: none that reads); itself when the date is the same.</summary>
        public LogLayout WithDirectiveDate(DateTime? date) => date == DirectiveDate
            ? this
            : new LogLayout(Columns, Delimiter, Kind) { AddressColumns = AddressColumns, TimeCultures = TimeCultures, DirectiveDate = date };

        /// <summary>
        /// Chooses the address columns: <paramref name="fields"/> when given (the ones this header has, in order), else
        /// the known names. False when the header has none of them.
        /// </summary>
        public bool SelectAddressColumns(IReadOnlyList<string>? fields)
        {
            var selected = new List<int>();
            // Without -Field, the same names in the same order as Test-EopIpAddress: the original client first.
            foreach (string name in fields ?? (IReadOnlyList<string>)AddressFields.KnownNames)
            {
                int index = IndexOf(name);
                if (index >= 0 && !selected.Contains(index)) selected.Add(index);
            }
            AddressColumns = selected.ToArray();
            return selected.Count > 0;
        }

        private int FirstOf(string[] names)
        {
            foreach (string name in names)
            {
                int index = IndexOf(name);
                if (index >= 0) return index;
            }
            return -1;
        }
    }
}
