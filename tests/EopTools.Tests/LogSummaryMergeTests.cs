using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EopTools.Logs;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// The merge property: the summaries of the runs of any cut of the files into consecutive runs, merged, are the
    /// summary of one run over all the files; checked on random logs (many host names per sender, more values that are
    /// not addresses than are kept, addresses in and out of EOP) cut at random places, the rows given in random order.
    /// </summary>
    public sealed class LogSummaryMergeTests : IDisposable
    {
        private readonly TempFolder _folder = new TempFolder();

        public void Dispose() => _folder.Dispose();

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void MergedRunsOfRandomCutsAreOneRun(int seed)
        {
            var random = new Random(seed);
            int fileCount = random.Next(2, 9);
            var paths = new List<string>();
            for (int file = 0; file < fileCount; file++) paths.Add(WriteRandomLog(random, file));

            List<string> oneRun = Describe(Rows(paths));
            for (int cut = 0; cut < 4; cut++)
            {
                var merge = new LogSummaryMerge();
                var rows = new List<EopLogSummary>();
                for (int start = 0; start < paths.Count;)
                {
                    int length = random.Next(1, paths.Count - start + 1);
                    rows.AddRange(Rows(paths.GetRange(start, length)));
                    start += length;
                }
                foreach (EopLogSummary row in rows.OrderBy(_ => random.Next()))
                {
                    merge.Add(new LogSummaryRow(row.Remote, row.IPAddress == null ? (Ranges.IpAddressValue?)null : Ranges.IpAddressValue.FromIPAddress(row.IPAddress),
                        row.Lines, row.Sessions, row.FirstSeen, row.LastSeen, row.HostNames, row.Path, string.Empty));
                }
                Assert.Equal(oneRun, Describe(merge.Rows(LogReaderTests.Index)));
            }
        }

        private string WriteRandomLog(Random random, int file)
        {
            var lines = new List<string> { "#Log-type: SMTP Receive Protocol Log", ExchangeLogLayout.ProtocolFields };
            int count = random.Next(50, 3000);
            for (int i = 0; i < count; i++)
            {
                int kind = random.Next(10);
                string remote = kind < 5 ? "203.0.113." + random.Next(1, 6)
                    : kind < 7 ? "40.92.70." + random.Next(1, 4)
                    : kind < 8 ? "2001:db8::" + random.Next(1, 4).ToString("x")
                    : "host" + random.Next(0, 1500) + ".contoso.com";
                string time = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc).AddHours(file).AddSeconds(random.Next(0, 3600)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
                string sequence = random.Next(3) == 0 ? "0" : "1";
                string eventText = sequence == "0" ? "+,," : "<,EHLO name" + random.Next(0, 40) + ".example,";
                lines.Add(time + ",EX01\\Default Frontend EX01,08DD" + i + "," + sequence + ",10.0.0.5:25," + remote + ":25," + eventText);
            }
            string path = _folder.PathOf("RECV" + file.ToString("00") + ".LOG");
            File.WriteAllLines(path, lines);
            return path;
        }

        private static List<EopLogSummary> Rows(List<string> paths)
        {
            using (var search = new LogSearch(paths, new LogReadOptions(null, null, LogSide.Both), LogReaderTests.Index, true, 0))
            {
                search.Start(2);
                foreach (object? item in search.Results(TimeSpan.FromMilliseconds(50)))
                {
                }
                return LogSummaryRows.Of(search.Summary!, paths);
            }
        }

        private static List<string> Describe(List<EopLogSummary> rows) => rows.Select(row =>
            row.Remote + ": " + row.Lines + " lines, " + row.Sessions + " sessions, " + row.FirstSeen?.ToString("o") + " - " + row.LastSeen?.ToString("o") +
            ", hosts " + string.Join("|", row.HostNames) + ", files " + string.Join("|", row.Path) + ", " + (row.Range?.Prefix ?? (row.IsAddress ? "not EOP" : "not an address"))).ToList();
    }
}
