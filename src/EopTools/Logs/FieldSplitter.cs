using System;
using System.Text;

namespace EopTools.Logs
{
    /// <summary>
    /// Splits one log line (UTF-8 bytes) into fields in place: the bounds go into arrays the caller owns and reuses, so
    /// a line costs no allocation. Comma-separated lines (Exchange logs, CSV exports) follow RFC 4180 quoting strictly: a
    /// value is either plain (no quote in it) or wholly quoted with "" for a quote; anything else is a malformed line.
    /// W3C space-separated lines (IIS) have no quoting. One pass over the line, no backtracking.
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
        private const byte Quote = (byte)'"';

        /// <summary>
        /// Splits text[start..end): returns the number of fields (at most starts.Length + 1, which means "too many"), or
        /// -1 when quoting is malformed. The bounds are positions in <paramref name="text"/>; a quoted field's exclude
        /// its quotes.
        /// </summary>
        public static int Split(byte[] text, int start, int end, byte delimiter, bool quoted, int[] starts, int[] ends)
        {
            // Most lines have no quote at all: one vectorized search says so, and they split on the delimiter alone.
            int nextQuote = quoted ? Array.IndexOf(text, Quote, start, end - start) : -1;
            if (nextQuote < 0) return SplitPlain(text, start, end, delimiter, starts, ends);
            int capacity = starts.Length;
            int count = 0, i = start;
            while (true)
            {
                if (count == capacity) return capacity + 1;
                if (i == nextQuote)
                {
                    int valueStart = i + 1, search = valueStart;
                    while (true)
                    {
                        int quote = search < end ? Array.IndexOf(text, Quote, search, end - search) : -1;
                        if (quote < 0) return -1;
                        if (quote + 1 < end && text[quote + 1] == Quote)
                        {
                            search = quote + 2;
                            continue;
                        }
                        starts[count] = valueStart;
                        ends[count] = quote;
                        count++;
                        i = quote + 1;
                        break;
                    }
                    if (i == end) return count;
                    if (text[i] != delimiter) return -1;
                    i++;
                    nextQuote = i < end ? Array.IndexOf(text, Quote, i, end - i) : -1;
                    if (nextQuote < 0) return SplitPlainFrom(text, i, end, delimiter, starts, ends, count);
                    continue;
                }
                // A plain field runs to the next delimiter, and a quote before that is one inside a plain value.
                int fieldEnd = Array.IndexOf(text, delimiter, i, nextQuote - i);
                if (fieldEnd < 0) return -1;
                starts[count] = i;
                ends[count] = fieldEnd;
                count++;
                i = fieldEnd + 1;
            }
        }

        private static int SplitPlain(byte[] text, int start, int end, byte delimiter, int[] starts, int[] ends) =>
            SplitPlainFrom(text, start, end, delimiter, starts, ends, 0);

        /// <summary>Splits the rest of a line that has no quote, after <paramref name="count"/> fields already found.</summary>
        private static int SplitPlainFrom(byte[] text, int start, int end, byte delimiter, int[] starts, int[] ends, int count)
        {
            int capacity = starts.Length;
            int fieldStart = start;
            while (true)
            {
                if (count == capacity) return capacity + 1;
                // Array.IndexOf on bytes is vectorized on .NET Core: a field costs one search, not a test per byte.
                int fieldEnd = fieldStart < end ? Array.IndexOf(text, delimiter, fieldStart, end - fieldStart) : -1;
                starts[count] = fieldStart;
                if (fieldEnd < 0)
                {
                    ends[count] = end;
                    return count + 1;
                }
                ends[count] = fieldEnd;
                count++;
                fieldStart = fieldEnd + 1;
            }
        }

        /// <summary>The value of a field as text: a quoted value without its quotes and with "" read as one quote.</summary>
        public static string Value(byte[] text, int start, int end, bool quoted)
        {
            string value = Encoding.UTF8.GetString(text, start, end - start);
            if (quoted && start > 0 && text[start - 1] == Quote && value.IndexOf('"') >= 0) value = value.Replace("\"\"", "\"");
            return value;
        }
    }
}
