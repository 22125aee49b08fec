using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EopTools.Index;
using EopTools.Parsing;

namespace EopTools.Sources
{
    /// <summary>
    /// Brings the session's ranges up to date from the web service or an imported file. The cache is written only after
    /// a complete, parsable, non-empty answer, and the session's index is swapped only after the cache is written.
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

        /// <summary>Asks /version; downloads /endpoints only when it is newer than the cache, or when forced.</summary>
        /// <param name="instance">As <see cref="CanonicalInstance"/> returns it.</param>
        public static EopRangeUpdate? Update(CacheStore cache, string instance, Uri baseUri, bool force, TimeSpan timeout,
            ConfirmWrite confirm, List<string> warnings, CancellationToken cancel)
        {
            CachedRanges? cached = cache.Load(instance, warnings);
            string latest;
            string answer;
            using (var service = new EndpointsWebService(baseUri, timeout, cache.ClientRequestId()))
            {
                latest = service.GetLatestVersion(instance, cancel);
                if (!force && cached != null && string.CompareOrdinal(latest, cached.Version) <= 0)
                {
                    // The cache may be newer than what this session loaded (another session updated it). A session that
                    // has loaded nothing yet would load this same file: use the copy just read.
                    if (EopSession.Loaded?.DataSet.Source != cached.Path) UseInSession(cached.Data);
                    return new EopRangeUpdate(instance, cached.Version, cached.Version, false, cached.Data.Ranges.Count, cached.Path);
                }
                string target = cache.PathFor(instance, latest, ".json");
                if (!confirm(target, "Download EOP ranges version " + latest + " of " + instance + " and cache them")) return null;
                answer = service.GetEndpoints(instance, cancel);
                RangeData data;
                try
                {
                    data = EndpointsJsonParser.Parse(answer, target, instance, latest);
                }
                catch (RangeDataException e)
                {
                    throw new WebServiceException(WebServiceFailure.UnexpectedAnswer, "The /endpoints answer cannot be used: " + e.Message + " Nothing was changed.", e);
                }
                warnings.AddRange(Describe(data.Diagnostics));
                string path = cache.Save(instance, latest, ".json", answer);
                UseInSession(data);
                return new EopRangeUpdate(instance, cached?.Version, latest, true, data.Ranges.Count, path);
            }
        }

        /// <summary>Imports a file in any supported format, for servers without internet. Its version is unknown: 0000000000.</summary>
        /// <param name="instance">As <see cref="CanonicalInstance"/> returns it.</param>
        public static EopRangeUpdate? Import(CacheStore cache, string instance, string file, ConfirmWrite confirm, List<string> warnings)
        {
            string text = RangeFileReader.ReadFileText(file);
            string extension = CacheStore.ExtensionFor(file);
            string target = cache.PathFor(instance, CacheStore.UnversionedImport, extension);
            RangeData data = RangeFileReader.ReadText(text, file, instance);
            warnings.AddRange(Describe(data.Diagnostics));
            CachedRanges? cached = cache.Load(instance, warnings);
            if (!confirm(target, "Import EOP ranges from '" + file + "' as " + instance + " and cache them")) return null;
            string path = cache.Save(instance, CacheStore.UnversionedImport, extension, text);
            UseInSession(data);
            return new EopRangeUpdate(instance, cached?.Version, CacheStore.UnversionedImport, true, data.Ranges.Count, path);
        }

        private static void UseInSession(RangeData data) => EopSession.Replace(new RangeIndex(data));

        private static IEnumerable<string> Describe(IEnumerable<ParseDiagnostic> diagnostics)
        {
            foreach (ParseDiagnostic diagnostic in diagnostics) yield return diagnostic.ToString();
        }
    }
}
