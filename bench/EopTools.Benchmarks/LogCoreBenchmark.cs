using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EopTools.Index;
using EopTools.Logs;
using EopTools.Parsing;
using EopTools.Ranges;

/// <summary>Where a -Summary line's time goes: reading, splitting, parsing the address, the whole reader.</summary>
internal static class LogCoreBenchmark
{
    public static void Run(string path, string? second, int rounds)
    {
        RangeIndex index = EopSession.Seed;
        string? only = Environment.GetEnvironmentVariable("EOPTOOLS_BENCH_ONLY");
        double Measure(string what, Func<long> body)
        {
            if (only != null && !what.Contains(only)) return 0;
            body();
            long best = long.MaxValue;
            long result = 0;
            for (int round = 0; round < rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                result = body();
                best = Math.Min(best, watch.ElapsedTicks);
            }
            double ms = best * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"  {what,-44} {ms,8:F0} ms  ({result})");
            return ms;
        }
        Measure("File.ReadLines count", () => File.ReadLines(path).LongCount());
        Measure("LineReader", () =>
        {
            long n = 0;
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file))
            {
                var lines = new LineReader(text);
                while (lines.Read(out _)) n++;
            }
            return n;
        });
        var starts = new int[64];
        var ends = new int[64];
        Measure("LineReader + split", () =>
        {
            long n = 0;
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file))
            {
                var lines = new LineReader(text);
                while (lines.Read(out _)) n += FieldSplitter.SplitCsv(lines.Buffer, lines.Start, lines.Start + lines.Length, starts, ends);
            }
            return n;
        });
        Measure("LineReader + split + address (field 5)", () =>
        {
            long n = 0;
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file))
            {
                var lines = new LineReader(text);
                while (lines.Read(out _))
                {
                    if (FieldSplitter.SplitCsv(lines.Buffer, lines.Start, lines.Start + lines.Length, starts, ends) == 9 &&
                        AddressInput.TryParse(Encoding.UTF8.GetString(lines.Buffer, starts[5], ends[5] - starts[5]), out IpAddressValue address, out _) && index.Find(address) != null) n++;
                }
            }
            return n;
        });
        Measure("LogFileReader, records sink doing nothing", () =>
        {
            var reader = new LogFileReader(path, new LogReadOptions(null, null, LogSide.Both), index, new NothingSink());
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file)) reader.Read(text, CancellationToken.None);
            return reader.Counts.Answered;
        });
        Measure("LogFileReader, records into blocks, dropped", () =>
        {
            var sink = new BlockSink(path);
            var reader = new LogFileReader(path, new LogReadOptions(null, null, LogSide.Both), index, sink);
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file)) reader.Read(text, CancellationToken.None);
            sink.Flush();
            return sink.Count;
        });
        Measure("LogFileReader, timestamps only", () =>
        {
            var sink = new TimeSink();
            var reader = new LogFileReader(path, new LogReadOptions(null, null, LogSide.Both), index, sink);
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file)) reader.Read(text, CancellationToken.None);
            return sink.Count;
        });
        Measure("LogFileReader, summary", () =>
        {
            var summary = new LogSummaryBuilder(0, index.NotEop);
            var reader = new LogFileReader(path, new LogReadOptions(null, null, LogSide.Both), index, summary);
            using (Stream text = Utf8Text.Open(File.OpenRead(path), file => file)) reader.Read(text, CancellationToken.None);
            return summary.Addresses.Count;
        });
        foreach (int threads in new[] { 1, 2 })
        {
            Measure("LogSearch, summary, " + threads + " threads", () =>
            {
                using (var search = new LogSearch(new[] { path }, new LogReadOptions(null, null, LogSide.Both), index, true, 0))
                {
                    search.Start(threads);
                    search.Results(TimeSpan.FromMilliseconds(100)).LongCount();
                    return search.Summary!.Addresses.Count;
                }
            });
        }
        if (second != null)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                Measure("LogSearch, both files, summary, " + threads + " threads (GCs " + GC.CollectionCount(0) + ")", () =>
                {
                    using (var search = new LogSearch(new[] { path, second }, new LogReadOptions(null, null, LogSide.Both), index, true, 0))
                    {
                        search.Start(threads);
                        search.Results(TimeSpan.FromMilliseconds(100)).LongCount();
                        return search.Summary!.Addresses.Count;
                    }
                });
            }
        }
        Measure("LogSearch, records drained", () =>
        {
            using (var search = new LogSearch(new[] { path }, new LogReadOptions(null, null, LogSide.Both), index, false, 0))
            {
                search.Start(1);
                return search.Results(TimeSpan.FromMilliseconds(100)).LongCount(item => item is EopTools.EopLogRecord);
            }
        });
    }

    /// <summary>Fills blocks as Search-EopLog's readers do, and drops them.</summary>
    private sealed class BlockSink : RecordBlockSink
    {
        public BlockSink(string path)
            : base(path, 4096)
        {
        }

        public long Count { get; private set; }

        protected override void Filled(LogRecordBlock block) => Count += block.Count;
    }

    private sealed class TimeSink : LogSink
    {
        public long Count { get; private set; }

        public override void Answered(LogLine line)
        {
            if (line.Timestamp().HasValue) Count++;
        }
    }

    private sealed class NothingSink : LogSink
    {
        public override void Answered(LogLine line)
        {
        }
    }
}
