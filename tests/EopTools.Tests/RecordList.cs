using System.Collections.Generic;
using EopTools.Logs;

namespace EopTools.Tests
{
    /// <summary>A log reader's sink that keeps every answered line as a record, as Search-EopLog writes them.</summary>
    internal sealed class RecordList : LogSink
    {
        private readonly string _path;
        private readonly LineStore _lines = new LineStore();
        private LogRecordBlock _block;

        public RecordList(string path)
        {
            _path = path;
            _block = new LogRecordBlock(path, 64);
        }

        public List<EopLogRecord> Records { get; } = new List<EopLogRecord>();

        public override void Answered(LogLine line)
        {
            if (_block.IsFull) _block = new LogRecordBlock(_path, 64);
            _block.Add(line, _lines);
            Records.Add(new EopLogRecord(_block, _block.Count - 1));
        }
    }
}
