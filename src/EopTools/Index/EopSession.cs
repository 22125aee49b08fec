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
        private static readonly List<string> PendingWarnings = new List<string>();
        private static RangeIndex? _current;
        private static RangeIndex? _seed;

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

        public static void Replace(RangeIndex index) => Volatile.Write(ref _current, index);

        /// <summary>
        /// Test hook (the Pester files call it through reflection): forgets the session's ranges and pending warnings, so
        /// the next cmdlet loads them as a new session would and no test file depends on the ones that ran before it.
        /// </summary>
        internal static void ResetForTests()
        {
            lock (Gate)
            {
                Volatile.Write(ref _current, null);
                PendingWarnings.Clear();
            }
        }

        /// <summary>
        /// Warnings from loading the default data (a corrupt cache, answers from the seed, a cache not confirmed for a
        /// month), handed out once to the cmdlet that triggered the load: one warning per session, not per call.
        /// </summary>
        public static List<string> TakeLoadWarnings()
        {
            lock (Gate)
            {
                var warnings = new List<string>(PendingWarnings);
                PendingWarnings.Clear();
                return warnings;
            }
        }

        private static RangeIndex LoadDefault()
        {
            CacheStore cache = CacheStore.ForCurrentUser(PendingWarnings);
            var problems = new List<string>();
            CachedRanges? cached = cache.Load(null, problems);
            foreach (string problem in problems) PendingWarnings.Add(problem + " Using " + (cached == null ? "the embedded seed" : "'" + cached.Path + "'") + " instead.");
            if (cached == null)
            {
                PendingWarnings.Add(DataAge.SeedWarning(Seed.DataSet, cache.Directory));
                return Seed;
            }
            string? stale = DataAge.StaleCacheWarning(cached, DateTime.UtcNow);
            if (stale != null) PendingWarnings.Add(stale);
            return new RangeIndex(cached.Data);
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
