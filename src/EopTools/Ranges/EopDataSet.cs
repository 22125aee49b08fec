using System;
using System.Globalization;

namespace EopTools
{
    /// <summary>What a set of ranges is and how old: the name, version or date, and where it was read from.</summary>
    public sealed class EopDataSet
    {
        internal EopDataSet(string name, string version, DateTime? published, string source, string format, bool hasIPv6, string? instance = null)
        {
            Instance = instance;
            Name = name;
            Version = version;
            Published = published;
            Source = source;
            Format = format;
            HasIPv6 = hasIPv6;
        }

        /// <summary>A short name, e.g. the page title or "Microsoft 365 endpoints (Worldwide)".</summary>
        public string Name { get; }

        /// <summary>The publisher's version: the page's date (yyyy-MM-dd) or the web service's version number.</summary>
        public string Version { get; }

        /// <summary>When the data was published, where the data says.</summary>
        public DateTime? Published { get; }

        /// <summary>Where it was read from: "embedded", a file path or a URI.</summary>
        public string Source { get; }

        /// <summary>The format it was read in (EopPage, EndpointsJson, LegacyXml, PlainText).</summary>
        public string Format { get; }

        /// <summary>
        /// False when the data carries no IPv6 at all, as a web service answer requested with NoIPv6 does: comparing it
        /// with a full list must not read as "IPv6 removed".
        /// </summary>
        public bool HasIPv6 { get; }

        /// <summary>The web service instance (Worldwide, USGovDoD, USGovGCCHigh, China) the data is of, when known.</summary>
        public string? Instance { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2})", Name, Version, Source);
    }
}
