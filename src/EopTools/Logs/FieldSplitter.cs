namespace EopTools.Logs
{
    /// <summary>
    /// Splits one log line into fields in place: the bounds go into arrays the caller owns and reuses, so a line costs
    /// no allocation. Comma-separated lines (Exchange logs, CSV exports) follow RFC 4180 quoting strictly: a value is
    /// either plain (no quote in it) or wholly quoted with "" for a quote; anything else is a malformed line. W3C
    /// space-separated lines (IIS) have no quoting. One pass over the line, no backtracking.
    /// </summary>
    /// <remarks>
    /// Why not a CSV library: CsvHelper's netstandard2.0 build needs System.Memory, Microsoft.Bcl.AsyncInterfaces and
    /// Microsoft.Bcl.HashCode, whose versions clash with the ones PowerShell 7 loads and which Windows PowerShell 5.1
    /// lacks; Sep targets .NET 7 and later only. Sylvan.Data.Csv (netstandard2.0, no dependencies) would load, but its
    /// rows do not keep the line's text, so a record's values could not be built lazily (each field would be copied
    /// per line); a '#Fields:' header that changes in the middle of a file (a restarted log) and W3C directives are
    /// outside its model; and a second DLL in a Windows PowerShell session conflicts with any other module that loads
    /// another version of it. A log line needs only this splitter.
    /// </remarks>
    internal static class FieldSplitter
    {
        /// <summary>
        /// Splits <paramref name="line"/>: returns the number of fields (at most starts.Length + 1, which means "too
        /// many"), or -1 when quoting is malformed. A quoted field's bounds exclude its quotes.
        /// </summary>
        public static int Split(string line, char delimiter, bool quoted, int[] starts, int[] ends)
        {
            // Most lines have no quote at all: one vectorized search says so, and they split on the delimiter alone.
            if (!quoted || line.IndexOf('"') < 0) return SplitPlain(line, delimiter, starts, ends);
            int capacity = starts.Length;
            int count = 0, i = 0, length = line.Length;
            char[] stops = delimiter == ',' ? CommaOrQuote : new[] { delimiter, '"' };
            while (true)
            {
                if (count == capacity) return capacity + 1;
                if (quoted && i < length && line[i] == '"')
                {
                    int start = i + 1, search = start;
                    while (true)
                    {
                        int quote = line.IndexOf('"', search);
                        if (quote < 0) return -1;
                        if (quote + 1 < length && line[quote + 1] == '"')
                        {
                            search = quote + 2;
                            continue;
                        }
                        starts[count] = start;
                        ends[count] = quote;
                        count++;
                        i = quote + 1;
                        break;
                    }
                    if (i == length) return count;
                    if (line[i] != delimiter) return -1;
                    i++;
                    continue;
                }
                int next = line.IndexOfAny(stops, i);
                if (next >= 0 && line[next] == '"') return -1;
                int end = next < 0 ? length : next;
                starts[count] = i;
                ends[count] = end;
                count++;
                if (next < 0) return count;
                i = next + 1;
            }
        }

        private static int SplitPlain(string line, char delimiter, int[] starts, int[] ends)
        {
            int capacity = starts.Length;
            int count = 0, i = 0;
            while (true)
            {
                if (count == capacity) return capacity + 1;
                int next = line.IndexOf(delimiter, i);
                starts[count] = i;
                if (next < 0)
                {
                    ends[count] = line.Length;
                    return count + 1;
                }
                ends[count] = next;
                count++;
                i = next + 1;
            }
        }

        /// <summary>The value of a field as text: a quoted value without its quotes and with "" read as one quote.</summary>
        public static string Value(string line, int start, int end, bool quoted)
        {
            string value = line.Substring(start, end - start);
            if (quoted && start > 0 && line[start - 1] == '"' && value.IndexOf('"') >= 0) value = value.Replace("\"\"", "\"");
            return value;
        }

        private static readonly char[] CommaOrQuote = { ',', '"' };
    }
}
