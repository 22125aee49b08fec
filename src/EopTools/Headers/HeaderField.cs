using System.Text;

namespace EopTools.Headers
{
    /// <summary>One header field of a message: its name, its unfolded value, and the line it starts on (from 1).</summary>
    internal sealed class HeaderField
    {
        private static readonly char[] LineEnds = { '\r', '\n' };

        private readonly string _text;
        private readonly int _valueStart, _valueEnd;
        private readonly StringBuilder _unfolding;
        private string? _value;

        /// <param name="text">The header block's text; the value is the part of it from <paramref name="valueStart"/> (after the colon) to <paramref name="valueEnd"/> (the end of its last line).</param>
        /// <param name="unfolding">Where a folded value is put together: one for all the fields of a block, which unfold one at a time.</param>
        public HeaderField(string name, string text, int valueStart, int valueEnd, StringBuilder unfolding, int line, int position)
        {
            Name = name;
            _text = text;
            _valueStart = valueStart;
            _valueEnd = valueEnd;
            _unfolding = unfolding;
            Line = line;
            Position = position;
        }

        public string Name { get; }

        /// <summary>
        /// The value unfolded: line breaks taken out, the white space that began each continuation line kept; a line
        /// between that is not a continuation (a problem of the block) left out. Unfolded when first asked: most of a
        /// block's fields (signatures, diagnostics) are never read.
        /// </summary>
        public string Value => _value ??= Unfold(_text, _valueStart, _valueEnd, _unfolding);

        public int Line { get; }

        /// <summary>The field's place in the block, from 0 at the top (the newest header).</summary>
        public int Position { get; }

        public override string ToString() => Name + ": " + Value;

        private static string Unfold(string text, int start, int end, StringBuilder value)
        {
            int lineEnd = text.IndexOfAny(LineEnds, start, end - start);
            if (lineEnd < 0) return Trim(text, start, end);
            value.Clear();
            value.Append(text, start, lineEnd - start);
            int i = lineEnd;
            while (i < end)
            {
                // Inside a field every line end is CRLF, CR or LF alone: an empty line would have ended the block.
                while (i < end && (text[i] == '\r' || text[i] == '\n')) i++;
                if (i == end) break;
                lineEnd = text.IndexOfAny(LineEnds, i, end - i);
                if (lineEnd < 0) lineEnd = end;
                if (text[i] == ' ' || text[i] == '\t') value.Append(text, i, lineEnd - i);
                i = lineEnd;
            }
            int first = 0, last = value.Length;
            while (first < last && (value[first] == ' ' || value[first] == '\t')) first++;
            while (last > first && (value[last - 1] == ' ' || value[last - 1] == '\t')) last--;
            return value.ToString(first, last - first);
        }

        private static string Trim(string text, int start, int end)
        {
            while (start < end && (text[start] == ' ' || text[start] == '\t')) start++;
            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) end--;
            return text.Substring(start, end - start);
        }
    }
}
