using System.IO;
using System.Text;
using System.Threading;
using EopTools.Parsing;

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
        private static RangeIndex? _current;
        private static RangeIndex? _seed;

        public static RangeIndex Current
        {
            get
            {
                RangeIndex? current = Volatile.Read(ref _current);
                if (current != null) return current;
                lock (Gate)
                {
                    if (_current == null) Volatile.Write(ref _current, Seed);
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
