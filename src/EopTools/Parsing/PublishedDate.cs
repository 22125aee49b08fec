using System;
using System.Globalization;

namespace EopTools.Parsing
{
    /// <summary>The date Microsoft's pages and feeds were published, as they write it (month/day/year), and as a data set's version.</summary>
    internal static class PublishedDate
    {
        /// <summary>"8/2/2018" or "08/02/2018"; anything else is no date.</summary>
        public static DateTime? Parse(string? text) =>
            text != null && DateTime.TryParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date)
                ? date
                : (DateTime?)null;

        public static string Version(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
    }
}
