using System;
using System.Diagnostics;
using System.Net;
using EopTools;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

/// <summary>
/// EopIpTestResult.IPAddress parses the result's input text again each time it is read, so a result holds two
/// references. The alternative stores the parsed address (24 bytes more per result). Admin scripts read a result more
/// often than they make it, so both are timed over the same pattern: make one result per address and keep them all
/// (as $r = Test-EopIpAddress ... does), then read IPAddress 0, 1 or 3 times each (Where-Object on IsEop reads none;
/// Export-Csv or Select-Object one; Group-Object, Sort-Object and an export three). Rounds alternate the two sides;
/// the figure is the median of the rounds' ratios, stored against re-parse.
/// </summary>
internal static class ResultReadBenchmark
{
    public static void Run(string[] addresses, int rounds)
    {
        RangeIndex index = EopSession.Seed;
        Console.WriteLine($"EopIpTestResult.IPAddress: {addresses.Length} results, make and keep them all, then read IPAddress n times each; median of {rounds} rounds, ns per result");
        foreach (int reads in new[] { 0, 1, 3 })
        {
            var reparse = new double[rounds];
            var stored = new double[rounds];
            for (int round = -1; round < rounds; round++)
            {
                double a = Time(() => Reparse(addresses, index, reads), addresses.Length);
                double b = Time(() => Stored(addresses, index, reads), addresses.Length);
                if (round < 0) continue;
                reparse[round] = a;
                stored[round] = b;
            }
            var ratios = new double[rounds];
            for (int i = 0; i < rounds; i++) ratios[i] = stored[i] / reparse[i];
            Console.WriteLine(FormattableString.Invariant(
                $"  {reads} reads: re-parse {Median(reparse),7:F1}   stored {Median(stored),7:F1}   stored/re-parse {Median(ratios):F2}"));
        }
    }

    private static long Reparse(string[] addresses, RangeIndex index, int reads)
    {
        var results = new EopIpTestResult[addresses.Length];
        for (int i = 0; i < addresses.Length; i++)
        {
            if (!AddressInput.TryParse(addresses[i], out IpAddressValue address, out _)) throw new InvalidOperationException(addresses[i]);
            results[i] = new EopIpTestResult(addresses[i], string.Empty, addresses[i], index.Answer(address, null));
        }
        long checksum = 0;
        for (int read = 0; read < reads; read++)
        {
            foreach (EopIpTestResult result in results) checksum += result.IPAddress.GetHashCode();
        }
        return checksum + results.Length;
    }

    private static long Stored(string[] addresses, RangeIndex index, int reads)
    {
        var results = new StoredAddressResult[addresses.Length];
        for (int i = 0; i < addresses.Length; i++)
        {
            if (!AddressInput.TryParse(addresses[i], out IpAddressValue address, out _)) throw new InvalidOperationException(addresses[i]);
            results[i] = new StoredAddressResult(addresses[i], index.Answer(address, null), address);
        }
        long checksum = 0;
        for (int read = 0; read < reads; read++)
        {
            foreach (StoredAddressResult result in results) checksum += result.IPAddress.GetHashCode();
        }
        return checksum + results.Length;
    }

    private static double Time(Func<long> body, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        body();
        return watch.Elapsed.TotalMilliseconds * 1e6 / count;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The alternative measured: the result as it is, plus the parsed address.</summary>
    private sealed class StoredAddressResult
    {
        private readonly EopAnswer _answer;
        private readonly IpAddressValue _address;

        public StoredAddressResult(string input, EopAnswer answer, IpAddressValue address)
        {
            Input = input;
            _answer = answer;
            _address = address;
        }

        public string Input { get; }

        public IPAddress IPAddress => _address.ToIPAddress();

        public bool IsEop => _answer.Range != null;
    }
}
