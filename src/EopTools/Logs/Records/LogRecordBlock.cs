using System;
using System.Threading;
using EopTools.Index;

namespace EopTools.Logs
{
    /// <summary>
    /// What the records of up to a batch of answered lines show, side by side in a few arrays, so that a record is a
    /// small object (its block and its place in it): with a million records kept in a variable, the garbage collector
    /// sees a few arrays per batch instead of an object of 120 bytes per line. A line's time, address and port are not
    /// kept: they are read again from its text when asked for (most records are written and kept, not looked at, and
    /// each byte kept per line is written to fresh memory; docs/design.md has the figures). The price: a record kept
    /// alone, its neighbours filtered away downstream, holds its block (about 200 KB) and its line's text block (96 KB).
    /// </summary>
    internal sealed class LogRecordBlock
    {
        private readonly LineData[] _lines;
        private readonly EopAnswer[] _answers;
        private readonly LogLayout[] _layouts;
        private readonly byte[][] _texts;
        private EopLogValues?[]? _values;

        public LogRecordBlock(string path, int capacity)
        {
            Path = path;
            _lines = new LineData[capacity];
            _answers = new EopAnswer[capacity];
            _layouts = new LogLayout[capacity];
            _texts = new byte[capacity][];
        }

        public string Path { get; }

        public int Count { get; private set; }

        public bool IsFull => Count == _lines.Length;

        /// <summary>
        /// What is added to the line numbers: a part of a file read on its own numbers its lines from its first, and
        /// its place in the file is known only once the parts before it are read (before its records are written).
        /// </summary>
        public long LineShift { get; set; }

        /// <summary>Keeps an answered line; its text goes into <paramref name="store"/>.</summary>
        public void Add(LogLine line, LineStore store)
        {
            int i = Count++;
            ref LineData data = ref _lines[i];
            data.Number = line.Number;
            data.Column = line.AddressColumn;
            data.Length = line.LineLength;
            // The line is kept with the run's other records' lines, not as a string of its own: most are never asked for.
            _texts[i] = store.Add(line.Buffer, line.LineStart, line.LineLength, out data.Start);
            _answers[i] = line.Answer;
            _layouts[i] = line.Layout;
        }

        public long LineNumber(int i) => _lines[i].Number + LineShift;

        /// <summary>The column the address was read from.</summary>
        public int Column(int i) => _lines[i].Column;

        public EopAnswer Answer(int i) => _answers[i];

        public LogLayout Layout(int i) => _layouts[i];

        public byte[] Text(int i, out int start, out int length)
        {
            start = _lines[i].Start;
            length = _lines[i].Length;
            return _texts[i];
        }

        /// <summary>The line split again into its fields, as the reader saw it.</summary>
        public LogLine View(int i)
        {
            LogLayout layout = _layouts[i];
            var view = new LogLine(layout.Columns.Length + 1);
            ref LineData data = ref _lines[i];
            byte[] text = _texts[i];
            FieldSplitter.Split(text, data.Start, data.Start + data.Length, layout, view.Starts, view.Ends);
            view.Show(text, data.Start, data.Length, layout);
            return view;
        }

        /// <summary>The line's values, split by <paramref name="split"/> on first use and kept.</summary>
        public EopLogValues Values(int i, Func<EopLogValues> split)
        {
            // Records may be read on several threads (ForEach-Object -Parallel): a race only splits a line twice.
            EopLogValues?[] values = _values ?? Interlocked.CompareExchange(ref _values, new EopLogValues?[_lines.Length], null) ?? _values!;
            return values[i] ??= split();
        }

        /// <summary>
        /// A line's values that hold no reference, so the garbage collector does not look into them. 24 bytes times a
        /// batch of 4,096 is 96 KB, on the large object heap, which is never copied; a smaller array is copied as it is
        /// promoted, which cost more than the bytes saved (docs/design.md).
        /// </summary>
        private struct LineData
        {
            public long Number;
            public int Start;
            public int Length;
            public int Column;
        }
    }
}
