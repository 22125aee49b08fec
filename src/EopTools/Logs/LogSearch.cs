using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EopTools.Index;

namespace EopTools.Logs
{
    /// <summary>
    /// Reads several log files on worker threads and hands their records and messages to the calling thread in file
    /// and line order (only that thread may write to the pipeline). Each file's output waits in a small bounded queue,
    /// so memory stays flat however large the files are; a worker ahead of the reader waits for it. A -Summary with
    /// fewer files than threads cuts each large file into parts of whole lines, so one file keeps every thread busy.
    /// </summary>
    internal sealed class LogSearch : IDisposable
    {
        private const int BatchSize = 4096;
        private const int BatchesPerFile = 4;

        /// <summary>A file is cut into parts of at least this size: a smaller part costs more to start than it saves.</summary>
        private const long MinPartBytes = 1 << 20;

        private readonly IReadOnlyList<string> _paths;
        private readonly LogReadOptions _options;
        private readonly RangeIndex _index;
        private readonly bool _summary;
        private readonly BlockingCollection<List<object>>[] _channels;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly List<Thread> _workers = new List<Thread>();
        private readonly List<LogPart> _parts = new List<LogPart>();
        private readonly long _partBytes;
        private int _next = -1;

        /// <param name="partBytes">
        /// The size of a -Summary's file parts; 0 to cut only when there are fewer files than threads, in parts of at
        /// least <see cref="MinPartBytes"/> (tests make parts small to put part edges everywhere).
        /// </param>
        public LogSearch(IReadOnlyList<string> paths, LogReadOptions options, RangeIndex index, bool summary, long totalBytes, long partBytes = 0)
        {
            _paths = paths;
            _partBytes = partBytes;
            _options = options;
            _index = index;
            _summary = summary;
            // Records go through a channel per file; a summary's parts keep what they found until the pipeline takes it.
            _channels = new BlockingCollection<List<object>>[summary ? 0 : paths.Count];
            for (int i = 0; i < _channels.Length; i++) _channels[i] = new BlockingCollection<List<object>>(BatchesPerFile);
            Progress = new LogProgress(totalBytes);
            Summary = summary ? new LogSummaryBuilder(-1, index.NotEop) : null;
        }

        public LogProgress Progress { get; }

        /// <summary>With -Summary: the files' parts' tallies merged in order, complete once <see cref="Results"/> ends.</summary>
        public LogSummaryBuilder? Summary { get; }

        /// <summary>What the workers take one by one: a -Summary's file parts, or the files whose records they read.</summary>
        private int WorkItems => _summary ? _parts.Count : _paths.Count;

        /// <summary>The counts of the files read so far, in file order.</summary>
        public List<LogFileCounts> Counts { get; } = new List<LogFileCounts>();

        public void Start(int threads)
        {
            if (_summary) CutIntoParts(threads);
            for (int i = 0; i < Math.Min(threads, WorkItems); i++)
            {
                var worker = new Thread(Work) { IsBackground = true, Name = "EopTools log reader " + i };
                _workers.Add(worker);
                worker.Start();
            }
        }

        /// <summary>
        /// The records (<see cref="EopLogRecord"/>) and <see cref="LogMessage"/>s in file and line order; a null every
        /// <paramref name="tick"/> while waiting, so the caller can show progress.
        /// </summary>
        public IEnumerable<object?> Results(TimeSpan tick) => _summary ? SummaryResults(tick) : RecordResults(tick);

        private IEnumerable<object?> RecordResults(TimeSpan tick)
        {
            CancellationToken cancellation = _cancellation.Token;
            for (int file = 0; file < _channels.Length; file++)
            {
                BlockingCollection<List<object>> channel = _channels[file];
                while (!cancellation.IsCancellationRequested)
                {
                    List<object>? batch;
                    try
                    {
                        if (!channel.TryTake(out batch, tick)) batch = null;
                    }
                    catch (InvalidOperationException)
                    {
                        break;
                    }
                    if (batch == null)
                    {
                        if (channel.IsCompleted) break;
                        yield return null;
                        continue;
                    }
                    foreach (object item in batch)
                    {
                        if (item is LogFileCounts counts) Counts.Add(counts);
                        else yield return item;
                    }
                }
            }
        }

        /// <summary>
        /// A -Summary's messages and counts in file order, its parts' tallies merged in order. A part read from the
        /// file's first headers while the part before it ended with others (a restarted log that changed them), or that
        /// stopped at a header, is read again here from the right headers, numbering its lines as the file does.
        /// </summary>
        private IEnumerable<object?> SummaryResults(TimeSpan tick)
        {
            CancellationToken cancellation = _cancellation.Token;
            int next = 0;
            for (int file = 0; file < _paths.Count; file++)
            {
                var counts = new LogFileCounts(_paths[file]);
                Exception? failure = null;
                LogHeaderState? headers = null;
                for (; next < _parts.Count && _parts[next].File == file; next++)
                {
                    LogPart part = _parts[next];
                    while (!part.Done.Wait(tick))
                    {
                        if (cancellation.IsCancellationRequested) yield break;
                        yield return null;
                    }
                    // The file ended where an earlier part failed: what comes after is not read.
                    if (failure != null) continue;
                    if (headers != null && (part.StartHeaders == null || !part.StartHeaders.SameAs(headers) || part.Failure is LogFileException))
                    {
                        ReadPart(part, headers, counts.Lines, cancellation);
                    }
                    if (cancellation.IsCancellationRequested) yield break;
                    counts.Add(part.Counts!, counts.Lines - part.LinesBefore);
                    Summary!.Merge(part.Summary!);
                    part.Summary = null;
                    failure = part.Failure;
                    headers = part.EndHeaders;
                }
                foreach (object message in EndOfFile(_paths[file], counts, failure)) yield return message;
                Counts.Add(counts);
            }
        }

        /// <summary>Stops the workers at their next line or batch (Ctrl+C).</summary>
        public void Cancel() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Cancel();
            foreach (Thread worker in _workers) worker.Join();
            _cancellation.Dispose();
        }

        private void Work()
        {
            CancellationToken cancellation = _cancellation.Token;
            int item;
            while ((item = Interlocked.Increment(ref _next)) < WorkItems && !cancellation.IsCancellationRequested)
            {
                if (_summary) ReadPartOnWorker(_parts[item], cancellation);
                else ReadRecords(item, cancellation);
            }
        }

        private void ReadRecords(int file, CancellationToken cancellation)
        {
            BlockingCollection<List<object>> channel = _channels[file];
            try
            {
                ReadFile(file, channel, cancellation);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                // A fault here must reach the pipeline as an error, not end the process from a worker thread.
                var failure = new LogMessage(new LogFileException("LogFileReadFailed", "Reading '" + _paths[file] + "' failed: " + e.Message, e), _paths[file]);
                try
                {
                    channel.Add(new List<object> { failure }, cancellation);
                }
                catch (OperationCanceledException)
                {
                }
            }
            finally
            {
                channel.CompleteAdding();
            }
        }

        private void ReadPartOnWorker(LogPart part, CancellationToken cancellation)
        {
            try
            {
                ReadPart(part, null, 0, cancellation);
            }
            finally
            {
                part.Done.Set();
            }
        }

        /// <summary>
        /// Reads one part of a file into its own tally and counts; never throws (a failure is the part's, reported in
        /// order by the pipeline).
        /// </summary>
        /// <param name="headers">The headers in force where the part starts; null for a worker's first read of it.</param>
        private void ReadPart(LogPart part, LogHeaderState? headers, long linesBefore, CancellationToken cancellation)
        {
            string path = _paths[part.File];
            var summary = new LogSummaryBuilder(part.File, _index.NotEop);
            part.Summary = summary;
            part.LinesBefore = linesBefore;
            part.Failure = null;
            part.Counts = new LogFileCounts(path);
            part.EndHeaders = null;
            try
            {
                if (part.Start > 0 && headers == null)
                {
                    // Unknown headers (refused where the file starts): the pipeline reads the part once it knows them.
                    headers = part.StartHeaders = HeadersAt(path, part.Start);
                    if (headers == null) return;
                }
                var reader = new LogFileReader(path, _options, _index, summary, headers);
                part.Counts = reader.Counts;
                try
                {
                    using (FileStream file = Open(path))
                    {
                        if (part.Start == 0)
                        {
                            using (Stream utf8 = Utf8Text.Open(file, stream => new CountingStream(stream, Progress)))
                            {
                                reader.Read(utf8, new LogFilePart(file.Position, part.End, false, linesBefore), cancellation);
                            }
                        }
                        else
                        {
                            file.Position = part.Start - 1;
                            reader.Read(new CountingStream(file, Progress), new LogFilePart(part.Start - 1, part.End, true, linesBefore), cancellation);
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
        }

        private LogHeaderState? HeadersAt(string path, long offset)
        {
            using (FileStream file = Open(path))
            using (Stream utf8 = Utf8Text.Open(file, stream => stream))
            {
                return LogFileReader.HeadState(path, _options, _index, utf8, file.Position, offset);
            }
        }

        /// <summary>
        /// One large file keeps one thread busy: with fewer files than threads (or with <see cref="_partBytes"/>), each
        /// file in UTF-8 is cut into parts, which any thread reads, each from the headers in force where it starts.
        /// </summary>
        private void CutIntoParts(int threads)
        {
            int perFile = _paths.Count < threads ? (threads + _paths.Count - 1) / _paths.Count : 1;
            for (int file = 0; file < _paths.Count; file++)
            {
                long length = _partBytes > 0 || perFile > 1 ? Utf8Length(_paths[file]) : 0;
                long count = _partBytes > 0
                    ? Math.Max(1, (length + _partBytes - 1) / _partBytes)
                    : length >= 2 * MinPartBytes ? Math.Min(perFile, length / MinPartBytes) : 1;
                for (long i = 0; i < count; i++)
                {
                    _parts.Add(new LogPart(file, length * i / count, i == count - 1 ? long.MaxValue : length * (i + 1) / count));
                }
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
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                return 0;
            }
        }

        private void ReadFile(int file, BlockingCollection<List<object>> channel, CancellationToken cancellation)
        {
            string path = _paths[file];
            var sink = new RecordSink(path, channel, cancellation);
            var reader = new LogFileReader(path, _options, _index, sink);
            Exception? failure = null;
            try
            {
                using (Stream utf8 = Utf8Text.Open(Open(path), stream => new CountingStream(stream, Progress)))
                {
                    reader.Read(utf8, cancellation);
                }
            }
            catch (Exception e) when (e is LogFileException || e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                failure = e;
            }
            sink.Flush();
            List<object> messages = EndOfFile(path, reader.Counts, failure);
            messages.Add(reader.Counts);
            channel.Add(messages, cancellation);
        }

        /// <summary>What the pipeline says when a file is read: its warnings, its failure, its counts (-Verbose).</summary>
        private static List<object> EndOfFile(string path, LogFileCounts counts, Exception? failure)
        {
            var messages = new List<object>();
            string? warning = counts.NotAnAddressWarning();
            if (warning != null) messages.Add(new LogMessage(LogMessageKind.Warning, warning, path));
            warning = counts.MalformedWarning();
            if (warning != null) messages.Add(new LogMessage(LogMessageKind.Warning, warning, path));
            if (failure != null) messages.Add(FailureMessage(path, counts, failure));
            messages.Add(new LogMessage(LogMessageKind.Verbose, counts.ToString(), path));
            return messages;
        }

        private static FileStream Open(string path) =>
            // Exchange and IIS keep today's log open for writing: share it, and do not stop a deletion by rotation.
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

        private static LogMessage FailureMessage(string path, LogFileCounts counts, Exception e)
        {
            if (e is LogFileException known) return new LogMessage(known, path);
            LogFileException failure;
            if (!(e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException))
            {
                // Not the file's fault: said as it is, and the run goes on with the next file.
                failure = new LogFileException("LogFileReadFailed", "Reading '" + path + "' failed: " + e.Message, e);
            }
            else if (counts.Lines == 0 && (e is FileNotFoundException || e is DirectoryNotFoundException))
            {
                failure = new LogFileException("LogFileNotFound", "'" + path + "' was not found: " + e.Message, e);
            }
            else if (counts.Lines == 0)
            {
                failure = new LogFileException("LogFileUnreadable", "'" + path + "' cannot be read: " + e.Message, e);
            }
            else
            {
                failure = new LogFileException("LogFileReadFailed",
                    "Reading '" + path + "' failed after line " + counts.Lines + ": " + e.Message + " The lines before it were read.", e);
            }
            return new LogMessage(failure, path);
        }

        /// <summary>Per-line records, handed to the pipeline thread in batches.</summary>
        private sealed class RecordSink : LogSink
        {
            private readonly string _path;
            private readonly BlockingCollection<List<object>> _channel;
            private readonly CancellationToken _cancellation;
            private readonly LineStore _lines = new LineStore();
            private List<object> _batch = new List<object>(BatchSize);

            public RecordSink(string path, BlockingCollection<List<object>> channel, CancellationToken cancellation)
            {
                _path = path;
                _channel = channel;
                _cancellation = cancellation;
            }

            public override void Answered(LogLine line)
            {
                _batch.Add(new EopLogRecord(_path, line, _lines));
                if (_batch.Count == BatchSize) Flush();
            }

            public void Flush()
            {
                if (_batch.Count == 0) return;
                _channel.Add(_batch, _cancellation);
                _batch = new List<object>(BatchSize);
            }
        }

        /// <summary>A part of a file for -Summary: the lines that start in [Start, End), and what reading them found.</summary>
        private sealed class LogPart
        {
            public LogPart(int file, long start, long end)
            {
                File = file;
                Start = start;
                End = end;
            }

            public int File { get; }

            public long Start { get; }

            public long End { get; }

            public ManualResetEventSlim Done { get; } = new ManualResetEventSlim();

            /// <summary>The headers the worker read the part from (the file's first), or null when they were refused.</summary>
            public LogHeaderState? StartHeaders { get; set; }

            public LogHeaderState? EndHeaders { get; set; }

            /// <summary>The lines before the part as it was read (0: numbered from its own first line).</summary>
            public long LinesBefore { get; set; }

            public LogFileCounts? Counts { get; set; }

            public LogSummaryBuilder? Summary { get; set; }

            public Exception? Failure { get; set; }
        }
    }
}
