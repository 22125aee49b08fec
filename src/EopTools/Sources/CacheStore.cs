using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using EopTools.IO;
using EopTools.Parsing;

namespace EopTools.Sources
{
    /// <summary>The ranges last fetched or imported, kept as the file that was received, with its version.</summary>
    internal sealed class CachedRanges
    {
        public CachedRanges(string version, string path, RangeData data)
        {
            Version = version;
            Path = path;
            Data = data;
        }

        public string Version { get; }

        public string Path { get; }

        public RangeData Data { get; }
    }

    /// <summary>
    /// The per-user cache folder. A cache file is named ranges-{instance}-{version}{extension} and holds the data exactly
    /// as received; it is written to a temporary file and renamed into place, so it is never seen empty or partial.
    /// </summary>
    internal sealed class CacheStore
    {
        public const string DirectoryVariable = "EOPTOOLS_CACHE_DIR";
        public const string UnversionedImport = "0000000000";

        private const string ClientRequestIdFile = "client-request-id.txt";
        private const string FilePrefix = "ranges-";
        private const int MaxExtensionLength = 10;

        public CacheStore(string directory)
        {
            Directory = directory;
        }

        public string Directory { get; }

        /// <summary>EOPTOOLS_CACHE_DIR, else LOCALAPPDATA\EopTools on Windows, XDG_CACHE_HOME/EopTools or ~/.cache/EopTools elsewhere.</summary>
        public static CacheStore ForCurrentUser()
        {
            string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (!string.IsNullOrEmpty(configured)) return new CacheStore(configured!);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return new CacheStore(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EopTools"));
            }
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = !string.IsNullOrEmpty(xdg) ? xdg! : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return new CacheStore(System.IO.Path.Combine(root, "EopTools"));
        }

        /// <summary>
        /// The newest cache file that reads to EOP ranges (of <paramref name="instance"/>, or of any instance), or null.
        /// A file that cannot be read is reported in <paramref name="problems"/> and passed over.
        /// </summary>
        public CachedRanges? Load(string? instance, List<string> problems)
        {
            if (!System.IO.Directory.Exists(Directory)) return null;
            var candidates = new List<CacheFile>();
            foreach (FileInfo file in new DirectoryInfo(Directory).GetFiles(FilePrefix + "*"))
            {
                if (TryReadFileName(file.Name, out string? fileInstance, out string? version) &&
                    (instance == null || string.Equals(fileInstance, instance, StringComparison.OrdinalIgnoreCase)))
                {
                    candidates.Add(new CacheFile(file, fileInstance, version));
                }
            }
            candidates.Sort((a, b) => b.File.LastWriteTimeUtc.CompareTo(a.File.LastWriteTimeUtc));
            foreach (CacheFile candidate in candidates)
            {
                string path = candidate.File.FullName;
                try
                {
                    string? version = candidate.Version == UnversionedImport ? null : candidate.Version;
                    RangeData data = RangeFileReader.ReadText(RangeFileReader.ReadFileText(path), path, candidate.Instance, version);
                    return new CachedRanges(candidate.Version, path, data);
                }
                catch (RangeDataException e)
                {
                    problems.Add("The cached ranges in '" + path + "' cannot be used (" + e.Message + "); they are passed over.");
                }
            }
            return null;
        }

        public string PathFor(string instance, string version, string extension) =>
            System.IO.Path.Combine(Directory, FilePrefix + instance + "-" + version + extension);

        /// <summary>Writes the data as received and makes it the only cache file; returns its path.</summary>
        public string Save(string instance, string version, string extension, string content)
        {
            CreateFolder();
            string target = PathFor(instance, version, extension);
            AtomicFile.Write(target, writer => writer.Write(content), noClobber: false, force: false);
            string kept = System.IO.Path.GetFullPath(target);
            foreach (FileInfo file in new DirectoryInfo(Directory).GetFiles(FilePrefix + "*"))
            {
                if (!TryReadFileName(file.Name, out _, out _) || string.Equals(file.FullName, kept, StringComparison.Ordinal)) continue;
                try
                {
                    file.Delete();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // The new file is written and is the newest, which is the one Load takes; an old one left behind is harmless.
                }
            }
            return target;
        }

        /// <summary>The web service asks for one GUID per machine, created once and reused.</summary>
        public Guid ClientRequestId()
        {
            string path = System.IO.Path.Combine(Directory, ClientRequestIdFile);
            try
            {
                if (File.Exists(path) && Guid.TryParseExact(File.ReadAllText(path).Trim(), "D", out Guid existing)) return existing;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // An unreadable id is replaced like a missing one; a folder that cannot be written fails below, named.
            }
            Guid created = Guid.NewGuid();
            CreateFolder();
            AtomicFile.Write(path, writer => writer.Write(created.ToString("D", CultureInfo.InvariantCulture)), noClobber: false, force: false);
            return created;
        }

        /// <summary>Creates the cache folder when missing; one that cannot be created fails as any cache write does.</summary>
        private void CreateFolder()
        {
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new OutputFileException("OutputFileWriteFailed", "Cannot create the cache folder '" + Directory + "': " + e.Message, e);
            }
        }

        /// <summary>
        /// Reads a cache file's name, "ranges-{instance}-{version}.{extension}": an instance of ASCII letters, a version
        /// of ten digits, an extension of up to nine ASCII letters and digits. Any other name is not a cache file.
        /// </summary>
        /// <remarks>By hand, not with a regular expression: this runs when a session first needs its ranges, and
        /// building an expression costs startup time.</remarks>
        internal static bool TryReadFileName(string name, [NotNullWhen(true)] out string? instance, [NotNullWhen(true)] out string? version)
        {
            instance = version = null;
            if (!name.StartsWith(FilePrefix, StringComparison.Ordinal)) return false;
            int instanceEnd = FilePrefix.Length;
            while (instanceEnd < name.Length && IsAsciiLetter(name[instanceEnd])) instanceEnd++;
            int versionStart = instanceEnd + 1, versionEnd = versionStart + 10;
            if (instanceEnd == FilePrefix.Length || versionEnd >= name.Length || name[instanceEnd] != '-') return false;
            for (int i = versionStart; i < versionEnd; i++)
            {
                if (name[i] < '0' || name[i] > '9') return false;
            }
            if (!IsExtension(name, versionEnd)) return false;
            instance = name.Substring(FilePrefix.Length, instanceEnd - FilePrefix.Length);
            version = name.Substring(versionStart, 10);
            return true;
        }

        /// <summary>
        /// The extension a copy of <paramref name="file"/> keeps in the cache: its own, in lower case, when it is one
        /// <see cref="TryReadFileName"/> reads back (so saving never leaves a file that loading passes over), else ".txt".
        /// </summary>
        public static string ExtensionFor(string file)
        {
            string extension = System.IO.Path.GetExtension(file).ToLowerInvariant();
            return IsExtension(extension, 0) ? extension : ".txt";
        }

        /// <summary>True when text[start..] is '.' and 1 to 9 ASCII letters or digits.</summary>
        private static bool IsExtension(string text, int start)
        {
            int length = text.Length - start;
            if (length < 2 || length > MaxExtensionLength || text[start] != '.') return false;
            for (int i = start + 1; i < text.Length; i++)
            {
                if (!IsAsciiLetter(text[i]) && (text[i] < '0' || text[i] > '9')) return false;
            }
            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private sealed class CacheFile
        {
            public CacheFile(FileInfo file, string instance, string version)
            {
                File = file;
                Instance = instance;
                Version = version;
            }

            public FileInfo File { get; }

            public string Instance { get; }

            public string Version { get; }
        }
    }
}
