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
        private readonly LogRecordBlock _block;
        private readonly int _index;

        /// <param name="block">The block that keeps what the record shows.</param>
        /// <param name="index">The record's line in it.</param>
        internal EopLogRecord(LogRecordBlock block, int index)
        {
            _block = block;
            _index = index;
        }

        /// <summary>The file the line is in.</summary>
        public string Path => _block.Path;

        /// <summary>The line's number in the file, from 1.</summary>
        public long LineNumber => _block.LineNumber(_index);

        /// <summary>The line's time in UTC; null when the log has no time column or the value is not a time.</summary>
        public DateTime? Timestamp => _block.Timestamp(_index);

        /// <summary>The address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        public IPAddress IPAddress => _block.Address(_index).ToIPAddress();

        /// <summary>The port written with the address (a protocol log's remote endpoint), or null.</summary>
        public int? Port => _block.Port(_index) < 0 ? (int?)null : _block.Port(_index);

        public bool IsEop => _block.Answer(_index).Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _block.Answer(_index).Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public ReadOnlyCollection<EopRegion> Region => _block.Answer(_index).Regions;

        /// <summary>The column the address was read from.</summary>
        public string Field => _block.Layout(_index).Columns[_block.Column(_index)];

        /// <summary>What the file's header says it is (e.g. "SMTP Receive Protocol Log", "CSV").</summary>
        public string LogType => _block.Layout(_index).Kind;

        /// <summary>The line as written.</summary>
        public string Line
        {
            get
            {
                byte[] text = _block.Text(_index, out int start, out int length);
                return Encoding.UTF8.GetString(text, start, length);
            }
        }

        /// <summary>The line's values by column name (case-insensitive, in column order), split on first use.</summary>
        public OrderedDictionary Values => _block.Values(_index, SplitValues);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2} {3}",
            Path, LineNumber, _block.Address(_index), IsEop ? "is EOP (" + Range!.Prefix + ")" : "is not EOP");

        private OrderedDictionary SplitValues()
        {
            LogLayout layout = _block.Layout(_index);
            byte[] text = _block.Text(_index, out int lineStart, out int lineLength);
            int columns = layout.Columns.Length;
            var starts = new int[columns];
            var ends = new int[columns];
            FieldSplitter.Split(text, lineStart, lineStart + lineLength, layout.Delimiter, layout.Quoted, starts, ends);
            var values = new OrderedDictionary(columns, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < columns; i++) values[layout.Columns[i]] = FieldSplitter.Value(text, starts[i], ends[i], layout.Quoted);
            return values;
        }
    }
}
