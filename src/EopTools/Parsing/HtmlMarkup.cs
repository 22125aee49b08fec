using System;
using System.Text;

namespace EopTools.Parsing
{
    /// <summary>
    /// The HTML the docs pages carry in their cells and headings, removed in one pass each. Regular expressions did this
    /// and backtracked: a cell of 1,000,000 '&lt;' or of an unclosed side-by-side span repeated took seconds to minutes.
    /// Each scan here gives up as soon as no later match can close, so it is linear in its input.
    /// </summary>
    internal static class HtmlMarkup
    {
        private const string HiddenSourceStart = "<span class=\"sxs-lookup\"><span";
        private const string HiddenSourceEnd = "</span></span>";
        private const string AnchorStart = "<a";
        private const string NameAttribute = "name=\"";

        /// <summary>
        /// Removes what side-by-side localized pages hide: the English source in
        /// <c>&lt;span class="sxs-lookup"&gt;&lt;span …&gt;…&lt;/span&gt;&lt;/span&gt;</c>; the visible text is the translation.
        /// </summary>
        public static string RemoveHiddenSource(string text)
        {
            StringBuilder? kept = null;
            int position = 0;
            while (true)
            {
                int start = text.IndexOf(HiddenSourceStart, position, StringComparison.Ordinal);
                if (start < 0) break;
                int tagEnd = text.IndexOf('>', start + HiddenSourceStart.Length);
                int end = tagEnd < 0 ? -1 : text.IndexOf(HiddenSourceEnd, tagEnd + 1, StringComparison.Ordinal);
                // No end after this start means none after any later start either.
                if (end < 0) break;
                kept = Append(kept, text, position, start, text.Length);
                position = end + HiddenSourceEnd.Length;
            }
            return Rest(kept, text, position);
        }

        /// <summary>Removes every tag: a '&lt;' and everything up to the next '&gt;'. A '&lt;' never closed stays as text.</summary>
        public static string RemoveTags(string text)
        {
            StringBuilder? kept = null;
            int position = 0;
            while (true)
            {
                int open = text.IndexOf('<', position);
                int close = open < 0 ? -1 : text.IndexOf('>', open + 1);
                if (close < 0) break;
                kept = Append(kept, text, position, open, text.Length);
                position = close + 1;
            }
            return Rest(kept, text, position);
        }

        /// <summary>The name of the first <c>&lt;a name="…"</c> anchor (tag and attribute in any case), or null.</summary>
        public static string? AnchorName(string text)
        {
            for (int start = text.IndexOf(AnchorStart, StringComparison.OrdinalIgnoreCase); start >= 0;
                 start = text.IndexOf(AnchorStart, start + 1, StringComparison.OrdinalIgnoreCase))
            {
                int attribute = start + AnchorStart.Length;
                while (attribute < text.Length && char.IsWhiteSpace(text[attribute])) attribute++;
                if (attribute == start + AnchorStart.Length ||
                    string.Compare(text, attribute, NameAttribute, 0, NameAttribute.Length, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    continue;
                }
                int value = attribute + NameAttribute.Length;
                int quote = text.IndexOf('"', value);
                // No closing quote here means none for a later anchor either.
                return quote < 0 ? null : text.Substring(value, quote - value);
            }
            return null;
        }

        private static StringBuilder Append(StringBuilder? kept, string text, int from, int to, int capacity) =>
            (kept ?? new StringBuilder(capacity)).Append(text, from, to - from);

        private static string Rest(StringBuilder? kept, string text, int position) =>
            kept == null ? text : kept.Append(text, position, text.Length - position).ToString();
    }
}
