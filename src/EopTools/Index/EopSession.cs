using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EopTools.Parsing;
using EopTools.Sources;

namespace EopTools.Index
{
    /// <summary>
    /// The one range index shared by every cmdlet in the process. Built on first use, never at import; replaced
    /// whole, so a reader sees either the old index or the new one, never a mix.
    /// </summary>
    internal static class EopSession
    {
        public const string SeedResourceName = "EopTools.Seed.md";
        public const string SeedSource = "embedded seed";

        private static readonly object Gate = new object();
        private static readonly List<Diagnostic> PendingWarnings = new List<Diagnostic>();
        private static RangeIndex? _current;
        private static RangeIndex? _seed;

        /// <summary>The instance of the cached data the session uses; null while it uses the seed.</summary>
        private static EopInstance? _instance;

        /// <summary>The previous data set once looked for (its index may be null); null until then.</summary>
        private static PreviousData? _previous;

        /// <summary>What the session's ranges from the cache say an address they do not hold was: the older data, read when first asked.</summary>
        private static readonly FormerRanges Former = new FormerRanges(OlderData);

        /// <summary>The session's ranges: on first use, the cache when it holds valid data, else the embedded seed.</summary>
        public static RangeIndex Current
        {
            get
            {
                RangeIndex? current = Volatile.Read(ref _current);
                if (current != null) return current;
                lock (Gate)
                {
                    if (_current == null) Volatile.Write(ref _current, LoadDefault());
                    return _current!;
                }
            }
        }

        /// <summary>The page this project implements, embedded in the DLL and parsed by the same parser as -Path.</summary>
        public static RangeIndex Seed
        {
            get
            {
                RangeIndex? seed = Volatile.Read(ref _seed);
                if (seed != null) return seed;
                lock (Gate)
                {
                    if (_seed == null) Volatile.Write(ref _seed, new RangeIndex(EopPageParser.Parse(ReadSeedText(), SeedSource)));
                    return _seed!;
                }
            }
        }

        /// <summary>
        /// The data the cache held before its ranges last changed (of the instance the session uses), or null: none, or
        /// the session answers from the seed. Read from the cache on first use.
        /// </summary>
        public static RangeIndex? Previous => LoadedPrevious().Older?.Index;

        /// <summary>
        /// After an update: the session's ranges are the cache's data of <paramref name="instance"/> now, and its previous
        /// data is read again.
        /// </summary>
        public static void Replace(RangeData data, EopInstance instance)
        {
            var index = new RangeIndex(data, Former);
            lock (Gate)
            {
                _instance = instance;
                Volatile.Write(ref _previous, null);
                Volatile.Write(ref _current, index);
            }
        }

        private static PreviousData LoadedPrevious()
        {
            PreviousData? previous = Volatile.Read(ref _previous);
            if (previous != null) return previous;
            lock (Gate)
            {
                // The previous data is of the instance the session's ranges are: those first.
                _ = Current;
                if (_previous == null) Volatile.Write(ref _previous, new PreviousData(LoadPrevious(), new OlderData(Seed, EopFormerRange.EmbeddedPage, Seed.DataSet.Published)));
                return _previous!;
            }
        }

        /// <summary>The data older than the session's cached ranges, newest first: the cache's previous data, then the embedded page.</summary>
        private static IReadOnlyList<OlderData> OlderData() => LoadedPrevious().NewestFirst;

        /// <summary>
        /// Test hook (the Pester files call it through reflection): forgets the session's ranges and pending warnings, so
        /// the next cmdlet loads them as a new session would and no test file depends on the ones that ran before it.
        /// </summary>
        internal static void ResetForTests()
        {
            lock (Gate)
            {
                Volatile.Write(ref _current, null);
                Volatile.Write(ref _previous, null);
                _instance = null;
                PendingWarnings.Clear();
            }
        }

        /// <summary>
        /// Warnings from loading the default data (a corrupt cache, answers from the seed, a cache not confirmed for a
        /// month), handed out once to the cmdlet that triggered the load: one warning per session, not per call.
        /// </summary>
        public static List<Diagnostic> TakeLoadWarnings()
        {
            lock (Gate)
            {
                var warnings = new List<Diagnostic>(PendingWarnings);
                PendingWarnings.Clear();
                return warnings;
            }
        }

        private static RangeIndex LoadDefault()
        {
            CacheStore cache = CacheStore.ForCurrentUser(PendingWarnings);
            var problems = new List<Diagnostic>();
            CachedRanges? cached = cache.Load(null, problems);
            foreach (Diagnostic problem in problems) PendingWarnings.Add(problem.Then("Using " + (cached == null ? "the embedded seed" : "'" + cached.Path + "'") + " instead."));
            if (cached == null)
            {
                PendingWarnings.Add(DataAge.SeedWarning(Seed.DataSet, cache.Directory));
                return Seed;
            }
            Diagnostic? stale = DataAge.StaleCacheWarning(cached, DateTime.UtcNow);
            if (stale != null) PendingWarnings.Add(stale);
            // A cache that names no instance this module knows has no previous data it could be sure of.
            _instance = EopInstances.TryParse(cached.Instance, out EopInstance instance) ? instance : (EopInstance?)null;
            return new RangeIndex(cached.Data, Former);
        }

        /// <summary>Called under <see cref="Gate"/>; a previous file that cannot be used is a pending warning, as a bad cache is.</summary>
        private static OlderData? LoadPrevious()
        {
            if (_instance == null) return null;
            CacheStore cache = CacheStore.ForCurrentUser(new List<Diagnostic>());
            var problems = new List<Diagnostic>();
            CachedRanges? previous = cache.LoadPrevious(_instance, problems);
            PendingWarnings.AddRange(problems);
            if (previous == null) return null;
            // Data without a date of its own (a saved web service answer) is dated by when it came into the cache.
            return new OlderData(new RangeIndex(previous.Data), EopFormerRange.PreviousCache, previous.Data.DataSet.Published ?? previous.Entry.Received);
        }

        private sealed class PreviousData
        {
            public PreviousData(OlderData? older, OlderData seed)
            {
                Older = older;
                NewestFirst = older == null ? new[] { seed } : new[] { older, seed };
            }

            /// <summary>The cache's previous data; null when there is none.</summary>
            public OlderData? Older { get; }

            public IReadOnlyList<OlderData> NewestFirst { get; }
        }

        internal static string ReadSeedText()
        {
            using (Stream stream = typeof(EopSession).Assembly.GetManifestResourceStream(SeedResourceName)!)
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
