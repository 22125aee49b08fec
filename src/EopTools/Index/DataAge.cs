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

        public static string SeedWarning(EopDataSet seed, string cacheDirectory) =>
            "The EOP ranges come from the page of " + seed.Version + " embedded in EopTools, not from current data: there are no usable " +
            "cached ranges in '" + cacheDirectory + "'. " + HowToUpdate;

        /// <summary>Null while the cache was confirmed within <see cref="ConfirmationLimit"/>.</summary>
        public static string? StaleCacheWarning(CachedRanges cached, DateTime utcNow)
        {
            TimeSpan age = utcNow - cached.Confirmed;
            if (age <= ConfirmationLimit) return null;
            string what = cached.Version == CacheStore.UnversionedImport ? "imported from a file" : "version " + cached.Version;
            return string.Format(CultureInfo.InvariantCulture,
                "The cached EOP ranges in '{0}' ({1}, {2}) were last confirmed current by Update-EopIpRange on {3:yyyy-MM-dd}, {4} days ago. {5}",
                cached.Path, cached.Instance, what, cached.Confirmed, (int)age.TotalDays, HowToUpdate);
        }
    }
}
