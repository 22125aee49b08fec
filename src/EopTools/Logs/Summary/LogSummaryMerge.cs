using System;
using System.Collections.Generic;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>
    /// Merges -Summary rows of several runs into the summary of one run over all their files, read in the order of
    /// computer, then path (the order Get-ChildItem lists a server's logs in, which for Exchange's names is time):
    /// lines and sessions summed, first and last seen the earliest and latest, files united in that order, the first
    /// <see cref="AddressTally.MaxHostNames"/> host names in that order, and, beyond
    /// <see cref="LogSummaryBuilder.MaxNotAnAddressValues"/> values that are not addresses, those of the smallest
    /// hashes, as <see cref="LogSummaryBuilder"/> keeps them. Exact whenever each run read a run of consecutive files
    /// in that order (a server's files, a day's, a file): the first names of a run's files then the next run's are the
    /// first names of all of them, and a value among the smallest hashes of all is among the smallest of each run that
    /// saw it, so each run kept it with all its lines. IsEop and Range are answered from the given index.
    /// </summary>
    internal sealed class LogSummaryMerge
    {
        private readonly List<LogSummaryRow> _rows = new List<LogSummaryRow>();

        public int Count => _rows.Count;

        public void Add(LogSummaryRow row) => _rows.Add(row);

        /// <summary>The merged rows, most lines first.</summary>
        public List<EopLogSummary> Rows(RangeIndex index)
        {
            // Every file once, by computer then path.
            var order = new SortedDictionary<KeyValuePair<string, string>, int>(FileOrder.Instance);
            foreach (LogSummaryRow row in _rows)
            {
                foreach (string path in row.Paths) order[new KeyValuePair<string, string>(row.Computer, path)] = 0;
            }
            var files = new string[order.Count];
            var computers = new string[order.Count];
            var positions = new Dictionary<KeyValuePair<string, string>, int>(order.Count, FileOrder.Instance);
            foreach (KeyValuePair<string, string> file in order.Keys)
            {
                files[positions.Count] = file.Value;
                computers[positions.Count] = file.Key;
                positions.Add(file, positions.Count);
            }

            // Each row's files by position, and the rows in the order of their first file, as one run reads them.
            var tallies = new List<KeyValuePair<LogSummaryRow, AddressTally>>(_rows.Count);
            foreach (LogSummaryRow row in _rows)
            {
                var tally = new AddressTally(row.Address ?? default, row.Address.HasValue ? index.Answer(row.Address.Value, null) : index.NotEop);
                tally.AddCounts(row.Lines, row.Sessions, row.FirstSeen, row.LastSeen);
                foreach (string name in row.HostNames) tally.AddHostName(name);
                foreach (string path in row.Paths) tally.Files.Add(positions[new KeyValuePair<string, string>(row.Computer, path)]);
                tally.Files.Sort();
                tallies.Add(new KeyValuePair<LogSummaryRow, AddressTally>(row, tally));
            }
            tallies.Sort((a, b) => First(a.Value).CompareTo(First(b.Value)));

            var summary = new LogSummaryBuilder(-1, index.NotEop);
            foreach (KeyValuePair<LogSummaryRow, AddressTally> pair in tallies)
            {
                if (pair.Key.Address.HasValue) summary.Merge(pair.Key.Address.Value, pair.Value);
                else summary.Merge(pair.Key.Remote, pair.Value);
            }
            // Runs that overlap in files (not a split) still give each file once, in order.
            foreach (AddressTally tally in summary.Addresses.Values) SortFiles(tally);
            foreach (AddressTally tally in summary.NotAddresses.Values) SortFiles(tally);
            return LogSummaryRows.Of(summary, files, computers);
        }

        private static int First(AddressTally tally) => tally.Files.Count == 0 ? int.MaxValue : tally.Files[0];

        private static void SortFiles(AddressTally tally)
        {
            List<int> files = tally.Files;
            files.Sort();
            int kept = 0;
            for (int i = 0; i < files.Count; i++)
            {
                if (kept == 0 || files[kept - 1] != files[i]) files[kept++] = files[i];
            }
            files.RemoveRange(kept, files.Count - kept);
        }

        /// <summary>Computers by name in any case, then paths as written.</summary>
        private sealed class FileOrder : IComparer<KeyValuePair<string, string>>, IEqualityComparer<KeyValuePair<string, string>>
        {
            public static readonly FileOrder Instance = new FileOrder();

            public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
            {
                int computer = StringComparer.OrdinalIgnoreCase.Compare(x.Key, y.Key);
                return computer != 0 ? computer : string.CompareOrdinal(x.Value, y.Value);
            }

            public bool Equals(KeyValuePair<string, string> x, KeyValuePair<string, string> y) => Compare(x, y) == 0;

            public int GetHashCode(KeyValuePair<string, string> file) =>
                StringComparer.OrdinalIgnoreCase.GetHashCode(file.Key) * 31 + StringComparer.Ordinal.GetHashCode(file.Value);
        }
    }
}
