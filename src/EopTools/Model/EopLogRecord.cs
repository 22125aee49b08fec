using System;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Text;
using EopTools.Index;
using EopTools.Logs;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>
    /// One log line with an address: where it is, when, the address and its answer, and the line's values by column
    /// name. The values are split from the line only when asked for, so a scan that does not look at them does not
    /// pay for them.
    /// </summary>
    public sealed class EopLogRecord
    {
        private readonly LogLayout _layout;
        private readonly IpAddressValue _address;
        private readonly EopAnswer _answer;
        private readonly int _port;
        private readonly int _column;
        private readonly byte[] _text;
        private readonly int _lineStart;
        private readonly int _lineLength;
        private OrderedDictionary? _values;

        internal EopLogRecord(string path, LogLine line, LineStore store)
        {
            Path = path;
            LineNumber = line.Number;
            // The line is kept with the run's other records' lines, not as a string of its own: most are never asked for.
            _lineLength = line.LineLength;
            _text = store.Add(line.Buffer, line.LineStart, _lineLength, out _lineStart);
            Timestamp = line.Timestamp();
            _layout = line.Layout;
            _address = line.Address;
            _answer = line.Answer;
            _port = line.Port;
            _column = line.AddressColumn;
        }

        /// <summary>The file the line is in.</summary>
        public string Path { get; }

        /// <summary>The line's number in the file, from 1.</summary>
        public long LineNumber { get; private set; }

        /// <summary>The line's time in UTC; null when the log has no time column or the value is not a time.</summary>
        public DateTime? Timestamp { get; }

        /// <summary>The address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        public IPAddress IPAddress => _address.ToIPAddress();

        /// <summary>The port written with the address (a protocol log's remote endpoint), or null.</summary>
        public int? Port => _port < 0 ? (int?)null : _port;

        public bool IsEop => _answer.Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _answer.Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public ReadOnlyCollection<EopRegion> Region => _answer.Regions;

        /// <summary>The column the address was read from.</summary>
        public string Field => _layout.Columns[_column];

        /// <summary>What the file's header says it is (e.g. "SMTP Receive Protocol Log", "CSV").</summary>
        public string LogType => _layout.Kind;

        /// <summary>The line as written.</summary>
        public string Line => Encoding.UTF8.GetString(_text, _lineStart, _lineLength);

        /// <summary>The line's values by column name (case-insensitive, in column order), split on first use.</summary>
        public OrderedDictionary Values => _values ??= SplitValues();

        /// <summary>Numbers the line as its file does, once the lines before its part are counted (before it is written).</summary>
        internal void Renumber(long shift) => LineNumber += shift;

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2} {3}",
            Path, LineNumber, _address, IsEop ? "is EOP (" + Range!.Prefix + ")" : "is not EOP");

        private OrderedDictionary SplitValues()
        {
            int columns = _layout.Columns.Length;
            var starts = new int[columns];
            var ends = new int[columns];
            FieldSplitter.Split(_text, _lineStart, _lineStart + _lineLength, _layout.Delimiter, _layout.Quoted, starts, ends);
            var values = new OrderedDictionary(columns, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < columns; i++) values[_layout.Columns[i]] = FieldSplitter.Value(_text, starts[i], ends[i], _layout.Quoted);
            return values;
        }
    }
}
