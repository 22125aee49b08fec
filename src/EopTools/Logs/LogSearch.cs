using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EopTools.Index;
using EopTools.IO;

namespace EopTools.Logs
{
    /// <summary>
    /// Reads log files on worker threads and hands their records and messages to the calling thread in file and line
    /// order (only that thread may write to the pipeline). Files are cut into parts of whole lines that any thread
    /// reads, each from the headers the file starts with: records in parts of a few megabytes, whose records wait in a
    /// small bounded queue, with the workers at most a few parts ahead of the pipeline, so memory stays flat however
    /// large the files are; a -Summary's large files, when there are fewer files than threads, in a part per thread.
    /// So one large file keeps every thread busy as well as many small ones do.
    /// </summary>
    internal sealed class LogSearch : IDisposable
    {
        private const int BatchSize = 4096;
        /// <summary>Enough for a whole part of short lines: a worker ahead of the pipeline reads its part to the end.</summary>
        private const int BatchesPerPart = 16;

        /// <summary>A -Summary's file is cut into parts of at least this size: a smaller part costs more to start than it saves.</summary>
        private const long MinSummaryPartBytes = 1 << 20;

        /// <summary>
        /// The size of a part of records: its records wait in memory until the parts before it are written, and it
        /// costs an open and a read of the file's headers.
        /// </summary>
        private const long RecordPartBytes = 2 << 20;

        /// <summary>
        /// The module's one file policy, for logs: no limit on a file's size (a log is read streaming, a line at a time,
        /// and a line over <see cref="LineReader.MaxLineLength"/> bytes is skipped unkept).
        /// </summary>
        public static readonly InputFileAccess Access = new InputFileAccess("Log", long.MaxValue);

        private readonly IReadOnlyList<string> _paths;
        private readonly LogReadOptions _options;
        private readonly RangeIndex _index;
        private readonly bool _summary;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly List<Thread> _workers = new List<Thread>();
        private readonly List<LogPart> _parts = new List<LogPart>();
        private readonly long _partBytes;
        private SemaphoreSlim? _partsAhead;
        private int _next = -1;

        /// <param name="partBytes">
        /// The size of the parts; 0 for the defaults (tests make parts small to put part edges everywhere).
        /// </param>
        public LogSearch(IReadOnlyList<string> paths, LogReadOptions options, RangeIndex index, bool summary, long totalBytes, long partBytes = 0)
        {
            _paths = paths;
            _partBytes = partBytes;
            _options = options;
            _index = index;
            _summary = summary;
            Progress = new LogProgress(totalBytes);
            Summary = summary ? new LogSummaryBuilder(-1, index.NotEop) : null;
        }

        public LogProgress Progress { get; }

        /// <summary>With -Summary: the files' parts' tallies merged in order, complete once <see cref="Results"/> ends.</summary>
        public LogSummaryBuilder? Summary { get; }

        /// <summary>The counts of the files read so far, in file order.</summary>
        public List<LogFileCounts> Counts { get; } = new List<LogFileCounts>();

        public void Start(int threads)
        {
            CutIntoParts(threads);
            if (_cancellation.IsCancellationRequested) return;
            // Records wait in their part until written: enough parts for every thread to read one while the pipeline
            // writes two. A summary's part keeps only its tally.
            if (!_summary) _partsAhead = new SemaphoreSlim(threads + 2);
            for (int i = 0; i < Math.Min(threads, _parts.Count); i++)
            {
                var worker = new Thread(Work) { IsBackground = true, Name = "EopTools log reader " + i };
                _workers.Add(worker);
                worker.Start();
            }
        }

        /// <summary>
        /// The records (<see cref="EopLogRecord"/>) and <see cref="LogMessage"/>s in file and line order; a null every
        /// <paramref name="tick"/> while waiting, so the caller can show progress. A part read from the file's first
        /// headers while the part before it ended with others (a restarted log that changed them) is read again here
        /// from the right ones.
        /// </summary>
        public IEnumerable<object?> Results(TimeSpan tick)
        {
            CancellationToken cancellation = _cancellation.Token;
            int next = 0;
            for (int file = 0; file < _paths.Count && !cancellation.IsCancellationRequested; file++)
            {
                var counts = new LogFileCounts(_paths[file]);
                Exception? failure = null;
                LogHeaderState? headers = null;
                for (; next < _parts.Count && _parts[next].File == file; next++)
                {
                    LogPart part = _parts[next];
                    BlockingCollection<LogRecordBlock> channel = part.Channel;
                    bool discard = failure != null || headers != null && (part.StartHeaders == null || !part.StartHeaders.SameAs(headers));
                    while (!channel.IsCompleted)
                    {
                        if (cancellation.IsCancellationRequested) yield break;
                        if (!channel.TryTake(out LogRecordBlock? block, tick))
                        {
                            yield return null;
                            continue;
                        }
                        if (discard) continue;
                        block.LineShift = counts.Lines - part.LinesBefore;
                        // The records are made here, as they are written: the reading threads only fill blocks.
                        for (int i = 0; i < block.Count; i++) yield return new EopLogRecord(block, i);
                    }
                    if (cancellation.IsCancellationRequested) yield break;
                    _partsAhead?.Release();
                    // The file ended where an earlier part failed: what comes after is not read.
                    if (failure != null) continue;
                    if (discard)
                    {
                        part.Channel = new BlockingCollection<LogRecordBlock>();
                        ReadPart(part, headers, counts.Lines, cancellation);
                        if (cancellation.IsCancellationRequested) yield break;
                        foreach (LogRecordBlock block in part.Channel)
                        {
                            for (int i = 0; i < block.Count; i++) yield return new EopLogRecord(block, i);
                        }
                    }
                    long partShift = counts.Lines - part.LinesBefore;
                    counts.Add(part.Counts!, partShift);
                    if (part.Summary != null) Summary!.Merge(part.Summary);
                    part.Summary = null;
                    failure = part.Failure is LogFileException header ? header.Renumbered(partShift) : part.Failure;
                    headers = part.EndHeaders;
                }
                foreach (object message in EndOfFile(_paths[file], counts, failure)) yield return message;
                Counts.Add(counts);
            }
        }

        /// <summary>Stops the workers at their next line or part (Ctrl+C).</summary>
        public void Cancel() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Cancel();
            foreach (Thread worker in _workers) worker.Join();
            _cancellation.Dispose();
            _partsAhead?.Dispose();
        }

        private void Work()
        {
            CancellationToken cancellation = _cancellation.Token;
            try
            {
                while (true)
                {
                    // Records: no further ahead of the pipeline than memory allows.
                    _partsAhead?.Wait(cancellation);
                    int item = Interlocked.Increment(ref _next);
                    if (item >= _parts.Count || cancellation.IsCancellationRequested) return;
                    LogPart part = _parts[item];
                    ReadPart(part, part.StartHeaders, 0, cancellation);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>
        /// Reads one part of a file: its records into its channel in batches, or its tally; then its counts, its failure
        /// and the headers in force at its end. Never throws (a failure is the part's, reported in order by the
        /// pipeline); completes the channel.
        /// </summary>
        /// <param name="headers">The headers in force where the part starts; null at the file's start.</param>
        /// <param name="linesBefore">The lines before the part, or 0 to number its lines from its own first.</param>
        private void ReadPart(LogPart part, LogHeaderState? headers, long linesBefore, CancellationToken cancellation)
        {
            string path = _paths[part.File];
            LogSummaryBuilder? summary = _summary ? new LogSummaryBuilder(part.File, _index.NotEop) : null;
            var records = summary == null ? new RecordSink(path, part.Channel, cancellation) : null;
            part.Summary = summary;
            part.LinesBefore = linesBefore;
            part.Failure = null;
            part.Counts = new LogFileCounts(path);
            part.EndHeaders = null;
            try
            {
                // Headers refused where the file starts: its first part says why, or is read again in order.
                if (part.Start > 0 && headers == null) return;
                var reader = new LogFileReader(path, _options, _index, (LogSink?)summary ?? records!, headers);
                part.Counts = reader.Counts;
                try
                {
                    using (FileStream file = Open(path))
                    {
                        if (part.Start == 0)
                        {
                            using (Stream utf8 = Utf8Text.Open(file, stream => new CountingStream(Access.Guard(stream, path, cancellation), Progress)))
                            {
                                reader.Read(utf8, new LogFilePart(file.Position, part.End, false, linesBefore), cancellation);
                            }
                        }
                        else
                        {
                            file.Position = part.Start - 1;
                            reader.Read(new CountingStream(Access.Guard(file, path, cancellation), Progress),
                                new LogFilePart(part.Start - 1, part.End, true, linesBefore), cancellation);
                        }
                    }
                }
                finally
                {
                    part.EndHeaders = reader.HeaderState;
                }
            }
            catch (Exception e)
            {
                part.Failure = e;
            }
            finally
            {
                try
                {
                    records?.Flush();
                }
                catch (OperationCanceledException)
                {
                }
                part.Channel.CompleteAdding();
            }
        }

        /// <summary>
        /// Cuts the files into parts of whole lines. Records: parts of <see cref="RecordPartBytes"/>. A summary: a part
        /// per thread of a file of at least twice <see cref="MinSummaryPartBytes"/>, when there are fewer files than
        /// threads. Only a file in UTF-8 is cut (a place in a re-encoded file is not a place in its text); the parts
        /// after a file's first start from the headers it starts with.
        /// </summary>
        private void CutIntoParts(int threads)
        {
            int perFile = _paths.Count < threads ? (threads + _paths.Count - 1) / _paths.Count : 1;
            for (int file = 0; file < _paths.Count && !_cancellation.IsCancellationRequested; file++)
            {
                string path = _paths[file];
                long size = _partBytes > 0 ? _partBytes : _summary ? 0 : RecordPartBytes;
                // Most files of a long run are too small to cut: a look at their length, and they are not opened here.
                long smallest = size > 0 ? size + 1 : 2 * MinSummaryPartBytes;
                long length = (size > 0 || perFile > 1) && FileLength(path) >= smallest ? Utf8Length(path) : 0;
                long count = size > 0
                    ? Math.Max(1, (length + size - 1) / size)
                    : length >= 2 * MinSummaryPartBytes ? Math.Min(perFile, length / MinSummaryPartBytes) : 1;
                // Read as far as the second part at most: a file of directives only is not read twice before the parts.
                LogHeaderState? headers = count > 1 ? HeadersOf(path, length / count) : null;
                // Stopped while the headers were read (a first line that never ends): no parts.
                if (_cancellation.IsCancellationRequested) return;
                for (long i = 0; i < count; i++)
                {
                    long start = length * i / count, end = i == count - 1 ? long.MaxValue : length * (i + 1) / count;
                    _parts.Add(new LogPart(file, start, end, i == 0 ? null : headers, _summary ? 0 : BatchesPerPart));
                }
            }
        }

        /// <summary>
        /// The headers the file starts with, up to <paramref name="offset"/>; null when they are refused, it cannot be
        /// read now, or the search is stopped (a first line that never ends is read to its end, or to Ctrl+C).
        /// </summary>
        private LogHeaderState? HeadersOf(string path, long offset)
        {
            try
            {
                using (FileStream file = Open(path))
                using (Stream utf8 = Utf8Text.Open(file, stream => Access.Guard(stream, path, _cancellation.Token)))
                {
                    return LogFileReader.HeadState(path, _options, _index, utf8, file.Position, offset);
                }
            }
            catch (Exception e) when (FileProblems.Is(e) || e is OperationCanceledException)
            {
                return null;
            }
        }

        private static long FileLength(string path)
        {
            try
            {
                return Access.Check(path);
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                return 0;
            }
        }

        /// <summary>
        /// The file's length when its bytes are its UTF-8 text (a UTF-16 or UTF-32 file is re-encoded as it is read, so a
        /// place in it is not a place in its text); 0 when it is not, or cannot be read now (its reader will say why).
        /// </summary>
        private static long Utf8Length(string path)
        {
            try
            {
                using (FileStream file = Open(path))
                {
                    return Utf8Text.IsUtf8(file) ? file.Length : 0;
                }
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                return 0;
            }
        }

        /// <summary>What the pipeline says when a file is read: its warnings, its failure, its counts (-Verbose).</summary>
        private static List<object> EndOfFile(string path, LogFileCounts counts, Exception? failure)
        {
            var messages = new List<object>();
            foreach (Diagnostic? warning in new[]
            {
                counts.NotAnAddressWarning(), counts.MalformedWarning(), counts.AmbiguousTimeWarning(), counts.UnreadableTimeWarning(),
                counts.UnreadableDateDirectiveWarning(), counts.AllLeftOutWarning(),
            })
            {
                if (warning != null) messages.Add(new LogMessage(warning, path));
            }
            if (failure != null) messages.Add(FailureMessage(path, counts, failure));
            messages.Add(new LogMessage(LogMessageKind.Verbose, counts.ToString(), path));
            return messages;
        }

        private static FileStream Open(string path) =>
            // Exchange and IIS keep today's log open for writing: share it, and do not stop a deletion by rotation.
            Access.Open(path, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);

        private static LogMessage FailureMessage(string path, LogFileCounts counts, Exception e)
        {
            if (e is LogFileException known) return new LogMessage(known, path);
            LogFileException failure;
            if (!FileProblems.Is(e))
            {
                // Not the file's fault: said as it is, and the run goes on with the next file.
                failure = new LogFileException("LogFileReadFailed", "Reading '" + path + "' failed: " + e.Message, e);
            }
            else if (e is InputFileException || counts.Lines == 0)
            {
                // Refused, or failed before its first line: by the module's one reading of file problems.
                InputFileException refused = Access.Classify(e, path);
                failure = new LogFileException(refused.ErrorId, refused.Message, e);
            }
            else
            {
                failure = new LogFileException("LogFileReadFailed",
                    "Reading '" + path + "' failed after line " + counts.Lines + ": " + e.Message + " The lines before it were read.", e);
            }
            return new LogMessage(failure, path);
        }

        /// <summary>Per-line records' data, handed to the pipeline thread in blocks of a batch.</summary>
        private sealed class RecordSink : RecordBlockSink
        {
            private readonly BlockingCollection<LogRecordBlock> _channel;
            private readonly CancellationToken _cancellation;

            public RecordSink(string path, BlockingCollection<LogRecordBlock> channel, CancellationToken cancellation)
                : base(path, BatchSize)
            {
                _channel = channel;
                _cancellation = cancellation;
            }

            protected override void Filled(LogRecordBlock block) => _channel.Add(block, _cancellation);
        }

        /// <summary>A part of a file: the lines that start in [Start, End), and what reading them found.</summary>
        private sealed class LogPart
        {
            /// <param name="startHeaders">The headers the part is read from: the file's first, or null for its first part.</param>
            /// <param name="batches">The batches of records that may wait in its channel; 0 for no bound.</param>
            public LogPart(int file, long start, long end, LogHeaderState? startHeaders, int batches)
            {
                File = file;
                Start = start;
                End = end;
                StartHeaders = startHeaders;
                Channel = batches > 0 ? new BlockingCollection<LogRecordBlock>(batches) : new BlockingCollection<LogRecordBlock>();
            }

            public int File { get; }

            public long Start { get; }

            public long End { get; }

            public LogHeaderState? StartHeaders { get; }

            /// <summary>Its records in batches, completed when the part is read.</summary>
            public BlockingCollection<LogRecordBlock> Channel { get; set; }

            public LogHeaderState? EndHeaders { get; set; }

            /// <summary>The lines before the part as it was read (0: numbered from its own first line).</summary>
            public long LinesBefore { get; set; }

            public LogFileCounts? Counts { get; set; }

            public LogSummaryBuilder? Summary { get; set; }

            public Exception? Failure { get; set; }
        }
    }
}
