using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace EopTools.Diff
{
    /// <summary>Writes a comparison as CSV (as Export-Csv would), JSON (written by hand: System.Text.Json's assemblies would conflict in PowerShell 5.1 and 7, see JsonReader) or Markdown.</summary>
    internal static class RangeDiffWriter
    {
        private static readonly string[] Columns =
        {
            "Change", "Region", "AddressFamily", "ReferencePrefix", "DifferencePrefix", "AddressesAdded", "AddressesRemoved", "ReferenceDataSet", "DifferenceDataSet",
        };

        /// <summary>The format a file name implies: .csv, .json, .md or .markdown.</summary>
        public static bool TryInferFormat(string path, out EopRangeDiffFormat format)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".csv":
                    format = EopRangeDiffFormat.Csv;
                    return true;
                case ".json":
                    format = EopRangeDiffFormat.Json;
                    return true;
                case ".md":
                case ".markdown":
                    format = EopRangeDiffFormat.Markdown;
                    return true;
                default:
                    format = default;
                    return false;
            }
        }

        /// <param name="generated">When the record is written, in UTC; the Markdown record says it.</param>
        public static void Write(TextWriter writer, RangeDiffResult result, EopRangeDiffFormat format, DateTime generated)
        {
            switch (format)
            {
                case EopRangeDiffFormat.Csv:
                    WriteCsv(writer, result);
                    break;
                case EopRangeDiffFormat.Json:
                    WriteJson(writer, result);
                    break;
                case EopRangeDiffFormat.Markdown:
                    WriteMarkdown(writer, result, generated);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }

        /// <summary>One row per change, every value quoted and null left empty, as Export-Csv writes; lists as in a string ("; " between values).</summary>
        private static void WriteCsv(TextWriter writer, RangeDiffResult result)
        {
            var cells = new string?[Columns.Length];
            Array.Copy(Columns, cells, Columns.Length);
            WriteCsvRow(writer, cells);
            foreach (EopRangeChange change in result.Changes)
            {
                cells[0] = change.Change.ToString();
                cells[1] = change.Region.ToString();
                cells[2] = change.AddressFamily?.ToString();
                cells[3] = change.ReferencePrefix;
                cells[4] = change.DifferencePrefix;
                cells[5] = change.AddressesAdded.ToString();
                cells[6] = change.AddressesRemoved.ToString();
                cells[7] = change.ReferenceDataSet.ToString();
                cells[8] = change.DifferenceDataSet.ToString();
                WriteCsvRow(writer, cells);
            }
        }

        private static void WriteCsvRow(TextWriter writer, string?[] cells)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0) writer.Write(',');
                if (cells[i] != null) writer.Write("\"" + cells[i]!.Replace("\"", "\"\"") + "\"");
            }
            writer.WriteLine();
        }

        /// <summary>Both data sets, the warnings and the changes, with the property names of the objects.</summary>
        private static void WriteJson(TextWriter writer, RangeDiffResult result)
        {
            writer.WriteLine("{");
            writer.WriteLine("  \"ReferenceDataSet\": " + Json(result.Reference) + ",");
            writer.WriteLine("  \"DifferenceDataSet\": " + Json(result.Difference) + ",");
            writer.WriteLine("  \"Warnings\": " + Json(result.Warnings.Select(warning => warning.ToString())) + ",");
            writer.Write("  \"Changes\": [");
            for (int i = 0; i < result.Changes.Count; i++)
            {
                EopRangeChange change = result.Changes[i];
                writer.WriteLine(i == 0 ? "" : ",");
                writer.WriteLine("    {");
                writer.WriteLine("      \"Change\": " + Json(change.Change.ToString()) + ",");
                writer.WriteLine("      \"Region\": " + Json(change.Region.ToString()) + ",");
                writer.WriteLine("      \"AddressFamily\": " + Json(change.AddressFamily?.ToString()) + ",");
                writer.WriteLine("      \"ReferencePrefix\": " + Json(change.ReferencePrefix) + ",");
                writer.WriteLine("      \"DifferencePrefix\": " + Json(change.DifferencePrefix) + ",");
                writer.WriteLine("      \"AddressesAdded\": " + Json(change.AddressesAdded) + ",");
                writer.WriteLine("      \"AddressesRemoved\": " + Json(change.AddressesRemoved));
                writer.Write("    }");
            }
            writer.WriteLine(result.Changes.Count == 0 ? "]" : Environment.NewLine + "  ]");
            writer.WriteLine("}");
        }

        private static string Json(EopDataSet dataSet) =>
            "{ \"Name\": " + Json(dataSet.Name) +
            ", \"Version\": " + Json(dataSet.Version) +
            ", \"Published\": " + Json(dataSet.Published?.ToString(dataSet.Published.Value.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)) +
            ", \"Source\": " + Json(dataSet.Source) +
            ", \"Format\": " + Json(dataSet.Format) + " }";

        private static string Json(IEnumerable<string> values)
        {
            var builder = new StringBuilder("[");
            foreach (string value in values)
            {
                if (builder.Length > 1) builder.Append(", ");
                builder.Append(Json(value));
            }
            return builder.Append(']').ToString();
        }

        /// <summary>A JSON string literal (RFC 8259): quote, backslash and control characters escaped; or null.</summary>
        internal static string Json(string? value)
        {
            if (value == null) return "null";
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else builder.Append(c);
                        break;
                }
            }
            return builder.Append('"').ToString();
        }

        /// <summary>
        /// A record to paste into a change ticket: its first line the firewall edit ("Open: ... Close: ..."), then, like
        /// Microsoft's "Change notification for EOP IP addresses" page, a revisions table per table that changed.
        /// </summary>
        private static void WriteMarkdown(TextWriter writer, RangeDiffResult result, DateTime generated)
        {
            writer.WriteLine("Open: " + Listed(result.Open) + ". Close: " + Listed(result.Close) + ".");
            writer.WriteLine();
            writer.WriteLine("# Change notification for EOP IP addresses");
            writer.WriteLine();
            writer.WriteLine("This record describes the changes to the IP addresses used by Exchange Online Protection (EOP) between two versions of the list.");
            writer.WriteLine();
            writer.WriteLine("- Generated: " + generated.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
            writer.WriteLine("- Reference: " + Describe(result.Reference));
            writer.WriteLine("- Difference: " + Describe(result.Difference));
            foreach (Diagnostic warning in result.Warnings)
            {
                writer.WriteLine();
                writer.WriteLine("> **Note:** " + Cell(warning.ToString()));
            }
            if (result.Changes.Count == 0)
            {
                writer.WriteLine();
                writer.WriteLine("No changes.");
                return;
            }

            int next = 0;
            foreach (EopRegion region in result.Regions)
            {
                if (next == result.Changes.Count || result.Changes[next].Region != region) continue;
                writer.WriteLine();
                writer.WriteLine("## " + (region == EopRegion.Global ? "Global list" : region + " table"));
                writer.WriteLine();
                writer.WriteLine("|**Change**|**Description of revision**|**Addresses added**|**Addresses removed**|");
                writer.WriteLine("|:-----|:-----|:-----|:-----|");
                for (; next < result.Changes.Count && result.Changes[next].Region == region; next++)
                {
                    EopRangeChange change = result.Changes[next];
                    writer.WriteLine("|" + change.Change + "|" + Cell(Description(change)) + "|" + string.Join("<br/>", change.AddressesAdded) + "|" +
                        string.Join("<br/>", change.AddressesRemoved) + "|");
                }
            }
        }

        private static string Listed(IReadOnlyList<string> prefixes) => prefixes.Count == 0 ? "nothing" : string.Join(", ", prefixes);

        private static string Description(EopRangeChange change)
        {
            switch (change.Change)
            {
                case EopRangeChangeKind.Added:
                    return "Added " + change.DifferencePrefix + " to the list of IP addresses.";
                case EopRangeChangeKind.Removed:
                    return "Removed " + change.ReferencePrefix + " from the list of IP addresses.";
                case EopRangeChangeKind.Widened:
                    return "Changed " + change.ReferencePrefix + " to the wider " + change.DifferencePrefix + ".";
                case EopRangeChangeKind.Narrowed:
                    return "Changed " + change.ReferencePrefix + " to the narrower " + change.DifferencePrefix + ".";
                case EopRangeChangeKind.Unchanged:
                    return change.ReferencePrefix + " is unchanged.";
                case EopRangeChangeKind.TableAdded:
                    return "Added the " + change.Region + " table.";
                default:
                    return "Removed the " + change.Region + " table.";
            }
        }

        /// <summary>The name, version and the data's date as text, the source (a path or URI) as code so that it reads as written.</summary>
        private static string Describe(EopDataSet dataSet)
        {
            string source = dataSet.Source.IndexOf('`') < 0 && dataSet.Source.IndexOf('\n') < 0 ? "`" + dataSet.Source + "`" : Cell(dataSet.Source);
            DateTime? dated = DataDate(dataSet);
            string date = dated.HasValue ? ", data of " + dated.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ", undated";
            return Cell(dataSet.Name) + ", version " + Cell(dataSet.Version) + date + " (" + source + ")";
        }

        /// <summary>The data's own date: its publication date, else the date a web service version (YYYYMMDDNN) begins with.</summary>
        internal static DateTime? DataDate(EopDataSet dataSet)
        {
            if (dataSet.Published.HasValue) return dataSet.Published.Value.Date;
            if (Sources.EndpointsWebService.IsVersion(dataSet.Version) &&
                DateTime.TryParseExact(dataSet.Version.Substring(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
            {
                return day;
            }
            return null;
        }

        /// <summary>Text that stays inside one table cell and renders as written.</summary>
        private static string Cell(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c == '\r' || c == '\n') builder.Append(' ');
                else if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']') builder.Append('\\').Append(c);
                else builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
