using System;
using System.IO;
using EopTools.Parsing;

namespace EopTools.Tests
{
    /// <summary>Where the repository and the real data beside it are.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "EopTools.sln"))) directory = directory.Parent;
                return directory?.FullName ?? throw new InvalidOperationException("EopTools.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", name);

        /// <summary>../shared/data, or EOPTOOLS_SHARED_DATA. build.ps1 leaves the SharedData tests out, loudly, when it is absent.</summary>
        public static string SharedData
        {
            get
            {
                string root = Environment.GetEnvironmentVariable("EOPTOOLS_SHARED_DATA") ?? Path.Combine(RepoRoot, "..", "shared", "data");
                if (!Directory.Exists(root))
                {
                    throw new DirectoryNotFoundException("The real data folder '" + Path.GetFullPath(root) + "' is absent; the SharedData tests need it.");
                }
                return Path.GetFullPath(root);
            }
        }

        public static string Shared(string relative) => Path.Combine(SharedData, relative);

        public static RangeData ReadShared(params string[] parts) => RangeFileReader.Read(Shared(Path.Combine(parts)));
    }
}
