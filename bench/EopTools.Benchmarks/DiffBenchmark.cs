using System;
using System.Diagnostics;
using EopTools.Diff;
using EopTools.Parsing;

/// <summary>
/// Times RangeDiff.Compare, everything Export-EopRangeDiff does between reading and writing (grouping by table,
/// sorting, the sweep, the address lists and the change objects), best of the rounds after one warm-up round.
/// </summary>
internal static class DiffBenchmark
{
    public static void Run(int count, int seed, int rounds)
    {
        (RangeData reference, RangeData difference) = PrefixSetGenerator.Generate(count, seed);
        int changes = RangeDiff.Compare(reference, difference, includeUnchanged: false).Changes.Count;
        double best = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var watch = Stopwatch.StartNew();
            RangeDiffResult result = RangeDiff.Compare(reference, difference, includeUnchanged: false);
            watch.Stop();
            if (result.Changes.Count != changes) throw new InvalidOperationException("The diff is not deterministic.");
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        // One line for Measure-RangeDiff.ps1: reference count, difference count, changes, best milliseconds.
        Console.WriteLine(FormattableString.Invariant($"diff {reference.Ranges.Count} {difference.Ranges.Count} {changes} {best:F1}"));
    }
}
