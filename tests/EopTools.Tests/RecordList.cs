using System.Collections.Generic;
using EopTools.Logs;

namespace EopTools.Tests
{
    /// <summary>A log reader's sink that keeps every answered line as a record, as Search-EopLog writes them.</summary>
    internal sealed class RecordList : RecordBlockSink
    {
        public RecordList(string path)
            : base(path, 64)
        {
        }

        public List<EopLogRecord> Records { get; } = new List<EopLogRecord>();

        public override void Answered(LogLine line)
        {
            base.Answered(line);
            Records.Add(new EopLogRecord(Block, Block.Count - 1));
        }

        // The records are made line by line: a full block has nowhere else to go.
        protected override void Filled(LogRecordBlock block)
        {
        }
    }
}
