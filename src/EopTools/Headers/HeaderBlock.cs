using System;
using System.Collections.Generic;
using System.Text;
using EopTools.IO;

namespace EopTools.Headers
{
    /// <summary>
    /// The header block of a message: the fields up to the first empty line, unfolded, with any line ending (CRLF, LF,
    /// CR alone, or a mix). An mbox "From " line and Outlook's "Microsoft Mail Internet Headers Version 2.0" line
    /// before the first field are skipped. One pass over the text; nothing after the empty line is looked at.
    /// </summary>
    internal sealed class HeaderBlock
    {
        private const string OutlookPreamble = "Microsoft Mail Internet Headers Version 2.0";

        private static readonly char[] LineEnds = { '\r', '\n' };

        private HeaderBlock(List<HeaderField> fields, List<string> problems)
        {
            Fields = fields;
            Problems = problems;
        }

        public IReadOnlyList<HeaderField> Fields { get; }

        /// <summary>Lines that are neither a field nor a continuation, each with its number; they are left out.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>The first field of that name (case-insensitive), or null.</summary>
        public HeaderField? First(string name)
        {
            foreach (HeaderField field in Fields)
            {
                if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)) return field;
            }
            return null;
        }

        /// <summary>Parses the header block at the start of <paramref name="text"/>.</summary>
        /// <param name="source">What the text is, for the error (a path, or "the input text").</param>
        /// <exception cref="HeaderReadException">MessageHeaderNotFound: the text does not start with a header field.</exception>
        public static HeaderBlock Parse(string text, string source)
        {
            var fields = new List<HeaderField>(32);
            var problems = new List<string>();
            var unfolding = new StringBuilder();
            int i = ByteOrderMark.LengthIn(text);
            int lineNumber = 0;
            string? name = null;
            int nameLine = 0, valueStart = 0, valueEnd = 0;
            while (i < text.Length)
            {
                if (i > HeaderFileReader.MaxHeaderBytes) throw HeaderFileReader.TooLarge(source);
                int lineStart = i;
                int lineEnd = text.IndexOfAny(LineEnds, i);
                if (lineEnd < 0) lineEnd = text.Length;
                i = lineEnd;
                if (i < text.Length && text[i] == '\r') i++;
                if (lineEnd < text.Length && text[lineEnd] == '\r' && i < text.Length && text[i] == '\n') i++;
                else if (lineEnd < text.Length && text[lineEnd] == '\n') i++;
                lineNumber++;

                if (lineEnd == lineStart)
                {
                    // The empty line that ends the headers; before any field, an empty first line means no headers.
                    break;
                }
                char first = text[lineStart];
                if (first == ' ' || first == '\t')
                {
                    if (name != null)
                    {
                        valueEnd = lineEnd;
                        continue;
                    }
                    if (fields.Count == 0) throw NotHeaders(source, lineNumber, text, lineStart, lineEnd);
                    problems.Add("line " + lineNumber + " continues no header field");
                    continue;
                }
                int colon = FieldNameEnd(text, lineStart, lineEnd);
                if (colon < 0 && fields.Count == 0 && name == null && IsPreamble(text, lineStart, lineEnd)) continue;
                if (colon < 0)
                {
                    if (fields.Count == 0 && name == null) throw NotHeaders(source, lineNumber, text, lineStart, lineEnd);
                    problems.Add("line " + lineNumber + " is not a header field ('" + Excerpt(text, lineStart, lineEnd) + "')");
                    continue;
                }
                if (name != null) fields.Add(new HeaderField(name, text, valueStart, valueEnd, unfolding, nameLine, fields.Count));
                name = text.Substring(lineStart, colon - lineStart).TrimEnd(' ', '\t');
                nameLine = lineNumber;
                valueStart = colon + 1;
                valueEnd = lineEnd;
            }
            if (name != null) fields.Add(new HeaderField(name, text, valueStart, valueEnd, unfolding, nameLine, fields.Count));
            if (fields.Count == 0)
            {
                throw new HeaderReadException("MessageHeaderNotFound", source + " has no header fields: its first line is empty, so there are no headers to read.");
            }
            return new HeaderBlock(fields, problems);
        }

        /// <summary>The index of the colon that ends a field name (printable ASCII, no colon; white space before the colon is obsolete but read).</summary>
        private static int FieldNameEnd(string text, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                char c = text[i];
                if (c == ':') break;
                if (c < 33 || c > 126) break;
                i++;
            }
            if (i == start) return -1;
            int nameEnd = i;
            while (i < end && (text[i] == ' ' || text[i] == '\t')) i++;
            if (i == end || text[i] != ':') return -1;
            return nameEnd == start ? -1 : i;
        }

        private static bool IsPreamble(string text, int start, int end) =>
            (end - start >= 5 && string.CompareOrdinal(text, start, "From ", 0, 5) == 0) ||
            (end - start == OutlookPreamble.Length && string.CompareOrdinal(text, start, OutlookPreamble, 0, OutlookPreamble.Length) == 0);

        private static HeaderReadException NotHeaders(string source, int line, string text, int start, int end) =>
            new HeaderReadException("MessageHeaderNotFound",
                source + " is not a message or header text: line " + line + " ('" + Excerpt(text, start, end) + "') is not a header field.");

        private static string Excerpt(string text, int start, int end)
        {
            int length = Math.Min(end - start, 60);
            var excerpt = new StringBuilder(length);
            for (int i = start; i < start + length; i++) excerpt.Append(text[i] < ' ' || text[i] == '\u007f' ? '?' : text[i]);
            return excerpt.ToString() + (end - start > 60 ? "..." : string.Empty);
        }
    }
}
