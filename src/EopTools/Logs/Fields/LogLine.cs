using System;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// One answered line as the reader holds it: its place in the reader's buffer, its field bounds (positions in that
    /// buffer) and the answer. Reused from line to line, so a sink that keeps anything copies it out.
    /// </summary>
    internal sealed class LogLine
    {
        public LogLine(int capacity)
        {
            Starts = new int[capacity];
            Ends = new int[capacity];
        }

        private DateTime _time;
        private LogTimeReading _timeReading;
        private bool _timeRead;

        public byte[] Buffer { get; private set; } = Array.Empty<byte>();

        public int LineStart { get; private set; }

        public int LineLength { get; private set; }

        public long Number { get; internal set; }

        public LogLayout Layout { get; private set; } = null!;

        public int[] Starts { get; internal set; }

        public int[] Ends { get; internal set; }

        /// <summary>The column the address was read from.</summary>
        public int AddressColumn { get; internal set; }

        public IpAddressValue Address { get; internal set; }

        /// <summary>The address's slot in the reader's <see cref="ParsedAddressCache"/>.</summary>
        public int AddressSlot { get; internal set; }

        public EopAnswer Answer { get; internal set; } = null!;

        public string Value(int column) => FieldSplitter.Value(Buffer, LineStart, Starts[column], Ends[column]);

        /// <summary>Makes this the view of a line that was split into <see cref="Starts"/> and <see cref="Ends"/>.</summary>
        public void Show(byte[] buffer, int lineStart, int lineLength, LogLayout layout)
        {
            Buffer = buffer;
            LineStart = lineStart;
            LineLength = lineLength;
            Layout = layout;
            _timeRead = false;
        }

        /// <summary>
        /// The line's time as UTC, or null when the layout has no time column or the value is empty, unreadable or
        /// ambiguous (<see cref="TimeReading"/> says which). Read once per line: a time window, a record and a summary
        /// all ask for it.
        /// </summary>
        public DateTime? Timestamp()
        {
            if (!_timeRead)
            {
                _timeReading = ReadTimestamp(out _time);
                _timeRead = true;
            }
            return _timeReading == LogTimeReading.Read ? _time : (DateTime?)null;
        }

        /// <summary>What reading the time gave; read on first use, as <see cref="Timestamp"/>.</summary>
        public LogTimeReading TimeReading
        {
            get
            {
                Timestamp();
                return _timeReading;
            }
        }

        private LogTimeReading ReadTimestamp(out DateTime value)
        {
            LogLayout layout = Layout;
            if (layout.TimeColumn >= 0)
            {
                return LogTimestamp.Read(Buffer, Starts[layout.TimeColumn], Ends[layout.TimeColumn], layout.TimeCultures, out value);
            }
            if (layout.DateColumn >= 0 && layout.TimeOfDayColumn >= 0)
            {
                int date = layout.DateColumn, time = layout.TimeOfDayColumn;
                return LogTimestamp.TryParse(Buffer, Starts[date], Ends[date], Starts[time], Ends[time], out value) ? LogTimeReading.Read : LogTimeReading.Unreadable;
            }
            // Only a W3C layout with a time but no date field carries the day of its '#Date:' directive.
            if (layout.DirectiveDate.HasValue)
            {
                int time = layout.TimeOfDayColumn;
                return LogTimestamp.TryParseTimeOfDay(Buffer, Starts[time], Ends[time], layout.DirectiveDate.Value, out value) ? LogTimeReading.Read : LogTimeReading.Unreadable;
            }
            value = default;
            return LogTimeReading.None;
        }

        /// <summary>A protocol log's '+' event: the remote end connected, a session starts.</summary>
        public bool OpensSession()
        {
            int column = Layout.EventColumn;
            return Layout.IsProtocolLog && Ends[column] - Starts[column] == 1 && Buffer[Starts[column]] == (byte)'+';
        }

        /// <summary>
        /// Where on this line is the host name the remote end announced: a protocol log's received EHLO or HELO, or a
        /// tracking log's client-hostname; false when the line has none. Bounds only: a known name costs no string.
        /// </summary>
        public bool TryFindAnnouncedHost(out int start, out int end)
        {
            LogLayout layout = Layout;
            start = end = 0;
            if (layout.IsProtocolLog)
            {
                int eventColumn = layout.EventColumn, data = layout.DataColumn;
                if (Ends[eventColumn] - Starts[eventColumn] != 1 || Buffer[Starts[eventColumn]] != (byte)'<') return false;
                start = Starts[data];
                end = Ends[data];
                if (end - start < 6 || Buffer[start + 4] != (byte)' ' || !IsHello(Buffer, start)) return false;
                start += 5;
            }
            else
            {
                if (layout.HostColumn < 0) return false;
                start = Starts[layout.HostColumn];
                end = Ends[layout.HostColumn];
            }
            return Utf8Text.TrimToValue(Buffer, ref start, ref end);
        }

        /// <summary>EHLO or HELO, in any case.</summary>
        private static bool IsHello(byte[] text, int at)
        {
            int e = text[at] | 0x20, h = text[at + 1] | 0x20, l = text[at + 2] | 0x20, o = text[at + 3] | 0x20;
            return (e == 'e' && h == 'h' || e == 'h' && h == 'e') && l == 'l' && o == 'o';
        }
    }
}
