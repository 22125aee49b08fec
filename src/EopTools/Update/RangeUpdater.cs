using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using EopTools.Parsing;
using EopTools.Sources;

namespace EopTools.Update
{
    /// <summary>What an update did, and the data the session should use from now on.</summary>
    internal sealed class RangeUpdateOutcome
    {
        public RangeUpdateOutcome(EopRangeUpdate report, RangeData data)
        {
            Report = report;
            Data = data;
        }

        public EopRangeUpdate Report { get; }

        public RangeData Data { get; }
    }

    /// <summary>
    /// Brings the cache up to date from the web service or an imported file. The cache is written only after a complete,
    /// parsable, non-empty answer, under the cache's lock; the caller puts the data returned into the session.
    /// <see cref="EopRangeUpdate.Updated"/> is true only when the EOP ranges changed, so a scheduled task that acts on it
    /// changes nothing when Microsoft's new version, or the file imported again, has the same ranges.
    /// </summary>
    internal static class RangeUpdater
    {
        /// <summary>Asks the caller (ShouldProcess) before anything is written; false stops without writing.</summary>
        public delegate bool ConfirmWrite(string target, string action);

        /// <summary>
        /// Asks /version; downloads /endpoints only when it is newer than the cache, or when forced. When the cache is
        /// current, records that the web service confirmed it now. Without <paramref name="force"/>, a version older than
        /// the cache's and an answer without an address family the cache has are refused (<see cref="UpdateRefusedException"/>).
        /// </summary>
        public static RangeUpdateOutcome? Update(CacheStore cache, EopInstance instance, Uri baseUri, ProxySettings proxy, bool force, TimeSpan timeout, DateTime now,
            ConfirmWrite confirm, List<Diagnostic> warnings, CancellationToken cancel)
        {
            // The cache is looked at again under the lock (another process may have written it meanwhile), and the
            // problems reported are those of the last look, the one the outcome rests on, whatever ends the update.
            int problemsAt = warnings.Count;
            string name = EopInstances.Name(instance);
            CacheLook look = cache.Look(instance);
            try
            {
                using (var service = new EndpointsWebService(baseUri, timeout, cache.ClientRequestId(), proxy))
                {
                    string latest = service.GetLatestVersion(instance, cancel);
                    string source = service.EndpointsSource(instance);
                    if (!force && look.Ranges != null)
                    {
                        // Before downloading: a service (or a mirror) behind the cache is refused without the download.
                        RefuseOlder(look.Ranges, latest, VersionDate(latest), "the latest version of the web service at " + source, serviceSaysLatest: true);
                        if (IsCurrent(look.Ranges, latest))
                        {
                            if (!confirm(cache.FilePath, "Record that version " + latest + " of " + name + " is current")) return null;
                            using (cache.Lock())
                            {
                                look = cache.Look(instance, look);
                                if (IsCurrent(look.Ranges, latest)) return Confirm(cache, look.Ranges!, now);
                            }
                            // Another update replaced the cache meanwhile with older or other data: download, as without a cache.
                        }
                    }
                    if (!confirm(cache.FilePath, "Download EOP ranges version " + latest + " of " + name + " and cache them")) return null;
                    string answer = service.GetEndpoints(instance, cancel);
                    RangeData data;
                    try
                    {
                        data = EndpointsJsonParser.Parse(answer, source, name, latest);
                    }
                    catch (RangeDataException e)
                    {
                        throw new WebServiceException(WebServiceFailure.UnexpectedAnswer, "The /endpoints answer cannot be used: " + e.Message + " Nothing was changed.", e);
                    }
                    warnings.AddRange(data.Diagnostics);
                    using (cache.Lock())
                    {
                        look = cache.Look(instance, look);
                        if (!force) Refuse(look.Ranges, data, "version " + latest + " of the web service at " + source, serviceSaysLatest: true);
                        return Store(cache, look.Ranges, new CacheEntry(name, latest, source, now, now, answer), data);
                    }
                }
            }
            finally
            {
                warnings.InsertRange(problemsAt, look.Problems);
            }
        }

        /// <summary>
        /// Imports a file in any supported format, for servers without internet. Its version is the data's own (the
        /// page's or file's date; none for the web service's JSON saved to a file). The same ranges write nothing unless
        /// they come in newer data, so importing the same stale file again does not make it look current. Without
        /// <paramref name="force"/>, data older than the cache's and data without an address family the cache has are refused.
        /// </summary>
        public static RangeUpdateOutcome? Import(CacheStore cache, EopInstance instance, string file, bool force, DateTime now, ConfirmWrite confirm, List<Diagnostic> warnings)
        {
            string name = EopInstances.Name(instance);
            string text = RangeFileReader.ReadFileText(file);
            RangeData data = RangeFileReader.ReadText(text, file, name);
            warnings.AddRange(data.Diagnostics);
            if (!confirm(cache.FilePath, "Import EOP ranges from '" + file + "' as " + name + " and cache them")) return null;
            using (cache.Lock())
            {
                CachedRanges? cached = cache.Load(instance, warnings);
                if (cached != null && SameRanges(cached.Data, data) && !ReplacesSameRanges(cached, text, data.DataSet))
                {
                    return new RangeUpdateOutcome(new EopRangeUpdate(name, cached.Version, cached.Version, false, cached.Data.Ranges.Count, cached.Path), cached.Data);
                }
                if (!force) Refuse(cached, data, "the data in '" + file + "'", serviceSaysLatest: false);
                return Store(cache, cached, new CacheEntry(name, null, file, now, null, text), data);
            }
        }

        /// <summary>True when the ranges are the same prefixes in the same tables, whatever their order or format.</summary>
        internal static bool SameRanges(RangeData a, RangeData b)
        {
            if (a.Ranges.Count != b.Ranges.Count) return false;
            List<string> first = Keys(a), second = Keys(b);
            for (int i = 0; i < first.Count; i++)
            {
                if (!string.Equals(first[i], second[i], StringComparison.Ordinal)) return false;
            }
            return true;
        }

        private static List<string> Keys(RangeData data)
        {
            var keys = new List<string>(data.Ranges.Count);
            foreach (EopIpRange range in data.Ranges) keys.Add(range.Region + " " + range.Prefix);
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        /// <summary>
        /// Whether a file of the cached ranges takes the cache's place: only as other data (a file imported again
        /// confirms nothing) that is not older, and not undated over data with a date, which says more.
        /// </summary>
        private static bool ReplacesSameRanges(CachedRanges cached, string text, EopDataSet incoming) =>
            cached.Content != text && !IsOlder(incoming.Version, incoming.Published, cached, serviceSaysLatest: false) &&
            (incoming.Published.HasValue || !cached.Data.DataSet.Published.HasValue);

        /// <summary>Whether the new data has endpoint sets that differ from the cached data's; data without sets says nothing of them.</summary>
        private static bool SetsChanged(CachedRanges? previous, RangeData data) =>
            data.EndpointSets != null && (previous == null || Diff.EndpointSetDiff.AnyChanged(previous.Data, data));

        private static bool IsCurrent(CachedRanges? cached, string latest) => cached != null && cached.Version == latest;

        /// <summary>
        /// Writes the entry, keeping what the cache held as its previous data when the ranges change. Content the cache
        /// already holds keeps the time it was first received.
        /// </summary>
        private static RangeUpdateOutcome Store(CacheStore cache, CachedRanges? cached, CacheEntry entry, RangeData data)
        {
            bool changed = cached == null || !SameRanges(cached.Data, data);
            if (cached != null && cached.Content == entry.Content)
            {
                entry = new CacheEntry(entry.Instance, entry.ServiceVersion, entry.Source, cached.Entry.Received, entry.Confirmed, entry.Content);
            }
            string path = cache.Write(entry, changed ? cached : null);
            return new RangeUpdateOutcome(new EopRangeUpdate(entry.Instance, cached?.Version, data.DataSet.Version, changed, data.Ranges.Count, path,
                SetsChanged(cached, data)), data);
        }

        /// <summary>Rewrites the cache as it is, with the time the web service confirmed it (a file of an earlier version becomes ranges.cache).</summary>
        private static RangeUpdateOutcome Confirm(CacheStore cache, CachedRanges current, DateTime now)
        {
            string path = cache.Write(current.Entry.ConfirmedAt(now));
            RangeData data = current.Path == path ? current.Data : CacheStore.ReadContent(current.Entry, path);
            return new RangeUpdateOutcome(new EopRangeUpdate(current.Instance, current.Version, current.Version, false, data.Ranges.Count, path), data);
        }

        /// <summary>Refuses data older than the cached data, or without an address family the cached data has.</summary>
        /// <param name="what">The new data, as the message names it.</param>
        /// <param name="serviceSaysLatest">The web service answered that this is its latest version.</param>
        private static void Refuse(CachedRanges? cached, RangeData data, string what, bool serviceSaysLatest)
        {
            if (cached == null) return;
            RefuseOlder(cached, data.DataSet.Version, data.DataSet.Published, what, serviceSaysLatest);
            foreach (IPAddressFamily family in new[] { IPAddressFamily.IPv4, IPAddressFamily.IPv6 })
            {
                int had = cached.Data.CountOf(family);
                if (had == 0 || data.CountOf(family) > 0) continue;
                string why = family == IPAddressFamily.IPv6 && !data.DataSet.HasIPv6
                    ? " (it carries no IPv6 at all, as a web service answer requested with NoIPv6 does)"
                    : "";
                throw new UpdateRefusedException("AddressFamilyLost", string.Format(CultureInfo.InvariantCulture,
                    "{0} has no {1} EOP range{2}; the cached {3} ranges ({4}) have {5}. It would leave Get-EopIpRange, and a firewall rule or " +
                    "connector set from it, without {1}. Nothing was changed; to use it anyway, add -Force.",
                    Capitalized(what), family, why, cached.Instance, Describe(cached), had));
            }
        }

        /// <param name="version">The new data's own version (ten digits from the web service) or date text.</param>
        /// <param name="published">The new data's publication date, where it has one.</param>
        private static void RefuseOlder(CachedRanges cached, string version, DateTime? published, string what, bool serviceSaysLatest)
        {
            if (!IsOlder(version, published, cached, serviceSaysLatest)) return;
            throw new UpdateRefusedException("OlderRangeData", string.Format(CultureInfo.InvariantCulture,
                "{0} ({1}) is older than the cached {2} ranges ({3}). It would replace them with older ranges, which may include " +
                "addresses Microsoft no longer uses for EOP. Nothing was changed; to use it anyway, add -Force.",
                Capitalized(what), DescribeDate(version, published), cached.Instance, Describe(cached)));
        }

        /// <summary>
        /// By the data's own account: web service versions compare as versions, otherwise publication dates by day. Data
        /// without a date of its own was current when it was received, except against the web service's latest version.
        /// </summary>
        private static bool IsOlder(string version, DateTime? published, CachedRanges cached, bool serviceSaysLatest)
        {
            if (EndpointsWebService.IsVersion(version) && EndpointsWebService.IsVersion(cached.Version)) return string.CompareOrdinal(version, cached.Version) < 0;
            DateTime? cachedDate = cached.Data.DataSet.Published ?? (serviceSaysLatest ? (DateTime?)null : cached.Entry.Received);
            return published.HasValue && cachedDate.HasValue && published.Value.Date < cachedDate.Value.Date;
        }

        /// <summary>The publication date of a web service version (its first eight digits), or null.</summary>
        private static DateTime? VersionDate(string version) =>
            DateTime.TryParseExact(version.Substring(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date) ? date : (DateTime?)null;

        private static string DescribeDate(string version, DateTime? published)
        {
            string date = published.HasValue ? published.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no date";
            return EndpointsWebService.IsVersion(version) ? "version " + version + " of " + date : "of " + date;
        }

        /// <summary>The cached data's version or date, and where it came from.</summary>
        private static string Describe(CachedRanges cached)
        {
            EopDataSet dataSet = cached.Data.DataSet;
            string date = dataSet.Published.HasValue
                ? DescribeDate(dataSet.Version, dataSet.Published)
                : "no date of its own, received on " + cached.Entry.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date + ", from '" + (cached.Entry.Source ?? cached.Path) + "'";
        }

        private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
