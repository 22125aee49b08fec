// net10.0 only: the net472 run is Mono on Linux, which does not enforce FileShare.None between processes (two mono
// processes both opened one file with FileShare.None, checked with Mono 6.8), so the writers' lock cannot hold there.
// .NET Framework on Windows, where Windows PowerShell 5.1 runs, enforces it through the OS; .NET on Linux with flock.
#if NET
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EopTools.Sources;
using EopTools.Update;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// Updates in separate processes (two scheduled tasks, an admin's session) against new sessions reading the cache:
    /// 8 writers import files of four formats 10 times each while 4 readers load the cache without a pause. A reader
    /// must never find no cache (a new session would answer from the 2018 seed), and one valid file must remain, with
    /// one valid file of the data before it.
    /// </summary>
    public sealed class CacheConcurrencyTests : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
        private readonly TempFolder _root = new TempFolder();
        private readonly List<Contender> _contenders = new List<Contender>();

        public void Dispose()
        {
            foreach (Contender contender in _contenders)
            {
                if (!contender.Process.HasExited) contender.Process.Kill();
                contender.Process.Dispose();
            }
            _root.Dispose();
        }

        [Fact]
        public async Task EightWritersAndFourReadersInProcessesLeaveOneValidFileThatEveryReaderFinds()
        {
            string folder = _root.PathOf("cache"), signals = _root.PathOf("signals");
            Directory.CreateDirectory(signals);
            var cache = new CacheStore(folder);
            RangeUpdater.Import(cache, EopInstance.Worldwide, TestPaths.Fixture("endpoints.json"), force: true, DateTime.UtcNow, (target, action) => true, new List<Diagnostic>());
            // Four formats: in the earlier layout (a file name per extension) each import deleted the others' files.
            string[] files = { "endpoints.json", "page-regions.md", "ranges.txt", "O365IPAddresses.xml" };
            for (int i = 1; i <= 8; i++) Start(folder, signals, "write", "writer-" + i, TestPaths.Fixture(files[i % files.Length]), "10");
            for (int i = 1; i <= 4; i++) Start(folder, signals, "read", "reader-" + i);
            WaitFor(() => _contenders.All(c => File.Exists(Path.Combine(signals, c.Name))), "every contender to start");

            File.WriteAllText(Path.Combine(signals, "go"), "");
            foreach (Contender writer in _contenders.Where(c => c.Name.StartsWith("writer", StringComparison.Ordinal))) Finish(writer);
            File.WriteAllText(Path.Combine(signals, "done"), "");
            foreach (Contender reader in _contenders.Where(c => c.Name.StartsWith("reader", StringComparison.Ordinal))) Finish(reader);

            foreach (Contender contender in _contenders)
            {
                string output = await contender.Output, errors = await contender.Errors;
                Assert.True(contender.Process.ExitCode == 0, contender.Name + " failed: " + errors + output);
                Assert.Equal("", errors);
                string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (contender.Name.StartsWith("writer", StringComparison.Ordinal))
                {
                    Assert.Equal(new[] { "written 10" }, lines);
                    continue;
                }
                // The reader's own count of reads varies with the machine's load; none may have found no cache.
                Assert.Matches("^[1-9][0-9]* reads, 0 from the seed, 0 problems$", string.Join(" | ", lines));
            }
            Assert.Equal(new[] { "previous.cache", "ranges.cache", "ranges.lock" }, Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            var problems = new List<Diagnostic>();
            CachedRanges current = cache.Load(null, problems)!, previous = cache.LoadPrevious(null, problems)!;
            Assert.Equal("Worldwide", current.Instance);
            Assert.Equal("Worldwide", previous.Instance);
            // The previous data is what the cache held before its ranges last changed: other ranges than the current ones.
            Assert.False(RangeUpdater.SameRanges(current.Data, previous.Data));
            Assert.Empty(problems);
        }

        private void Start(string folder, string signals, params string[] arguments)
        {
            string contender = Path.Combine(AppContext.BaseDirectory, "CacheContender.dll");
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(contender);
            info.ArgumentList.Add(arguments[0]);
            info.ArgumentList.Add(folder);
            info.ArgumentList.Add(signals);
            foreach (string argument in arguments.Skip(1)) info.ArgumentList.Add(argument);
            Process process = Process.Start(info)!;
            _contenders.Add(new Contender(arguments[1], process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()));
        }

        private void Finish(Contender contender)
        {
            Assert.True(contender.Process.WaitForExit((int)Limit.TotalMilliseconds), contender.Name + " did not finish within " + Limit.TotalSeconds + " seconds.");
        }

        private void WaitFor(Func<bool> condition, string what)
        {
            var waited = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(waited.Elapsed < Limit && _contenders.All(c => !c.Process.HasExited),
                    "Waited " + waited.Elapsed.TotalSeconds.ToString("0") + " s for " + what + "; a contender that exited says why on its standard error.");
                System.Threading.Thread.Sleep(20);
            }
        }

        private sealed record Contender(string Name, Process Process, Task<string> Output, Task<string> Errors);
    }
}
#endif
