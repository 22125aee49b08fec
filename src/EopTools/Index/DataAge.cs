using System;
using System.Globalization;
using EopTools.Sources;

namespace EopTools.Index
{
    /// <summary>What a session says, once, when its answers may be out of date: an admin acts on them.</summary>
    internal static class DataAge
    {
        /// <summary>A cache not confirmed current for longer than this may be behind Microsoft's changes.</summary>
        public static readonly TimeSpan ConfirmationLimit = TimeSpan.FromDays(30);

        private const string HowToUpdate =
            "Run Update-EopIpRange to fetch the current ranges, or Update-EopIpRange -Path <file> on a server without internet access.";

        public static Diagnostic SeedWarning(EopDataSet seed, string cacheDirectory) =>
            new Diagnostic("SeedRangesUsed", "The EOP ranges come from the page of " + seed.Version + " embedded in EopTools, not from current data: there are no usable " +
            "cached ranges in '" + cacheDirectory + "'. " + HowToUpdate, cacheDirectory);

        /// <summary>
        /// Null while the data is at most <see cref="ConfirmationLimit"/> old, by its own account: from the web service's
        /// last answer that its version is the latest, else from the data's publication date, else (data without a date)
        /// from when it came into the cache. Importing a file again confirms nothing.
        /// </summary>
        public static Diagnostic? StaleCacheWarning(CachedRanges cached, DateTime utcNow)
        {
            CacheEntry entry = cached.Entry;
            DateTime? published = cached.Data.DataSet.Published;
            DateTime since = entry.Confirmed ?? published ?? entry.Received;
            TimeSpan age = utcNow - since;
            if (age <= ConfirmationLimit) return null;
            string where = string.Format(CultureInfo.InvariantCulture, "The cached EOP ranges in '{0}' ({1}, ", cached.Path, cached.Instance);
            string imported = entry.Source == null ? "imported from a file" : "imported from '" + entry.Source + "'";
            string what = entry.Confirmed.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "version {0}) were last confirmed current by the web service on {1:yyyy-MM-dd}, {2} days ago.",
                    cached.Version, since, (int)age.TotalDays)
                : published.HasValue
                    ? string.Format(CultureInfo.InvariantCulture, "{0}) are data of {1:yyyy-MM-dd}, {2} days old; importing a file again does not make its data current.",
                        imported, since, (int)age.TotalDays)
                    : string.Format(CultureInfo.InvariantCulture, "{0}) carry no date of their own and came into the cache on {1:yyyy-MM-dd}, {2} days ago; " +
                        "importing the same file again does not make them current.", imported, since, (int)age.TotalDays);
            return new Diagnostic("CachedRangesStale", where + what + " " + HowToUpdate, cached.Path);
        }
    }
}
