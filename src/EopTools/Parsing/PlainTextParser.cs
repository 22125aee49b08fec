using System;
using System.Collections.Generic;
using System.IO;

namespace EopTools.Parsing
{
    /// <summary>One prefix or address per line, '#' starts a comment. A bare address is a /32 or /128.</summary>
    internal static class PlainTextParser
    {
        public const string FormatName = "PlainText";

        // A line of a plain list holds one prefix: spaces, table pipes and markup mean another format.
        private static readonly char[] NotInAList = { ' ', '\t', '|', '<', '{', '[' };

        public static bool LooksLikePlainText(string text)
        {
            bool anyEntry = false;
            foreach (string raw in text.Split('\n'))
            {
                string line = StripComment(raw).Trim();
                if (line.Length == 0) continue;
                if (line.IndexOfAny(NotInAList) >= 0) return false;
                anyEntry = true;
            }
            return anyEntry;
        }

        public static RangeData Parse(string text, string source)
        {
            var builder = new RangeDataBuilder();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int index = 0; index < lines.Length; index++)
            {
                string line = StripComment(lines[index]).Trim();
                if (line.Length == 0) continue;
                builder.AddText(source, index + 1, line, EopRegion.Global, allowBareAddress: true);
            }
            if (builder.Count == 0)
            {
                throw new RangeDataException("NoRangeTable", "No valid range was found in '" + source + "'.");
            }
            return builder.Build(source, hasIPv6 => new EopDataSet(Path.GetFileName(source), "undated", null, source, FormatName, hasIPv6));
        }

        /// <summary>The line up to its '#', which starts a comment (also in an allow-list read from a file).</summary>
        internal static string StripComment(string line)
        {
            int hash = line.IndexOf('#');
            return hash < 0 ? line : line.Substring(0, hash);
        }
    }
}
