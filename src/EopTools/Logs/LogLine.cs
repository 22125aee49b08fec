using System;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// One answered line as the reader holds it: the text, its field bounds and the answer. Reused from line to line,
    /// so a sink that keeps anything copies it out.
    /// </summary>
    internal sealed class LogLine
    {
        public LogLine(int capacity)
        {
            Starts = new int[capacity];
            Ends = new int[capacity];
        }

        public string Text { get; internal set; } = string.Empty;

        public long Number { get; internal set; }

        public LogLayout Layout { get; internal set; } = null!;

        public int[] Starts { get; internal set; }

        public int[] Ends { get; internal set; }

        /// <summary>The column the address was read from.</summary>
        public int AddressColumn { get; internal set; }

        public IpAddressValue Address { get; internal set; }

        /// <summary>The port written with the address, or -1.</summary>
        public int Port { get; internal set; }

        public EopAnswer Answer { get; internal set; } = null!;

        public string Value(int column) => FieldSplitter.Value(Text, Starts[column], Ends[column], Layout.Quoted);

        /// <summary>The line's time as UTC, or null when the layout has no time column or the value does not parse.</summary>
        public DateTime? Timestamp()
        {
            LogLayout layout = Layout;
            DateTime value;
            if (layout.TimeColumn >= 0)
            {
                return LogTimestamp.TryParse(Text, Starts[layout.TimeColumn], Ends[layout.TimeColumn], out value) ? value : (DateTime?)null;
            }
            if (layout.DateColumn >= 0 && layout.TimeOfDayColumn >= 0)
            {
                int date = layout.DateColumn, time = layout.TimeOfDayColumn;
                return LogTimestamp.TryParse(Text, Starts[date], Ends[date], Starts[time], Ends[time], out value) ? value : (DateTime?)null;
            }
            return null;
        }

        /// <summary>A protocol log's '+' event: the remote end connected, a session starts.</summary>
        public bool OpensSession()
        {
            int column = Layout.EventColumn;
            return Layout.IsProtocolLog && Ends[column] - Starts[column] == 1 && Text[Starts[column]] == '+';
        }

        /// <summary>
        /// The host name the remote end announced on this line: a protocol log's received EHLO or HELO, or a tracking
        /// log's client-hostname; null when the line has none.
        /// </summary>
        public string? AnnouncedHost()
        {
            LogLayout layout = Layout;
            if (layout.IsProtocolLog)
            {
                int eventColumn = layout.EventColumn, data = layout.DataColumn;
                if (Ends[eventColumn] - Starts[eventColumn] != 1 || Text[Starts[eventColumn]] != '<') return null;
                int start = Starts[data], end = Ends[data];
                if (end - start < 6 || Text[start + 4] != ' ') return null;
                if (string.Compare(Text, start, "EHLO", 0, 4, StringComparison.OrdinalIgnoreCase) != 0 &&
                    string.Compare(Text, start, "HELO", 0, 4, StringComparison.OrdinalIgnoreCase) != 0) return null;
                string name = Text.Substring(start + 5, end - start - 5).Trim();
                return name.Length == 0 ? null : name;
            }
            if (layout.HostColumn < 0) return null;
            int column = layout.HostColumn;
            if (AddressInput.IsNoAddress(Text, Starts[column], Ends[column])) return null;
            return Value(column).Trim();
        }
    }
}
