using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Reads the "Exchange Online Protection IP addresses" docs page in every layout it had: code-block lists, pipe tables
    /// with inline-code or plain cells, with or without the regional tables. Only the tables under the two sections count;
    /// everything else that looks like a range is reported, never used.
    /// </summary>
    internal static class EopPageParser
    {
        public const string FormatName = "EopPage";

        private static readonly EopRegion[] RegionColumnOrder = { EopRegion.Americas, EopRegion.EMEA, EopRegion.APAC };

        private enum Section
        {
            None,
            Global,
            Regional,
        }

        /// <summary>True when the text looks like a docs page: front matter or a Markdown heading.</summary>
        public static bool LooksLikePage(string text)
        {
            if (TextStart.Is(text, "---")) return true;
            foreach (string line in text.Split('\n'))
            {
                if (IsHeading(line.Trim())) return true;
            }
            return false;
        }

        public static RangeData Parse(string text, string source)
        {
            var builder = new RangeDataBuilder();
            string[] lines = RemoveComments(text.Replace("\r\n", "\n").Split('\n'), source, builder, out int commentedRanges);
            var metadata = ReadFrontMatter(lines);

            var sections = new List<SectionContent>();
            SectionContent? current = null;
            bool inFence = false;
            int fenceOpenedAt = 0;
            CodeBlock? block = null;

            for (int index = 0; index < lines.Length; index++)
            {
                int lineNumber = index + 1;
                string line = lines[index];
                string trimmed = line.Trim();

                if (IsConflictMarker(line))
                {
                    builder.Warn("ConflictMarker", source, lineNumber, "git conflict marker; this version of the page is a broken merge", trimmed);
                    continue;
                }

                if (IsHeading(trimmed))
                {
                    if (inFence)
                    {
                        builder.Warn("CodeFenceNotClosed", source, fenceOpenedAt, "code fence opened here is never closed", null);
                        inFence = false;
                        block = null;
                    }
                    current = new SectionContent(ClassifyHeading(trimmed));
                    sections.Add(current);
                    continue;
                }

                if (trimmed.StartsWith("|", StringComparison.Ordinal))
                {
                    // Pipe rows are table rows even inside an unclosed fence: bad merges left fences open around the tables.
                    current?.Rows.Add(new TableRow(lineNumber, SplitCells(trimmed)));
                    continue;
                }

                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    if (inFence)
                    {
                        fenceOpenedAt = lineNumber;
                        block = new CodeBlock();
                        current?.CodeBlocks.Add(block);
                    }
                    else
                    {
                        block = null;
                    }
                    continue;
                }

                if (inFence)
                {
                    block!.Lines.Add(new SourceText(lineNumber, line));
                }
                else if (current != null && current.Kind != Section.None && MayHoldRange(line))
                {
                    current.Prose.Add(new SourceText(lineNumber, line));
                }
            }
            if (inFence)
            {
                builder.Warn("CodeFenceNotClosed", source, fenceOpenedAt, "code fence opened here is never closed", null);
            }

            foreach (SectionContent section in sections)
            {
                if (section.Kind == Section.None) continue;
                ReadSection(section, source, builder);
            }

            if (builder.Count == 0)
            {
                string message = "No EOP range table was found in '" + source + "'";
                if (commentedRanges > 0)
                {
                    message += string.Format(CultureInfo.InvariantCulture, "; {0} ranges are inside HTML comments, which are not published", commentedRanges);
                }
                throw new RangeDataException("NoRangeTable", message + ".");
            }
            return builder.Build(source, hasIPv6 => new EopDataSet(
                metadata.Title ?? System.IO.Path.GetFileName(source),
                PublishedDate.Version(metadata.Date),
                metadata.Date,
                source,
                FormatName,
                hasIPv6));
        }

        /// <summary>One to six '#' and then a space or the end of the line.</summary>
        private static bool IsHeading(string trimmed)
        {
            int level = 0;
            while (level < trimmed.Length && trimmed[level] == '#') level++;
            return level >= 1 && level <= 6 && (level == trimmed.Length || char.IsWhiteSpace(trimmed[level]));
        }

        /// <summary>A cheap test before the regular expression: a range has a '/' followed by a digit.</summary>
        private static bool MayHoldRange(string text)
        {
            for (int i = text.IndexOf('/'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('/', i + 1))
            {
                if (text[i + 1] >= '0' && text[i + 1] <= '9') return true;
            }
            return false;
        }

        private static int CountRanges(string text) => MayHoldRange(text) ? Patterns.RangeLike.Matches(text).Count : 0;

        private static void ReadSection(SectionContent section, string source, RangeDataBuilder builder)
        {
            bool hasDataTable = false;
            EopRegion?[] columnRegions = RegionsOfColumns(null);
            foreach (TableRow row in section.Rows)
            {
                if (IsLabelRow(row.Cells))
                {
                    columnRegions = RegionsOfColumns(row.Cells);
                    continue;
                }
                for (int column = 0; column < row.Cells.Count; column++)
                {
                    string cell = CleanCell(row.Cells[column]);
                    if (cell.Length == 0 || IsDelimiter(cell)) continue;
                    hasDataTable = true;
                    EopRegion? region = section.Kind == Section.Global ? EopRegion.Global : RegionOfColumn(columnRegions, column);
                    if (region == null)
                    {
                        builder.Warn("CellOutsideTables", source, row.Line, "cell in a column that is not a region table; skipped", row.Cells[column].Trim());
                        continue;
                    }
                    builder.AddText(source, row.Line, cell, region.Value, allowBareAddress: false);
                }
            }

            if (hasDataTable)
            {
                foreach (CodeBlock block in section.CodeBlocks) ReportStale(block.Lines, source, builder);
                ReportStale(section.Prose, source, builder);
                return;
            }

            // The 2018 conversion from TechNet: each list is a code block; regional blocks follow the label row in column order.
            for (int blockIndex = 0; blockIndex < section.CodeBlocks.Count; blockIndex++)
            {
                EopRegion? region = section.Kind == Section.Global ? EopRegion.Global : RegionOfColumn(columnRegions, blockIndex);
                foreach (SourceText line in section.CodeBlocks[blockIndex].Lines)
                {
                    string cell = CleanCell(line.Text);
                    if (cell.Length == 0) continue;
                    if (region == null)
                    {
                        builder.Warn("CodeBlockOutsideTables", source, line.Line, "code block beyond the region columns; skipped", line.Text.Trim());
                        continue;
                    }
                    builder.AddText(source, line.Line, cell, region.Value, allowBareAddress: false);
                }
            }
            ReportStale(section.Prose, source, builder);
        }

        private static void ReportStale(List<SourceText> lines, string source, RangeDataBuilder builder)
        {
            var run = new List<SourceText>();
            int count = 0;
            foreach (SourceText line in lines)
            {
                int ranges = CountRanges(line.Text);
                if (ranges == 0) continue;
                run.Add(line);
                count += ranges;
            }
            if (run.Count == 0) return;
            builder.Warn("RangesOutsideTables", source, run[0].Line,
                string.Format(CultureInfo.InvariantCulture,
                    "{0} ranges outside the tables (lines {1}-{2}) are ignored; they are not part of the published table", count, run[0].Line, run[run.Count - 1].Line),
                Patterns.RangeLike.Match(run[0].Text).Value);
        }

        private static EopRegion? RegionOfColumn(EopRegion?[] columnRegions, int column) =>
            column < columnRegions.Length ? columnRegions[column] : null;

        /// <summary>Each column's region, read once per label row.</summary>
        private static EopRegion?[] RegionsOfColumns(IReadOnlyList<string>? labels)
        {
            var regions = new EopRegion?[Math.Max(labels?.Count ?? 0, RegionColumnOrder.Length)];
            for (int column = 0; column < regions.Length; column++) regions[column] = RegionOfLabel(labels, column);
            return regions;
        }

        private static EopRegion? RegionOfLabel(IReadOnlyList<string>? labels, int column)
        {
            if (labels != null && column < labels.Count)
            {
                string label = CleanCell(labels[column]).Replace("*", string.Empty).Trim();
                foreach (EopRegion region in RegionColumnOrder)
                {
                    if (string.Equals(label, region.ToString(), StringComparison.OrdinalIgnoreCase)) return region;
                }
            }
            // Localized pages translate the labels; the column order is the same in every version.
            return column < RegionColumnOrder.Length ? RegionColumnOrder[column] : (EopRegion?)null;
        }

        private static Section ClassifyHeading(string heading)
        {
            string key = heading.TrimStart('#').Trim();
            if (key.IndexOf('<') >= 0)
            {
                key = HtmlMarkup.AnchorName(heading) ?? HtmlMarkup.RemoveTags(key).Trim();
            }
            if (key.Equals("eop-ip-address-ranges", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("EOP IP address ranges", StringComparison.OrdinalIgnoreCase))
            {
                return Section.Global;
            }
            if (key.Equals("ip-ranges-by-region", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("IP Ranges by region", StringComparison.OrdinalIgnoreCase))
            {
                return Section.Regional;
            }
            return Section.None;
        }

        private static bool IsConflictMarker(string line) =>
            line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line.StartsWith(">>>>>>> ", StringComparison.Ordinal) ||
            line.TrimEnd() == "=======" || line.TrimEnd() == "<<<<<<<" || line.TrimEnd() == ">>>>>>>";

        private static bool IsLabelRow(IReadOnlyList<string> cells)
        {
            foreach (string cell in cells)
            {
                if (cell.Contains("**")) return true;
            }
            return false;
        }

        /// <summary>A table's delimiter cell, such as ":-----" or "---:".</summary>
        private static bool IsDelimiter(string cell)
        {
            string dashes = cell.Trim(':');
            return dashes.Length >= 3 && cell.Length - dashes.Length <= 2 && dashes.Trim('-').Length == 0;
        }

        private static List<string> SplitCells(string row)
        {
            string inner = row.Substring(1);
            if (inner.EndsWith("|", StringComparison.Ordinal)) inner = inner.Substring(0, inner.Length - 1);
            return new List<string>(inner.Length == 0 ? Array.Empty<string>() : inner.Split('|'));
        }

        /// <summary>Removes the markup around a cell's text: inline code, line breaks, TABs and no-break spaces.</summary>
        private static string CleanCell(string cell)
        {
            string text = cell;
            if (text.IndexOf('<') >= 0)
            {
                // The English pages' only markup is a line break; the rest is the localized pages'.
                text = text.Replace("<br/>", " ").Replace("<br />", " ").Replace("<br>", " ");
                text = HtmlMarkup.RemoveTags(HtmlMarkup.RemoveHiddenSource(text));
            }
            return text.Replace("`", string.Empty).Replace('\t', ' ').Replace('\u00A0', ' ').Trim();
        }

        /// <summary>Blanks HTML comments (keeping line numbers), counting the ranges they hide.</summary>
        private static string[] RemoveComments(string[] lines, string source, RangeDataBuilder builder, out int commentedRanges)
        {
            commentedRanges = 0;
            bool inComment = false;
            int commentStart = 0;
            int rangesInComment = 0;
            var result = new string[lines.Length];
            for (int index = 0; index < lines.Length; index++)
            {
                string line = lines[index];
                if (!inComment && line.IndexOf("<!--", StringComparison.Ordinal) < 0)
                {
                    result[index] = line;
                    continue;
                }
                var kept = new StringBuilder(line.Length);
                int position = 0;
                while (position < line.Length)
                {
                    if (!inComment)
                    {
                        int open = line.IndexOf("<!--", position, StringComparison.Ordinal);
                        if (open < 0)
                        {
                            kept.Append(line, position, line.Length - position);
                            break;
                        }
                        kept.Append(line, position, open - position);
                        inComment = true;
                        commentStart = index + 1;
                        rangesInComment = 0;
                        position = open + 4;
                    }
                    else
                    {
                        int close = line.IndexOf("-->", position, StringComparison.Ordinal);
                        string hidden = close < 0 ? line.Substring(position) : line.Substring(position, close - position);
                        rangesInComment += CountRanges(hidden);
                        if (close < 0) break;
                        inComment = false;
                        position = close + 3;
                        ReportComment(source, commentStart, rangesInComment, builder);
                        commentedRanges += rangesInComment;
                    }
                }
                result[index] = kept.ToString();
            }
            if (inComment)
            {
                ReportComment(source, commentStart, rangesInComment, builder);
                commentedRanges += rangesInComment;
            }
            return result;
        }

        private static void ReportComment(string source, int line, int ranges, RangeDataBuilder builder)
        {
            if (ranges == 0) return;
            builder.Warn("RangesInComment", source, line,
                string.Format(CultureInfo.InvariantCulture, "{0} ranges inside an HTML comment are not published; ignored", ranges), null);
        }

        private static (string? Title, DateTime? Date) ReadFrontMatter(string[] lines)
        {
            string? title = null;
            DateTime? date = null;
            int index = 0;
            if (lines.Length > 0 && lines[0].Trim() == "---")
            {
                for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
                {
                    string line = lines[index];
                    int colon = line.IndexOf(':');
                    if (colon < 0) continue;
                    string key = line.Substring(0, colon).Trim();
                    string value = line.Substring(colon + 1).Trim().Trim('"');
                    if (key == "title") title = value;
                    if (key == "ms.date") date = PublishedDate.Parse(value) ?? date;
                }
            }
            if (title == null)
            {
                for (; index < lines.Length; index++)
                {
                    if (lines[index].StartsWith("# ", StringComparison.Ordinal))
                    {
                        title = lines[index].Substring(2).Trim();
                        break;
                    }
                }
            }
            return (title, date);
        }

        /// <summary>Built on first use only: the seed page needs none of it, and building it costs startup time.</summary>
        private static class Patterns
        {
            // Linear without a timeout: every quantifier is bounded, so each start position costs a bounded number of steps.
            public static readonly Regex RangeLike = new Regex(
                @"(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})/\d{1,3}",
                RegexOptions.CultureInvariant);
        }

        private sealed class SectionContent
        {
            public SectionContent(Section kind)
            {
                Kind = kind;
            }

            public Section Kind { get; }

            /// <summary>Pipe-table rows in order; the label row (bold cells) names the columns of the rows after it.</summary>
            public List<TableRow> Rows { get; } = new List<TableRow>();

            public List<CodeBlock> CodeBlocks { get; } = new List<CodeBlock>();

            public List<SourceText> Prose { get; } = new List<SourceText>();
        }

        private sealed class TableRow
        {
            public TableRow(int line, List<string> cells)
            {
                Line = line;
                Cells = cells;
            }

            public int Line { get; }

            public List<string> Cells { get; }
        }

        private sealed class CodeBlock
        {
            public List<SourceText> Lines { get; } = new List<SourceText>();
        }

        private readonly struct SourceText
        {
            public SourceText(int line, string text)
            {
                Line = line;
                Text = text;
            }

            public int Line { get; }

            public string Text { get; }
        }
    }
}
