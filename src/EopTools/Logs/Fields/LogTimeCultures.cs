using System.Globalization;

namespace EopTools.Logs
{
    /// <summary>
    /// The cultures a time that is not ISO 8601 is read with: the one given with -Culture; else the session's culture
    /// (in which Export-Csv wrote the admin's own exports) and the invariant culture (US-style dates).
    /// </summary>
    internal sealed class LogTimeCultures
    {
        public static readonly LogTimeCultures Invariant = new LogTimeCultures(null, CultureInfo.InvariantCulture);

        /// <param name="given">-Culture, or null.</param>
        /// <param name="current">The session's culture, captured on the pipeline thread (the reading threads have their own).</param>
        public LogTimeCultures(CultureInfo? given, CultureInfo current)
        {
            Cultures = given != null ? new[] { given }
                : current.Name.Length == 0 ? new[] { CultureInfo.InvariantCulture }
                : new[] { current, CultureInfo.InvariantCulture };
        }

        public CultureInfo[] Cultures { get; }

        /// <summary>For messages: "ISO 8601, de-DE or the invariant culture".</summary>
        public override string ToString()
        {
            string text = "ISO 8601";
            for (int i = 0; i < Cultures.Length; i++) text += (i == Cultures.Length - 1 ? " or " : ", ") + Name(Cultures[i]);
            return text;
        }

        public static string Name(CultureInfo culture) => culture.Name.Length == 0 ? "the invariant culture" : culture.Name;
    }
}
