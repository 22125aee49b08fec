using System;

namespace EopTools.Parsing
{
    /// <summary>How the readers recognise their format: by what the text starts with, after white space.</summary>
    internal static class TextStart
    {
        /// <remarks>Reads in place: a whole file is not copied to look at its first characters.</remarks>
        public static bool Is(string text, string value, StringComparison comparison = StringComparison.Ordinal)
        {
            int start = 0;
            while (start < text.Length && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n')) start++;
            return text.Length - start >= value.Length && string.Compare(text, start, value, 0, value.Length, comparison) == 0;
        }
    }
}
