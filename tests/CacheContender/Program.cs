using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EopTools.Sources;
using EopTools.Update;

namespace EopTools.CacheContender
{
    /// <summary>
    /// One competitor for the cache folder, as CacheConcurrencyTests starts them: it says it is ready (a file named after it
    /// in the signal folder), waits for "go", then either imports a file again and again as Update-EopIpRange -Path does
    /// ("write"), or loads the cache as a new session does until "done" appears ("read"), and prints what it saw.
    /// </summary>
    internal static class Program
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

        private static int Main(string[] args)
        {
            if (args.Length < 4 || (args[0] == "write" && args.Length != 6) || (args[0] != "write" && args[0] != "read"))
            {
                Console.Error.WriteLine("usage: CacheContender write <cache folder> <signal folder> <name> <file> <count> | read <cache folder> <signal folder> <name>");
                return 2;
            }
            var cache = new CacheStore(args[1]);
            string signals = args[2];
            File.WriteAllText(Path.Combine(signals, args[3]), "");
            DateTime until = DateTime.UtcNow + Limit;
            while (!File.Exists(Path.Combine(signals, "go")))
            {
                if (DateTime.UtcNow > until) return Fail("no go within " + Limit.TotalSeconds + " seconds");
                Thread.Sleep(5);
            }
            return args[0] == "write" ? Write(cache, args[4], int.Parse(args[5])) : Read(cache, signals, until);
        }

        private static int Write(CacheStore cache, string file, int count)
        {
            for (int i = 0; i < count; i++)
            {
                RangeUpdater.Import(cache, EopInstance.Worldwide, file, force: true, DateTime.UtcNow, (target, action) => true, new List<Diagnostic>());
            }
            Console.WriteLine("written " + count);
            return 0;
        }

        private static int Read(CacheStore cache, string signals, DateTime until)
        {
            int reads = 0, seed = 0;
            var problems = new List<Diagnostic>();
            while (!File.Exists(Path.Combine(signals, "done")))
            {
                if (DateTime.UtcNow > until) return Fail("no done within " + Limit.TotalSeconds + " seconds");
                reads++;
                if (cache.Load(null, problems) == null) seed++;
            }
            Console.WriteLine(reads + " reads, " + seed + " from the seed, " + problems.Count + " problems");
            foreach (Diagnostic problem in problems.GetRange(0, Math.Min(3, problems.Count))) Console.WriteLine(problem);
            return 0;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine(message);
            return 1;
        }
    }
}
