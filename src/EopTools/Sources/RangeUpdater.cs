using System;
using System.Collections.Generic;
using System.Threading;
using EopTools.Parsing;

namespace EopTools.Sources
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
        public static readonly string[] Instances = { "Worldwide", "USGovDoD", "USGovGCCHigh", "China" };

        /// <summary>Asks the caller (ShouldProcess) before anything is written; false stops without writing.</summary>
        public delegate bool ConfirmWrite(string target, string action);

        public static string CanonicalInstance(string instance)
        {
            foreach (string known in Instances)
            {
                if (string.Equals(known, instance, StringComparison.OrdinalIgnoreCase)) return known;
            }
            throw new ArgumentException("Unknown instance '" + instance + "'; use one of " + string.Join(", ", Instances) + ".", nameof(instance));
        }

        /// <summary>
        /// Asks /version; downloads /endpoints only when it is newer than the cache, or when forced. When the cache is
        /// current, records that it was confirmed now.
        /// </summary>
        /// <param name="instance">As <see cref="CanonicalInstance"/> returns it.</param>
        public static RangeUpdateOutcome? Update(CacheStore cache, string instance, Uri baseUri, ProxySettings proxy, bool force, TimeSpan timeout, DateTime now,
            ConfirmWrite confirm, List<string> warnings, CancellationToken cancel)
        {
            // The cache is looked at again under the lock (another process may have written it meanwhile), and the
            // problems reported are those of the last look, the one the outcome rests on, whatever ends the update.
            int problemsAt = warnings.Count;
            CacheLook look = cache.Look(instance);
            try
            {
                using (var service = new EndpointsWebService(baseUri, timeout, cache.ClientRequestId(), proxy))
                {
                    string latest = service.GetLatestVersion(instance, cancel);
                    if (!force && IsCurrent(look.Ranges, latest))
                    {
                        if (!confirm(cache.FilePath, "Record that version " + look.Ranges!.Version + " of " + instance + " is current")) return null;
                        using (cache.Lock())
                        {
                            look = cache.Look(instance, look);
                            if (IsCurrent(look.Ranges, latest)) return Confirm(cache, look.Ranges!, now);
                        }
                        // Another update replaced the cache meanwhile with older or other data: download, as without a cache.
                    }
                    if (!confirm(cache.FilePath, "Download EOP ranges version " + latest + " of " + instance + " and cache them")) return null;
                    string answer = service.GetEndpoints(instance, cancel);
                    RangeData data;
                    try
                    {
                        data = EndpointsJsonParser.Parse(answer, service.EndpointsSource(instance), instance, latest);
                    }
                    catch (RangeDataException e)
                    {
                        throw new WebServiceException(WebServiceFailure.UnexpectedAnswer, "The /endpoints answer cannot be used: " + e.Message + " Nothing was changed.", e);
                    }
                    warnings.AddRange(Describe(data.Diagnostics));
                    using (cache.Lock())
                    {
                        look = cache.Look(instance, look);
                        CachedRanges? previous = look.Ranges;
                        string path = cache.Write(instance, latest, now, answer);
                        bool changed = previous == null || !SameRanges(previous.Data, data);
                        return new RangeUpdateOutcome(new EopRangeUpdate(instance, previous?.Version, latest, changed, data.Ranges.Count, path), data);
                    }
                }
            }
            finally
            {
                warnings.InsertRange(problemsAt, look.Problems);
            }
        }

        /// <summary>
        /// Imports a file in any supported format, for servers without internet. Its version is unknown (0000000000);
        /// when it holds the cached ranges, the cache keeps its data and version and records that they were confirmed now.
        /// </summary>
        /// <param name="instance">As <see cref="CanonicalInstance"/> returns it.</param>
        public static RangeUpdateOutcome? Import(CacheStore cache, string instance, string file, DateTime now, ConfirmWrite confirm, List<string> warnings)
        {
            string text = RangeFileReader.ReadFileText(file);
            RangeData data = RangeFileReader.ReadText(text, file, instance);
            warnings.AddRange(Describe(data.Diagnostics));
            if (!confirm(cache.FilePath, "Import EOP ranges from '" + file + "' as " + instance + " and cache them")) return null;
            using (cache.Lock())
            {
                CachedRanges? previous = cache.Load(instance, warnings);
                if (previous != null && SameRanges(previous.Data, data)) return Confirm(cache, previous, now);
                string path = cache.Write(instance, CacheStore.UnversionedImport, now, text);
                return new RangeUpdateOutcome(new EopRangeUpdate(instance, previous?.Version, CacheStore.UnversionedImport, true, data.Ranges.Count, path), data);
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

        private static bool IsCurrent(CachedRanges? cached, string latest) => cached != null && string.CompareOrdinal(latest, cached.Version) <= 0;

        /// <summary>Rewrites the cache as it is, with the time it was found current (a file of an earlier version becomes ranges.cache).</summary>
        private static RangeUpdateOutcome Confirm(CacheStore cache, CachedRanges current, DateTime now)
        {
            string path = cache.Write(current.Instance, current.Version, now, current.Content);
            RangeData data = current.Path == path ? current.Data : CacheStore.ReadContent(current.Content, path, current.Instance, current.Version);
            return new RangeUpdateOutcome(new EopRangeUpdate(current.Instance, current.Version, current.Version, false, data.Ranges.Count, path), data);
        }

        private static IEnumerable<string> Describe(IEnumerable<ParseDiagnostic> diagnostics)
        {
            foreach (ParseDiagnostic diagnostic in diagnostics) yield return diagnostic.ToString();
        }
    }
}
