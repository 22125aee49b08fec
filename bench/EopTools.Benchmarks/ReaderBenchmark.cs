using System;
using System.Collections.Generic;
using System.Diagnostics;
using EopTools.Parsing;
using EopTools.Tests;

/// <summary>
/// Times RangeFileReader.ReadText on one crafted input (HostileInputs) at a size and at twice that, for
/// bench/Measure-Readers.ps1. Most crafted inputs are read in 2-30 ms, and each read allocates five or six copies of its
/// input on the large object heap: whether one read pays for a full collection or for fresh pages depends on what the
/// reads before it left, so a timing of one read swung from 3 to 200 ms and the 2x ratio of a linear reader from 0.3 to
/// 4. So each timing is as many reads as take at least <see cref="MinTimingMs"/> (the same count at both sizes), from a
/// collected heap, after a warm-up timing of each size; which size goes first alternates; medians of the rounds.
/// </summary>
internal static class ReaderBenchmark
{
    private const double MinTimingMs = 250;

    public static void Run(string input, int bytes, int rounds)
    {
        string one = HostileInputs.Create(input, bytes), two = HostileInputs.Create(input, 2 * bytes);
        // The first, cold reads of each size would make the count of reads too small for the slower inputs.
        string outcome = Outcome(one, input);
        Outcome(two, input);

        // Doubling the reads until a timing is long enough is also the warm-up of the smaller size (JIT tiers, heap size).
        int reads = 1;
        while (Time(one, input, reads).Ms < MinTimingMs) reads *= 2;
        Time(two, input, reads);

        var perRead = new List<double>();
        var ratios = new List<double>();
        var allocationRatios = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            (double Ms, long Bytes) first, second;
            if (round % 2 == 0)
            {
                first = Time(one, input, reads);
                second = Time(two, input, reads);
            }
            else
            {
                second = Time(two, input, reads);
                first = Time(one, input, reads);
            }
            perRead.Add(first.Ms / reads);
            ratios.Add(second.Ms / first.Ms);
            allocationRatios.Add((double)second.Bytes / first.Bytes);
        }
        // One line for the script: input, length, median ms per read at <bytes>, median 2x time ratio, median 2x
        // allocation ratio, reads per timing, what the reader made of it.
        Console.WriteLine(FormattableString.Invariant(
            $"reader {input} {one.Length} {Median(perRead):F2} {Median(ratios):F2} {Median(allocationRatios):F2} {reads} {outcome}"));
    }

    private static (double Ms, long Bytes) Time(string text, string source, int reads)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (int read = 0; read < reads; read++) Outcome(text, source);
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static string Outcome(string text, string source)
    {
        try
        {
            RangeData data = RangeFileReader.ReadText(text, source);
            return data.Ranges.Count + " ranges, " + data.Diagnostics.Count + " warnings";
        }
        catch (RangeDataException e)
        {
            return e.ErrorId;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
