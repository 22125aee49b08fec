using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EopTools.Headers;
using EopTools.Index;

/// <summary>
/// Where a message's time goes in Test-EopMessageHeader, without PowerShell: the floor (StreamReader lines up to the
/// empty line), the module's file reader, then each step of the analysis on the header texts already read, and the
/// whole of it. EOPTOOLS_BENCH_ONLY runs the steps whose name contains it.
/// </summary>
internal static class HeaderCoreBenchmark
{
    public static void Run(string folder, int rounds)
    {
        string[] paths = Directory.GetFiles(folder, "*.eml");
        Array.Sort(paths, StringComparer.Ordinal);
        RangeIndex index = EopSession.Seed;
        var analyzer = new RouteAnalyzer(index, RouteOptions.None);
        string? only = Environment.GetEnvironmentVariable("EOPTOOLS_BENCH_ONLY");
        void Measure(string what, Func<long> body, Action? before = null)
        {
            if (only != null && !what.Contains(only)) return;
            before?.Invoke();
            body();
            long best = long.MaxValue;
            double bestCpu = double.MaxValue;
            long result = 0, allocated = 0;
            var process = Process.GetCurrentProcess();
            for (int round = 0; round < rounds; round++)
            {
                before?.Invoke();
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                process.Refresh();
                TimeSpan cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = body();
                best = Math.Min(best, watch.ElapsedTicks);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            }
            double us = best * 1e6 / Stopwatch.Frequency / paths.Length;
            // Wall time, and the process's processor time, which a loaded machine disturbs less.
            Console.WriteLine($"  {what,-48} {us,7:F1} us {bestCpu * 1000 / paths.Length,7:F1} us CPU {allocated / paths.Length,8:N0} B a message  ({result})");
        }

        Console.WriteLine($"{paths.Length} messages in {folder}, best of {rounds} rounds");
        Measure("floor: StreamReader lines to the empty line", () =>
        {
            long n = 0;
            foreach (string path in paths) n += string.Join("\n", File.ReadLines(path).TakeWhile(line => line.Length > 0)).Length;
            return n;
        });
        Measure("HeaderFileReader.ReadHeaderText", () =>
        {
            long n = 0;
            foreach (string path in paths) n += HeaderFileReader.ReadHeaderText(path).Length;
            return n;
        });

        var texts = new string[paths.Length];
        for (int i = 0; i < paths.Length; i++) texts[i] = HeaderFileReader.ReadHeaderText(paths[i]);
        var blocks = new HeaderBlock[texts.Length];
        Measure("HeaderBlock.Parse", () =>
        {
            long n = 0;
            for (int i = 0; i < texts.Length; i++) n += (blocks[i] = HeaderBlock.Parse(texts[i], "x")).Fields.Count;
            return n;
        });
        // The blocks the next steps read, when EOPTOOLS_BENCH_ONLY skipped the step above.
        for (int i = 0; i < texts.Length; i++) blocks[i] ??= HeaderBlock.Parse(texts[i], "x");
        var received = new List<string>();
        foreach (HeaderBlock block in blocks)
        {
            foreach (HeaderField field in block.Fields)
            {
                if (string.Equals(field.Name, "Received", StringComparison.OrdinalIgnoreCase)) received.Add(field.Value);
            }
        }
        Measure("ReceivedParser.Parse (every Received:)", () =>
        {
            long n = 0;
            foreach (string value in received) n += ReceivedParser.Parse(value).Time.HasValue ? 1 : 0;
            return n;
        });
        var parsed = new List<ReceivedFields>();
        foreach (string value in received) parsed.Add(ReceivedParser.Parse(value));
        Measure("RangeIndex.Answer (every hop's address)", () =>
        {
            long n = 0;
            foreach (ReceivedFields fields in parsed)
            {
                if (fields.Address.HasValue && index.Answer(fields.Address.Value, null).Range != null) n++;
            }
            return n;
        });
        Measure("MicrosoftHosts (every hop's by)", () =>
        {
            long n = 0;
            foreach (ReceivedFields fields in parsed)
            {
                if (MicrosoftHosts.IsMicrosoft365(fields)) n++;
                if (MicrosoftHosts.IsFrontEnd(fields)) n++;
            }
            return n;
        });
        Measure("StampParser (every header's name, stamps' fields)", () =>
        {
            long n = 0;
            foreach (HeaderBlock block in blocks)
            {
                foreach (HeaderField field in block.Fields)
                {
                    if (StampParser.TryGetFormat(field.Name, out StampFormat format)) n += StampParser.Fields(format, field.Value).Count;
                }
            }
            return n;
        });
        Measure("MessageSummary.Of", () =>
        {
            long n = 0;
            foreach (HeaderBlock block in blocks) n += MessageSummary.Of(block).Subject?.Length ?? 0;
            return n;
        });
        Measure("RouteAnalyzer.Analyze (whole)", () =>
        {
            long n = 0;
            foreach (HeaderBlock block in blocks) n += analyzer.Analyze(block, "x", null).Hops.Count;
            return n;
        });
        Measure("read + parse + analyze", () =>
        {
            long n = 0;
            foreach (string path in paths) n += analyzer.Analyze(HeaderBlock.Parse(HeaderFileReader.ReadHeaderText(path), path), path, null).Hops.Count;
            return n;
        });

        // As in a script that keeps what it reads ($r = ...): the collector copies and marks what each side keeps.
        var kept = new object[paths.Length];
        void Release()
        {
            Array.Clear(kept, 0, kept.Length);
            GC.Collect();
        }
        Measure("floor, each header text kept", () =>
        {
            long n = 0;
            for (int i = 0; i < paths.Length; i++) n += ((string)(kept[i] = string.Join("\n", File.ReadLines(paths[i]).TakeWhile(line => line.Length > 0)))).Length;
            return n;
        }, Release);
        Measure("read + parse + analyze, each result kept", () =>
        {
            long n = 0;
            for (int i = 0; i < paths.Length; i++)
            {
                var result = analyzer.Analyze(HeaderBlock.Parse(HeaderFileReader.ReadHeaderText(paths[i]), paths[i]), paths[i], null);
                kept[i] = result;
                n += result.Hops.Count;
            }
            return n;
        }, Release);
    }
}
