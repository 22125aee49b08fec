using System;
using System.Globalization;

namespace EopTools
{
    /// <summary>
    /// The range that held an address in older data the module keeps, when the data answering holds it no more: the
    /// cache's previous data, or the page embedded in EopTools. Its text says which data and of when, so a string or
    /// an Export-Csv cell reads "40.92.0.0/14 (embedded page, 2018-08-02)".
    /// </summary>
    public sealed class EopFormerRange
    {
        /// <summary>The cache's data before its ranges last changed.</summary>
        public const string PreviousCache = "previous.cache";

        /// <summary>The 2018 page embedded in EopTools.</summary>
        public const string EmbeddedPage = "embedded page";

        internal EopFormerRange(EopIpRange range, string data, DateTime? date)
        {
            Range = range;
            Data = data;
            Date = date;
        }

        /// <summary>The older data's most specific range that holds the address, as CIDR text.</summary>
        public string Prefix => Range.Prefix;

        /// <summary>The older data's range, with its data set.</summary>
        public EopIpRange Range { get; }

        /// <summary>Which data held it: "previous.cache" or "embedded page".</summary>
        public string Data { get; }

        /// <summary>
        /// The older data's own date (the page's, or the web service version's); for previous data without a date of its
        /// own, when it came into the cache.
        /// </summary>
        public DateTime? Date { get; }

        public EopDataSet DataSet => Range.DataSet;

        public override string ToString() => Date.HasValue
            ? string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2:yyyy-MM-dd})", Prefix, Data, Date.Value)
            : Prefix + " (" + Data + ")";

        /// <summary>What a result's text adds after "is not EOP": "; it was in ..." for a former range, else nothing.</summary>
        internal static string AfterNotEop(EopFormerRange? former) => former == null ? "" : "; it was in " + former;
    }
}
