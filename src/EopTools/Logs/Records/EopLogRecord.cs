using System;
using System.Globalization;
using System.Net;
using System.Text;
using EopTools.Index;
using EopTools.Logs;
using EopTools.Parsing;
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
        public DateTime? Timestamp => _block.View(_index).Timestamp();

        /// <summary>The address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        public IPAddress IPAddress => ReadAddress(out _).ToIPAddress();

        /// <summary>The port written with the address (a protocol log's remote endpoint), or null.</summary>
        public int? Port
        {
            get
            {
                ReadAddress(out int port);
                return port < 0 ? (int?)null : port;
            }
        }

        public bool IsEop => _block.Answer(_index).Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _block.Answer(_index).Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public EopList<EopRegion> Region => _block.Answer(_index).Regions;

        /// <summary>
        /// For an address the session's ranges do not hold: the range that held it in older data the module keeps (the
        /// cache's previous data, then the embedded 2018 page); null when none did. Looked up when read.
        /// </summary>
        public EopFormerRange? FormerRange => _block.Answer(_index).Former?.Find(ReadAddress(out _));

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
        public EopLogValues Values => _block.Values(_index, SplitValues);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1} {2} {3}",
            Path, LineNumber, ReadAddress(out _), IsEop ? "is EOP (" + Range!.Prefix + ")" : "is not EOP" + EopFormerRange.AfterNotEop(FormerRange));

        /// <summary>The address parsed again from its field, as the reader parsed it (it was answered, so it parses).</summary>
        private IpAddressValue ReadAddress(out int port)
        {
            LogLine view = _block.View(_index);
            int column = _block.Column(_index), start = view.Starts[column], end = view.Ends[column];
            Utf8Text.TrimToValue(view.Buffer, ref start, ref end);
            string text = Encoding.UTF8.GetString(view.Buffer, start, end - start);
            if (!AddressInput.TryParse(text, 0, text.Length, out IpAddressValue address, out port, out string? error))
            {
                throw new InvalidOperationException("The address of line " + LineNumber + " of '" + Path + "' no longer parses: " + error);
            }
            return address;
        }

        private EopLogValues SplitValues()
        {
            LogLine view = _block.View(_index);
            string[] columns = view.Layout.Columns;
            var values = new EopLogValues(columns.Length);
            for (int i = 0; i < columns.Length; i++) values[columns[i]] = view.Value(i);
            return values;
        }
    }
}
