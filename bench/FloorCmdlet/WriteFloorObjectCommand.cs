using System;
using System.Management.Automation;

namespace FloorCmdlet
{
    /// <summary>One small object per input string, and nothing else: what any cmdlet with that output must pay.</summary>
    public sealed class FloorObject
    {
        public FloorObject(string input)
        {
            Input = input;
        }

        public string Input { get; }
    }

    /// <summary>
    /// An object with the fields a Search-EopLog record had before its data moved into shared blocks (EopLogRecord as a
    /// 120-byte object: its references, address, time and line bounds), made from nothing but the input: what writing
    /// objects of that size costs, before any reading.
    /// </summary>
    public sealed class RecordSizedFloorObject
    {
        private static readonly object Shared = new object();
        private static readonly byte[] SharedText = new byte[1];

        private readonly object _layout = Shared;
        private readonly int _family = 2;
        private readonly ulong _high = 0xFFFF;
        private readonly ulong _low;
        private readonly object _answer = Shared;
        private readonly int _port = 25;
        private readonly int _column = 5;
        private readonly byte[] _text = SharedText;
        private readonly int _lineStart = 1;
        private readonly int _lineLength;
        private readonly object? _values = null;

        public RecordSizedFloorObject(string input, long lineNumber)
        {
            Path = input;
            LineNumber = lineNumber;
            _lineLength = input.Length;
            _low = (ulong)lineNumber;
        }

        public string Path { get; }

        public long LineNumber { get; }

        public DateTime? Timestamp { get; }

        public override string ToString() => string.Join(",", _layout, _family, _high, _low, _answer, _port, _column, _text, _lineStart, _lineLength, _values);
    }

    [Cmdlet(VerbsCommunications.Write, "FloorObject")]
    [OutputType(typeof(FloorObject), typeof(RecordSizedFloorObject))]
    public sealed class WriteFloorObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string[] InputObject { get; set; } = Array.Empty<string>();

        /// <summary>Writes 120-byte objects with the fields records had, instead of the smallest object.</summary>
        [Parameter]
        public SwitchParameter RecordSized { get; set; }

        private long _count;

        protected override void ProcessRecord()
        {
            foreach (string input in InputObject)
            {
                if (RecordSized) WriteObject(new RecordSizedFloorObject(input, ++_count));
                else WriteObject(new FloorObject(input));
            }
        }
    }
}
