using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using EopTools.IO;
using EopTools.Parsing;

namespace EopTools.Sources
{
    /// <summary>What the cache keeps of one data set: the data as received, where from, and how current it is known to be.</summary>
    internal sealed class CacheEntry
    {
        public CacheEntry(string instance, string? serviceVersion, string? source, DateTime received, DateTime? confirmed, string content)
        {
            Instance = instance;
            ServiceVersion = serviceVersion;
            Source = source;
            Received = received;
            Confirmed = confirmed;
            Content = content;
        }

        public string Instance { get; }

        /// <summary>The web service's version of its answer; null for an imported file, whose own version or date is in its data.</summary>
        public string? ServiceVersion { get; }

        /// <summary>The address asked or the file imported; null in a cache written by an earlier EopTools.</summary>
        public string? Source { get; }

        /// <summary>When this content came into the cache (UTC); writing the same content again keeps it.</summary>
        public DateTime Received { get; }

        /// <summary>When the web service last answered that <see cref="ServiceVersion"/> is its latest (UTC); null for an imported file.</summary>
        public DateTime? Confirmed { get; }

        /// <summary>The file or answer exactly as received.</summary>
        public string Content { get; }

        /// <summary>The same data, confirmed current by the web service at <paramref name="time"/>.</summary>
        public CacheEntry ConfirmedAt(DateTime time) => new CacheEntry(Instance, ServiceVersion, Source, Received, time, Content);
    }

    /// <summary>The ranges last fetched or imported: the entry, the file it was read from, and its data.</summary>
    internal sealed class CachedRanges
    {
        public CachedRanges(CacheEntry entry, string path, RangeData data)
        {
            Entry = entry;
            Path = path;
            Data = data;
        }

        public CacheEntry Entry { get; }

        public string Instance => Entry.Instance;

        /// <summary>The data's own version or date: the web service's version, the page's or file's date, or "unversioned"/"undated".</summary>
        public string Version => Data.DataSet.Version;

        public string Content => Entry.Content;

        public string Path { get; }

        public RangeData Data { get; }
    }

    /// <summary>What one look at the cache found: the ranges, or null, and each file passed over, with why.</summary>
    internal sealed class CacheLook
    {
        public CacheLook(EopInstance? instance, CachedRanges? ranges, IReadOnlyList<Diagnostic> problems, string? fileText)
        {
            Instance = instance;
            Ranges = ranges;
            Problems = problems;
            FileText = fileText;
        }

        /// <summary>The instance looked for; null for any.</summary>
        public EopInstance? Instance { get; }

        public CachedRanges? Ranges { get; }

        public IReadOnlyList<Diagnostic> Problems { get; }

        /// <summary>ranges.cache as read, when it was there at the first try; else null.</summary>
        public string? FileText { get; }
    }

    /// <summary>
    /// The per-user cache folder. ranges.cache holds a short header (instance, web service version, source, when
    /// received, when last confirmed) and the data exactly as received; previous.cache, in the same form, the data it
    /// held before the ranges last changed. Writers take ranges.lock, so an update reads and replaces the files as one
    /// step, and write temporary files renamed over them; readers take no lock and always find a whole file, the old
    /// one or the new one. ranges-{instance}-{version}.{extension} files of earlier versions are read when there is no
    /// ranges.cache, and deleted by the next write.
    /// </summary>
    internal sealed class CacheStore
    {
        public const string DirectoryVariable = "EOPTOOLS_CACHE_DIR";
        public const string FileName = "ranges.cache";
        public const string PreviousFileName = "previous.cache";

        /// <summary>How long a writer waits for another one to finish; a write takes milliseconds.</summary>
        public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

        /// <summary>How long a reader retries a cache file that another handle holds (a rename in progress, on Windows).</summary>
        private static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(2);

        private const string LockFileName = "ranges.lock";
        private const string ClientRequestIdFile = "client-request-id.txt";
        private const string LegacyPrefix = "ranges-";
        private const int MaxExtensionLength = 10;
        private const string Signature = "EopTools range cache 2";
        private const string FirstSignature = "EopTools range cache 1";
        private const string InstanceKey = "instance: ";
        private const string VersionKey = "version: ";
        private const string SourceKey = "source: ";
        private const string ReceivedKey = "received: ";
        private const string ConfirmedKey = "confirmed: ";
        private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        private const string NoVersion = "none";
        private const string NeverConfirmed = "never";

        /// <summary>How the first cache format, and the file names before it, marked an imported file: no web service version.</summary>
        private const string FirstFormatImport = "0000000000";

        /// <summary>The largest cache file read: the largest answer the web service client accepts, and the header.</summary>
        internal const long MaxFileBytes = EndpointsWebService.MaxAnswerBytes + 1024;

        /// <summary>The module's one file policy (a device or a pipe is refused unopened), with the cache's size limit.</summary>
        private static readonly InputFileAccess Access = new InputFileAccess("Cache", MaxFileBytes);

        private static ResolvedFolder? _resolved;

        public CacheStore(string directory)
        {
            Directory = directory;
        }

        public string Directory { get; }

        public string FilePath => System.IO.Path.Combine(Directory, FileName);

        public string PreviousFilePath => System.IO.Path.Combine(Directory, PreviousFileName);

        /// <summary>
        /// EOPTOOLS_CACHE_DIR, else LOCALAPPDATA\EopTools on Windows, XDG_CACHE_HOME/EopTools or ~/.cache/EopTools
        /// elsewhere; resolved to a full path once per value of the variable, so every cmdlet of the process uses the
        /// same folder. A blank or invalid value is reported in <paramref name="warnings"/> (on every call): CacheFolderBlank, CacheFolderInvalid.
        /// </summary>
        public static CacheStore ForCurrentUser(List<Diagnostic> warnings)
        {
            string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
            ResolvedFolder? resolved = Volatile.Read(ref _resolved);
            if (resolved == null || resolved.Configured != configured)
            {
                var found = new List<Diagnostic>();
                bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
                string defaultDirectory = DefaultDirectory(windows, Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
                    Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
                string directory = ChooseDirectory(configured, Environment.CurrentDirectory, defaultDirectory, found);
                resolved = new ResolvedFolder(configured, new CacheStore(directory), found);
                Volatile.Write(ref _resolved, resolved);
            }
            warnings.AddRange(resolved.Warnings);
            return resolved.Store;
        }

        /// <summary>
        /// The configured folder as a full path (a relative one against <paramref name="workingFolder"/>, the process's
        /// working folder), or <paramref name="defaultDirectory"/> when none is configured or the value cannot be used.
        /// </summary>
        internal static string ChooseDirectory(string? configured, string workingFolder, string defaultDirectory, List<Diagnostic> warnings)
        {
            if (string.IsNullOrEmpty(configured)) return defaultDirectory;
            if (configured!.Trim().Length == 0)
            {
                warnings.Add(new Diagnostic("CacheFolderBlank", DirectoryVariable + " is blank ('" + configured + "'); the cache folder '" + defaultDirectory + "' is used instead.",
                    DirectoryVariable, text: configured));
                return defaultDirectory;
            }
            try
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(workingFolder, configured));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                warnings.Add(new Diagnostic("CacheFolderInvalid", DirectoryVariable + " ('" + configured + "') is not a folder path (" + e.Message + "); the cache folder '" +
                    defaultDirectory + "' is used instead.", DirectoryVariable, text: configured));
                return defaultDirectory;
            }
        }

        /// <summary>The per-user default; an XDG_CACHE_HOME that is not absolute is ignored, as the XDG specification says.</summary>
        internal static string DefaultDirectory(bool windows, string localAppData, string? xdgCacheHome, string userProfile)
        {
            if (windows) return System.IO.Path.Combine(localAppData, "EopTools");
            string root = !string.IsNullOrEmpty(xdgCacheHome) && System.IO.Path.IsPathRooted(xdgCacheHome)
                ? xdgCacheHome!
                : System.IO.Path.Combine(userProfile, ".cache");
            return System.IO.Path.Combine(root, "EopTools");
        }

        /// <summary>
        /// The cached ranges (of <paramref name="instance"/>, or of any instance), or null. A file that cannot be used
        /// is reported in <paramref name="problems"/> and passed over. Takes no lock: the file is only ever replaced whole.
        /// </summary>
        public CachedRanges? Load(EopInstance? instance, List<Diagnostic> problems)
        {
            CacheLook look = Look(instance);
            problems.AddRange(look.Problems);
            return look.Ranges;
        }

        /// <summary>
        /// What the cache holds now, as <see cref="Load"/> reads it. When ranges.cache is still the text that
        /// <paramref name="earlier"/> read, that look is the answer, not parsed again: the same text gives the same
        /// ranges and the same problems.
        /// </summary>
        public CacheLook Look(EopInstance? instance, CacheLook? earlier = null)
        {
            var problems = new List<Diagnostic>();
            if (!System.IO.Directory.Exists(Directory)) return new CacheLook(instance, null, problems, null);
            if (TryReadFile(FilePath, problems, out string? text))
            {
                if (earlier != null && text != null && earlier.FileText == text && earlier.Instance == instance) return earlier;
                return new CacheLook(instance, ParseFile(text, FilePath, instance, problems), problems, text);
            }
            if (TryLoadLegacy(instance, problems, out CachedRanges? cached)) return new CacheLook(instance, cached, problems, null);
            // No ranges.cache, and no file of an earlier version was read: a writer may have replaced them meanwhile.
            TryReadFile(FilePath, problems, out text);
            return new CacheLook(instance, ParseFile(text, FilePath, instance, problems), problems, null);
        }

        /// <summary>
        /// The data the cache held before its ranges last changed (of <paramref name="instance"/>, or of any instance),
        /// or null; a file that cannot be used is reported in <paramref name="problems"/>. Takes no lock, as <see cref="Load"/>.
        /// </summary>
        public CachedRanges? LoadPrevious(EopInstance? instance, List<Diagnostic> problems)
        {
            if (!System.IO.Directory.Exists(Directory) || !TryReadFile(PreviousFilePath, problems, out string? text)) return null;
            return ParseFile(text, PreviousFilePath, instance, problems);
        }

        /// <summary>
        /// Waits for other writers and holds ranges.lock until disposed. Load, decide and <see cref="Write"/> under it,
        /// so that what is written is decided on what the cache holds at that moment.
        /// </summary>
        public IDisposable Lock()
        {
            CreateFolder();
            string path = System.IO.Path.Combine(Directory, LockFileName);
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException e)
                {
                    if (waited.Elapsed >= LockTimeout)
                    {
                        throw new OutputFileException("CacheBusy", string.Format(CultureInfo.InvariantCulture,
                            "The cache folder '{0}' stayed locked by another update for {1} seconds ({2}: {3}). Nothing was changed.",
                            Directory, LockTimeout.TotalSeconds, LockFileName, e.Message), e);
                    }
                    Thread.Sleep(20);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw OutputFileException.WriteFailed("open the cache lock '" + path + "'", e);
                }
            }
        }

        /// <summary>
        /// Replaces ranges.cache with this entry, and first previous.cache with <paramref name="keepAsPrevious"/> when
        /// given (each written whole to a temporary file, then renamed), then deletes the files of earlier versions.
        /// Call it holding <see cref="Lock"/>. Returns the path of ranges.cache.
        /// </summary>
        public string Write(CacheEntry entry, CachedRanges? keepAsPrevious = null)
        {
            CreateFolder();
            // The previous data first: a failure between the two renames leaves the current data in both files, never a
            // previous.cache newer than ranges.cache.
            if (keepAsPrevious != null) AtomicFile.Write(PreviousFilePath, writer => WriteEntry(writer, keepAsPrevious.Entry), noClobber: false, force: false);
            string target = FilePath;
            AtomicFile.Write(target, writer => WriteEntry(writer, entry), noClobber: false, force: false);
            foreach (FileInfo file in new DirectoryInfo(Directory).GetFiles(LegacyPrefix + "*"))
            {
                if (!TryReadFileName(file.Name, out _, out _)) continue;
                try
                {
                    file.Delete();
                }
                catch (Exception e) when (FileProblems.Is(e))
                {
                    // ranges.cache is written and is what Load reads first; an old file left behind is never read.
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
                if (File.Exists(path) && Guid.TryParseExact(Access.ReadAllText(path, FileShare.Read).Trim(), "D", out Guid existing)) return existing;
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                // An unreadable id is replaced like a missing one; a folder that cannot be written fails below, named.
            }
            Guid created = Guid.NewGuid();
            CreateFolder();
            AtomicFile.Write(path, writer => writer.Write(created.ToString("D", CultureInfo.InvariantCulture)), noClobber: false, force: false);
            return created;
        }

        private static CachedRanges? Matching(CachedRanges? cached, EopInstance? instance) =>
            cached != null && (instance == null || EopInstances.Is(cached.Instance, instance.Value)) ? cached : null;

        private static void WriteEntry(TextWriter writer, CacheEntry entry)
        {
            string source = entry.Source == null ? "" : entry.Source.Replace('\r', ' ').Replace('\n', ' ');
            writer.Write(Signature + "\n" + InstanceKey + entry.Instance + "\n" + VersionKey + (entry.ServiceVersion ?? NoVersion) + "\n" +
                SourceKey + source + "\n" + ReceivedKey + Time(entry.Received) + "\n" +
                ConfirmedKey + (entry.Confirmed.HasValue ? Time(entry.Confirmed.Value) : NeverConfirmed) + "\n\n");
            writer.Write(entry.Content);
        }

        private static string Time(DateTime time) => time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

        /// <summary>Reads a cache file; false when there is none. A file that cannot be read is a problem and null text.</summary>
        private static bool TryReadFile(string path, List<Diagnostic> problems, out string? text)
        {
            text = null;
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    // FileShare.Delete: on Windows, a writer may rename a new file over this one while it is being read.
                    text = Access.ReadAllText(path, FileShare.Read | FileShare.Delete);
                    return true;
                }
                catch (IOException e) when (!(e is FileNotFoundException || e is DirectoryNotFoundException) && waited.Elapsed < ReadWait)
                {
                    // Held by another handle for a moment (on Windows, a writer's rename does that): a file being replaced, not a bad cache.
                    Thread.Sleep(20);
                }
                catch (Exception e) when (FileProblems.Is(e))
                {
                    InputFileException refused = Access.Classify(e, path);
                    if (refused.ErrorId == Access.Kind + "FileNotFound") return false;
                    problems.Add(Unusable(path, "the file " + refused.Reason));
                    return true;
                }
            }
        }

        /// <summary>The ranges of the text of a cache file when they are of <paramref name="instance"/> (or it is null); a file that cannot be used is a problem.</summary>
        private static CachedRanges? ParseFile(string? text, string path, EopInstance? instance, List<Diagnostic> problems)
        {
            if (text == null) return null;
            try
            {
                return Matching(Parse(text, path), instance);
            }
            catch (RangeDataException e)
            {
                problems.Add(Unusable(path, e.Message));
                return null;
            }
        }

        /// <summary>The one diagnostic of a cache file passed over, with why.</summary>
        private static Diagnostic Unusable(string path, string reason) =>
            new Diagnostic("CacheFileUnusable", "The cached ranges in '" + path + "' cannot be used (" + reason + "); they are passed over.", path);

        /// <summary>
        /// The header, strictly: the signature line, then instance, version, source, received and confirmed lines, an
        /// empty line; then the data. The first format (instance, version, confirmed) is read as it was meant.
        /// </summary>
        internal static CachedRanges Parse(string text, string path)
        {
            int position = 0;
            string signature = HeaderValue(text, ref position, 1, "", value => value == Signature || value == FirstSignature, "'" + Signature + "'");
            string instance = HeaderValue(text, ref position, 2, InstanceKey, IsInstance, "'" + InstanceKey + "' and an instance name");
            string expectedTime = "a UTC time as " + TimeFormat;
            string? serviceVersion, source = null;
            DateTime received;
            DateTime? confirmed;
            if (signature == FirstSignature)
            {
                serviceVersion = HeaderValue(text, ref position, 3, VersionKey, EndpointsWebService.IsVersion, "'" + VersionKey + "' and ten digits");
                received = ParseTime(HeaderValue(text, ref position, 4, ConfirmedKey, IsTime, "'" + ConfirmedKey + "' and " + expectedTime));
                // That format recorded an import as version 0000000000 and the import's time as a confirmation.
                if (serviceVersion == FirstFormatImport) serviceVersion = null;
                confirmed = serviceVersion == null ? (DateTime?)null : received;
            }
            else
            {
                string version = HeaderValue(text, ref position, 3, VersionKey, value => value == NoVersion || EndpointsWebService.IsVersion(value),
                    "'" + VersionKey + "' and ten digits or '" + NoVersion + "'");
                serviceVersion = version == NoVersion ? null : version;
                string sourceText = HeaderValue(text, ref position, 4, SourceKey, value => true, "'" + SourceKey + "'");
                if (sourceText.Length > 0) source = sourceText;
                received = ParseTime(HeaderValue(text, ref position, 5, ReceivedKey, IsTime, "'" + ReceivedKey + "' and " + expectedTime));
                string confirmedText = HeaderValue(text, ref position, 6, ConfirmedKey, value => value == NeverConfirmed || IsTime(value),
                    "'" + ConfirmedKey + "' and " + expectedTime + " or '" + NeverConfirmed + "'");
                confirmed = confirmedText == NeverConfirmed ? (DateTime?)null : ParseTime(confirmedText);
            }
            HeaderValue(text, ref position, signature == FirstSignature ? 5 : 7, "", value => value.Length == 0, "empty");
            string content = text.Substring(position);
            var entry = new CacheEntry(instance, serviceVersion, source, received, confirmed, content);
            return new CachedRanges(entry, path, ReadContent(entry, path));
        }

        /// <summary>
        /// The ranges of a cache entry kept in <paramref name="path"/>; the web service's version is the answer's version.
        /// Their data set names the address asked or the file imported, as in the session that cached them: a change
        /// record of a later session names that source, not the cache file (which a cache of an earlier version lacks).
        /// </summary>
        public static RangeData ReadContent(CacheEntry entry, string path) =>
            RangeFileReader.ReadText(entry.Content, entry.Source ?? path, entry.Instance, entry.ServiceVersion);

        private static bool IsTime(string value) => TryParseTime(value, out _);

        private static DateTime ParseTime(string value)
        {
            TryParseTime(value, out DateTime time);
            return time;
        }

        private static bool TryParseTime(string value, out DateTime time) =>
            DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);

        /// <summary>The value of the header line at <paramref name="position"/> after its key; the line must end with a line break.</summary>
        private static string HeaderValue(string text, ref int position, int line, string key, Func<string, bool> valid, string expected)
        {
            int end = text.IndexOf('\n', position);
            string found = end < 0 ? text.Substring(position) : text.Substring(position, end - position);
            if (found.EndsWith("\r", StringComparison.Ordinal)) found = found.Substring(0, found.Length - 1);
            string value = found.StartsWith(key, StringComparison.Ordinal) ? found.Substring(key.Length) : found;
            if (end < 0 || (key.Length > 0 && value.Length == found.Length) || !valid(value))
            {
                string shown = found.Length <= 60 ? found : found.Substring(0, 60) + "...";
                throw new RangeDataException("CacheFileInvalid", string.Format(CultureInfo.InvariantCulture,
                    "line {0} is '{1}', not {2}: not a cache file of this module", line, shown, expected));
            }
            position = end + 1;
            return value;
        }

        /// <summary>
        /// The newest file of an earlier version that reads to EOP ranges. When one vanishes while this looks, a writer
        /// is replacing them with ranges.cache: false, and the caller reads that instead.
        /// </summary>
        private bool TryLoadLegacy(EopInstance? instance, List<Diagnostic> problems, out CachedRanges? cached)
        {
            cached = null;
            var candidates = new List<LegacyFile>();
            foreach (FileInfo file in new DirectoryInfo(Directory).GetFiles(LegacyPrefix + "*"))
            {
                if (TryReadFileName(file.Name, out string? fileInstance, out string? version) &&
                    (instance == null || EopInstances.Is(fileInstance, instance.Value)))
                {
                    candidates.Add(new LegacyFile(file, fileInstance, version));
                }
            }
            candidates.Sort((a, b) => b.File.LastWriteTimeUtc.CompareTo(a.File.LastWriteTimeUtc));
            foreach (LegacyFile candidate in candidates)
            {
                string path = candidate.File.FullName;
                try
                {
                    string content = RangeFileReader.ReadFileText(path);
                    // Earlier versions recorded no confirmation: the file was written when its data was last found current.
                    DateTime written = candidate.File.LastWriteTimeUtc;
                    string? serviceVersion = candidate.Version == FirstFormatImport ? null : candidate.Version;
                    var entry = new CacheEntry(candidate.Instance, serviceVersion, null, written, serviceVersion == null ? (DateTime?)null : written, content);
                    cached = new CachedRanges(entry, path, ReadContent(entry, path));
                    return true;
                }
                catch (RangeDataException e) when (e.ErrorId == "RangeFileNotFound")
                {
                    return false;
                }
                catch (RangeDataException e)
                {
                    problems.Add(Unusable(path, e.Message));
                }
            }
            return false;
        }

        /// <summary>Creates the cache folder when missing; one that cannot be created fails as any cache write does.</summary>
        private void CreateFolder()
        {
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            catch (Exception e) when (FileProblems.Is(e))
            {
                throw OutputFileException.WriteFailed("create the cache folder '" + Directory + "'", e);
            }
        }

        /// <summary>
        /// Reads the name of a cache file of an earlier version, "ranges-{instance}-{version}.{extension}": an instance
        /// of ASCII letters, a version of ten digits, an extension of up to nine ASCII letters and digits.
        /// </summary>
        /// <remarks>By hand, not with a regular expression: this runs when a session first needs its ranges, and
        /// building an expression costs startup time.</remarks>
        internal static bool TryReadFileName(string name, [NotNullWhen(true)] out string? instance, [NotNullWhen(true)] out string? version)
        {
            instance = version = null;
            if (!name.StartsWith(LegacyPrefix, StringComparison.Ordinal)) return false;
            int instanceEnd = LegacyPrefix.Length;
            while (instanceEnd < name.Length && IsAsciiLetter(name[instanceEnd])) instanceEnd++;
            int versionStart = instanceEnd + 1, versionEnd = versionStart + 10;
            if (instanceEnd == LegacyPrefix.Length || versionEnd >= name.Length || name[instanceEnd] != '-') return false;
            if (!EndpointsWebService.IsVersion(name.Substring(versionStart, 10))) return false;
            if (!IsExtension(name, versionEnd)) return false;
            instance = name.Substring(LegacyPrefix.Length, instanceEnd - LegacyPrefix.Length);
            version = name.Substring(versionStart, 10);
            return true;
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

        private static bool IsInstance(string text)
        {
            foreach (char c in text)
            {
                if (!IsAsciiLetter(c)) return false;
            }
            return text.Length > 0;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private sealed class LegacyFile
        {
            public LegacyFile(FileInfo file, string instance, string version)
            {
                File = file;
                Instance = instance;
                Version = version;
            }

            public FileInfo File { get; }

            public string Instance { get; }

            public string Version { get; }
        }

        private sealed class ResolvedFolder
        {
            public ResolvedFolder(string? configured, CacheStore store, List<Diagnostic> warnings)
            {
                Configured = configured;
                Store = store;
                Warnings = warnings;
            }

            public string? Configured { get; }

            public CacheStore Store { get; }

            public List<Diagnostic> Warnings { get; }
        }
    }
}
