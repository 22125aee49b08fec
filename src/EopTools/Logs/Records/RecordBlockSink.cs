namespace EopTools.Logs
{
    /// <summary>
    /// A sink that keeps the answered lines as records' data in blocks (<see cref="LogRecordBlock"/>), handing on each
    /// block once it is full, and the last one at <see cref="Flush"/>.
    /// </summary>
    internal abstract class RecordBlockSink : LogSink
    {
        private readonly string _path;
        private readonly int _capacity;
        private readonly LineStore _lines = new LineStore();

        protected RecordBlockSink(string path, int capacity)
        {
            _path = path;
            _capacity = capacity;
            Block = new LogRecordBlock(path, capacity);
        }

        /// <summary>The block being filled; the line answered last is its last.</summary>
        protected LogRecordBlock Block { get; private set; }

        public override void Answered(LogLine line)
        {
            // A full block is handed on when the next line comes, so the line just added is always in Block.
            if (Block.IsFull) Flush();
            Block.Add(line, _lines);
        }

        /// <summary>Hands on the block being filled, when it holds a line, and starts another.</summary>
        public void Flush()
        {
            if (Block.Count == 0) return;
            Filled(Block);
            Block = new LogRecordBlock(_path, _capacity);
        }

        protected abstract void Filled(LogRecordBlock block);
    }
}
