using System;
using System.Text;

namespace EopTools.Logs
{
    /// <summary>
    /// Splits one log line (UTF-8 bytes) into fields in place: the bounds go into arrays the caller owns and reuses, so
    /// a line costs no allocation. Comma-separated lines (Exchange logs, CSV exports) follow RFC 4180 quoting strictly: a
    /// value is either plain (no quote in it) or wholly quoted with "" for a quote; anything else is a malformed line.
    /// W3C extended lines (IIS, HTTP.SYS, IIS Advanced Logging) are split on runs of spaces, and a value that starts
    /// with a quote is a quoted string, as the W3C format allows. One pass over the line (two for a W3C line whose
    /// quotes do not read), no backtracking.
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
        private const byte Comma = (byte)',';
        private const byte Space = (byte)' ';

        /// <summary>
        /// Splits text[start..end) as <paramref name="layout"/>'s lines are written: returns the number of fields (at
        /// most starts.Length + 1, which means "too many"), or -1 when quoting is malformed. The bounds are positions in
        /// <paramref name="text"/>; a quoted field's exclude its quotes.
        /// </summary>
        public static int Split(byte[] text, int start, int end, LogLayout layout, int[] starts, int[] ends) =>
            layout.Delimiter == Space ? SplitW3C(text, start, end, layout.Columns.Length, starts, ends) : SplitCsv(text, start, end, starts, ends);

        /// <summary>Splits a comma-separated line (see <see cref="Split(byte[], int, int, LogLayout, int[], int[])"/>).</summary>
        public static int SplitCsv(byte[] text, int start, int end, int[] starts, int[] ends)
        {
            const byte delimiter = Comma;
            // Most lines have no quote at all: one vectorized search says so, and they split on the delimiter alone.
            int nextQuote = Array.IndexOf(text, Quote, start, end - start);
            if (nextQuote < 0) return SplitPlainFrom(text, start, end, delimiter, starts, ends, 0);
            int capacity = starts.Length;
            int count = 0, i = start;
            while (true)
            {
                if (count == capacity) return capacity + 1;
                if (i == nextQuote)
                {
                    int quote = ClosingQuote(text, i + 1, end);
                    if (quote < 0) return -1;
                    starts[count] = i + 1;
                    ends[count] = quote;
                    count++;
                    i = quote + 1;
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

        /// <summary>
        /// Splits a W3C extended line into <paramref name="columns"/> fields: separated by one space or more (IIS writes
        /// runs of them), spaces before the first and after the last ignored. A value that starts with a quote runs to
        /// its closing quote, "" being a quote in it (IIS Advanced Logging quotes values that hold spaces), and the
        /// closing quote ends the field. IIS's own format never quotes, and its user agents may hold quotes: a line
        /// whose quoting does not read, or reads to another number of fields, is split again on spaces alone, and that
        /// split is taken when it gives the header's number of fields.
        /// </summary>
        public static int SplitW3C(byte[] text, int start, int end, int columns, int[] starts, int[] ends)
        {
            int quotedCount = SplitSpaced(text, start, end, quoted: true, starts, ends, out bool sawQuote);
            if (quotedCount == columns || !sawQuote) return quotedCount;
            int plainCount = SplitSpaced(text, start, end, quoted: false, starts, ends, out _);
            return plainCount == columns || quotedCount < 0 ? plainCount : quotedCount;
        }

        /// <param name="sawQuote">A field started with a quote (only then can a split on spaces alone differ).</param>
        private static int SplitSpaced(byte[] text, int start, int end, bool quoted, int[] starts, int[] ends, out bool sawQuote)
        {
            sawQuote = false;
            int capacity = starts.Length;
            int count = 0, i = start;
            while (true)
            {
                while (i < end && text[i] == Space) i++;
                if (i == end) return count;
                if (count == capacity) return capacity + 1;
                if (quoted && text[i] == Quote)
                {
                    sawQuote = true;
                    int quote = ClosingQuote(text, i + 1, end);
                    if (quote < 0) return -1;
                    starts[count] = i + 1;
                    ends[count] = quote;
                    count++;
                    i = quote + 1;
                    if (i < end && text[i] != Space) return -1;
                    continue;
                }
                int fieldEnd = Array.IndexOf(text, Space, i, end - i);
                starts[count] = i;
                if (fieldEnd < 0)
                {
                    ends[count] = end;
                    return count + 1;
                }
                ends[count] = fieldEnd;
                count++;
                i = fieldEnd + 1;
            }
        }

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

        /// <summary>The closing quote of a quoted value that starts at <paramref name="valueStart"/> ("" is a quote in it), or -1.</summary>
        private static int ClosingQuote(byte[] text, int valueStart, int end)
        {
            int search = valueStart;
            while (search < end)
            {
                int quote = Array.IndexOf(text, Quote, search, end - search);
                if (quote < 0) return -1;
                if (quote + 1 == end || text[quote + 1] != Quote) return quote;
                search = quote + 2;
            }
            return -1;
        }

        /// <summary>
        /// The value of a field of the line that starts at <paramref name="lineStart"/>, as text: a quoted value without
        /// its quotes and with "" read as one quote.
        /// </summary>
        public static string Value(byte[] text, int lineStart, int start, int end)
        {
            string value = Encoding.UTF8.GetString(text, start, end - start);
            if (start > lineStart && text[start - 1] == Quote && value.IndexOf('"') >= 0) value = value.Replace("\"\"", "\"");
            return value;
        }
    }
}
