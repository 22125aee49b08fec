using System;
using System.Collections.Generic;
using System.Linq;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>The rows of a summary, most lines first, each with its files (and their computers) by name.</summary>
    internal static class LogSummaryRows
    {
        /// <param name="files">The files by the index the tallies name them by, in the order they were read.</param>
        /// <param name="computers">The computer of each file ("" for none); null when every file is this computer's.</param>
        public static List<EopLogSummary> Of(LogSummaryBuilder summary, IReadOnlyList<string> files, IReadOnlyList<string>? computers = null)
        {
            // Addresses seen in the same files share their lists.
            var shared = new Dictionary<string, KeyValuePair<EopList<string>, EopList<string>?>>();
            KeyValuePair<EopList<string>, EopList<string>?> Where(AddressTally tally)
            {
                string key = string.Join(",", tally.Files);
                if (shared.TryGetValue(key, out KeyValuePair<EopList<string>, EopList<string>?> where)) return where;
                var paths = new string[tally.Files.Count];
                var names = new List<string>();
                for (int i = 0; i < paths.Length; i++)
                {
                    paths[i] = files[tally.Files[i]];
                    string? computer = computers?[tally.Files[i]];
                    if (!string.IsNullOrEmpty(computer) && !names.Contains(computer!, StringComparer.OrdinalIgnoreCase)) names.Add(computer!);
                }
                where = new KeyValuePair<EopList<string>, EopList<string>?>(new EopList<string>(paths), computers == null ? null : EopList<string>.Of(names));
                shared.Add(key, where);
                return where;
            }

            var rows = new List<EopLogSummary>(summary.Addresses.Count + summary.NotAddresses.Count);
            foreach (KeyValuePair<IpAddressValue, AddressTally> pair in summary.Addresses)
            {
                KeyValuePair<EopList<string>, EopList<string>?> where = Where(pair.Value);
                rows.Add(new EopLogSummary(pair.Key.ToString(), pair.Key.ToIPAddress(), pair.Value, where.Key, where.Value));
            }
            foreach (KeyValuePair<string, AddressTally> pair in summary.NotAddresses)
            {
                KeyValuePair<EopList<string>, EopList<string>?> where = Where(pair.Value);
                rows.Add(new EopLogSummary(pair.Key, null, pair.Value, where.Key, where.Value));
            }
            rows.Sort((a, b) => a.Lines != b.Lines ? b.Lines.CompareTo(a.Lines) : string.CompareOrdinal(a.Remote, b.Remote));
            return rows;
        }
    }
}
