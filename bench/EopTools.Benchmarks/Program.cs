using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

// Usage: EopTools.Benchmarks generate <file> <count> <seed>   writes the benchmark's addresses, one per line
//        EopTools.Benchmarks core <file> [rounds]              IPAddress.Parse alone against strict parse plus lookup
//        EopTools.Benchmarks diff <count> <seed> [rounds]      the diff engine on two generated versions of <count> prefixes
//        EopTools.Benchmarks result <file> [rounds]            EopIpTestResult.IPAddress re-parsed against stored
//        EopTools.Benchmarks reader <input> <bytes> [rounds]   the readers on one crafted input (HostileInputs) at <bytes> and twice that
//        EopTools.Benchmarks logcore <file> [file] [rounds]         where a log line's time goes, step by step
//        EopTools.Benchmarks logs <folder> <protocol lines> <tracking lines> <seed>   writes the log benchmark's files
//        EopTools.Benchmarks messages <folder> <count> <seed>   writes the message header benchmark's .eml files
//        EopTools.Benchmarks headercore <folder> [rounds]      where a message's time goes, step by step
if (args[0] == "generate")
{
    File.WriteAllLines(args[1], AddressGenerator.Generate(EopSession.Seed, int.Parse(args[2]), int.Parse(args[3])));
    return;
}
if (args[0] == "logs")
{
    LogGenerator.Write(args[1], int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]));
    return;
}
if (args[0] == "messages")
{
    MessageGenerator.Write(args[1], int.Parse(args[2]), int.Parse(args[3]));
    return;
}
if (args[0] == "headercore")
{
    HeaderCoreBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 3);
    return;
}
if (args[0] == "logcore")
{
    LogCoreBenchmark.Run(args[1], args.Length > 2 ? args[2] : null, args.Length > 3 ? int.Parse(args[3]) : 3);
    return;
}
if (args[0] == "diff")
{
    DiffBenchmark.Run(int.Parse(args[1]), int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 5);
    return;
}

if (args[0] == "reader")
{
    ReaderBenchmark.Run(args[1], int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 7);
    return;
}

string[] addresses = File.ReadAllLines(args[1]);
int rounds = args.Length > 2 ? int.Parse(args[2]) : 5;
if (args[0] == "result")
{
    ResultReadBenchmark.Run(addresses, rounds);
    return;
}
RangeIndex index = EopSession.Seed;
var parsed = new IpAddressValue[addresses.Length];
for (int i = 0; i < addresses.Length; i++) AddressInput.TryParse(addresses[i], out parsed[i], out _);

// Best of the rounds, after one warm-up round, in nanoseconds per address.
double Measure(Func<int> body)
{
    body();
    long best = long.MaxValue;
    for (int round = 0; round < rounds; round++)
    {
        var watch = Stopwatch.StartNew();
        body();
        best = Math.Min(best, watch.ElapsedTicks);
    }
    return best * 1e9 / Stopwatch.Frequency / addresses.Length;
}

double framework = Measure(() =>
{
    int count = 0;
    foreach (string text in addresses)
    {
        if (IPAddress.TryParse(text, out IPAddress? address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) count++;
    }
    return count;
});
double module = Measure(() =>
{
    int count = 0;
    foreach (string text in addresses)
    {
        if (AddressInput.TryParse(text, out IpAddressValue address, out _) && index.Find(address) != null) count++;
    }
    return count;
});
double parseOnly = Measure(() =>
{
    int count = 0;
    foreach (string text in addresses)
    {
        if (AddressInput.TryParse(text, out IpAddressValue address, out _) && address.Family == EopTools.IPAddressFamily.IPv4) count++;
    }
    return count;
});
double lookupOnly = Measure(() =>
{
    int count = 0;
    foreach (IpAddressValue address in parsed)
    {
        if (index.Find(address) != null) count++;
    }
    return count;
});

Console.WriteLine($"core: {addresses.Length} addresses, best of {rounds} rounds, ns per address");
Console.WriteLine($"  IPAddress.TryParse alone            {framework,7:F1}");
Console.WriteLine($"  strict parse + index lookup         {module,7:F1}   ratio {module / framework:F2} (target <= 1.00)");
Console.WriteLine($"    of which strict parse             {parseOnly,7:F1}");
Console.WriteLine($"    of which index lookup             {lookupOnly,7:F1}");
