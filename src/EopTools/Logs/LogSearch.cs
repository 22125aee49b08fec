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
    /// so memory stays flat however large the files are; a worker ahead of the reader waits for it.
    /// </summary>
    internal sealed class LogSearch : IDisposable
    {
        private const int BatchSize = 4096;
        private const int BatchesPerFile = 4;

        private readonly IReadOnlyList<string> _paths;
        private readonly LogReadOptions _options;
        private readonly RangeIndex _index;
        private readonly bool _summary;
        private readonly BlockingCollection<List<object>>[] _channels;
        private readonly LogSummaryBuilder?[] _fileSummaries;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly List<Thread> _workers = new List<Thread>();
        private int _next = -1;

        public LogSearch(IReadOnlyList<string> paths, LogReadOptions options, RangeIndex index, bool summary, long totalBytes)
        {
            _paths = paths;
            _options = options;
            _index = index;
            _summary = summary;
            _channels = new BlockingCollection<List<object>>[paths.Count];
            for (int i = 0; i < _channels.Length; i++) _channels[i] = new BlockingCollection<List<object>>(BatchesPerFile);
            _fileSummaries = new LogSummaryBuilder?[paths.Count];
            Progress = new LogProgress(totalBytes);
            Summary = summary ? new LogSummaryBuilder(-1, index.NotEop) : null;
        }

        public LogProgress Progress { get; }

        /// <summary>With -Summary: the files' summaries merged in file order, complete once <see cref="Results"/> ends.</summary>
        public LogSummaryBuilder? Summary { get; }

        /// <summary>The counts of the files read so far, in file order.</summary>
        public List<LogFileCounts> Counts { get; } = new List<LogFileCounts>();

        public void Start(int threads)
        {
            for (int i = 0; i < Math.Min(threads, _paths.Count); i++)
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
        public IEnumerable<object?> Results(TimeSpan tick)
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
                if (Summary != null && _fileSummaries[file] != null)
                {
                    Summary.Merge(_fileSummaries[file]!);
                    _fileSummaries[file] = null;
                }
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
            int file;
            while ((file = Interlocked.Increment(ref _next)) < _paths.Count)
            {
                BlockingCollection<List<object>> channel = _channels[file];
                try
                {
                    if (!cancellation.IsCancellationRequested) ReadFile(file, channel, cancellation);
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
        }

        private void ReadFile(int file, BlockingCollection<List<object>> channel, CancellationToken cancellation)
        {
            string path = _paths[file];
            var sink = _summary ? (LogSink)new LogSummaryBuilder(file, _index.NotEop) : new RecordSink(path, channel, cancellation);
            var reader = new LogFileReader(path, _options, _index, sink);
            var messages = new List<object>();
            try
            {
                using (Stream utf8 = Utf8Text.Open(Open(path), file => new CountingStream(file, Progress)))
                {
                    reader.Read(utf8, cancellation);
                }
            }
            catch (LogFileException e)
            {
                messages.Add(new LogMessage(e, path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
            {
                messages.Add(ReadFailure(path, reader.Counts, e));
            }
            (sink as RecordSink)?.Flush();
            if (sink is LogSummaryBuilder summary) _fileSummaries[file] = summary;

            LogFileCounts counts = reader.Counts;
            string? warning = counts.MalformedWarning();
            if (warning != null) messages.Insert(0, new LogMessage(LogMessageKind.Warning, warning, path));
            warning = counts.NotAnAddressWarning();
            if (warning != null) messages.Insert(0, new LogMessage(LogMessageKind.Warning, warning, path));
            messages.Add(new LogMessage(LogMessageKind.Verbose, counts.ToString(), path));
            messages.Add(counts);
            channel.Add(messages, cancellation);
        }

        private static Stream Open(string path) =>
            // Exchange and IIS keep today's log open for writing: share it, and do not stop a deletion by rotation.
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

        private static LogMessage ReadFailure(string path, LogFileCounts counts, Exception e)
        {
            LogFileException failure;
            if (counts.Lines == 0 && (e is FileNotFoundException || e is DirectoryNotFoundException))
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
    }
}
