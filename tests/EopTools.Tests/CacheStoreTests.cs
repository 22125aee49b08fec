using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EopTools.IO;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class CacheStoreTests : IDisposable
    {
        private const string Answer = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\",\"2001:db8::/32\"],\"tcpPorts\":\"25\"}]";
        private const string Source = "https://endpoints.office.com/endpoints/Worldwide";
        private const string Header = "EopTools range cache 2\ninstance: Worldwide\nversion: 2026110100\nsource: " + Source +
            "\nreceived: 2026-11-01T08:30:00Z\nconfirmed: 2026-11-01T08:30:00Z\n\n";
        private const string FirstFormatHeader = "EopTools range cache 1\ninstance: Worldwide\nversion: 2026110100\nconfirmed: 2026-11-01T08:30:00Z\n\n";
        private static readonly DateTime Confirmed = new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc);
        private static readonly bool Unix = Path.DirectorySeparatorChar == '/';
        private readonly TempFolder _folder = new TempFolder();
        private readonly string _directory;

        public CacheStoreTests()
        {
            _directory = _folder.PathOf("cache");
        }

        public void Dispose() => _folder.Dispose();

        private static CacheEntry Entry(string instance, string version, DateTime confirmed, string content) =>
            new CacheEntry(instance, version, "https://endpoints.office.com/endpoints/" + instance, confirmed, confirmed, content);

        [Fact]
        public void WritesOneFileWithAHeaderAndTheDataAsReceived()
        {
            var cache = new CacheStore(_directory);
            string path = cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            Assert.Equal(Path.Combine(_directory, "ranges.cache"), path);
            Assert.Equal(new[] { "ranges.cache" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
            Assert.Equal(Header + Answer, File.ReadAllText(path));
        }

        [Fact]
        public void LoadsWhatItWroteWithInstanceVersionAndConfirmation()
        {
            var cache = new CacheStore(_directory);
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            var problems = new List<Diagnostic>();
            CachedRanges loaded = cache.Load(EopInstance.Worldwide, problems)!;
            Assert.Empty(problems);
            Assert.Equal("Worldwide", loaded.Instance);
            Assert.Equal("2026110100", loaded.Version);
            Assert.Equal("2026110100", loaded.Entry.ServiceVersion);
            Assert.Equal(Source, loaded.Entry.Source);
            Assert.Equal(Confirmed, loaded.Entry.Received);
            Assert.Equal(Confirmed, loaded.Entry.Confirmed);
            Assert.Equal(DateTimeKind.Utc, loaded.Entry.Confirmed!.Value.Kind);
            Assert.Equal(Answer, loaded.Content);
            Assert.Equal(Path.Combine(_directory, "ranges.cache"), loaded.Path);
            Assert.Equal("Microsoft 365 endpoints (Worldwide)", loaded.Data.DataSet.Name);
            Assert.Equal("2026110100", loaded.Data.DataSet.Version);
            Assert.Equal(new[] { "192.0.2.0/24", "2001:db8::/32" }, TestData.Texts(loaded.Data.Ranges));
            Assert.Null(cache.Load(EopInstance.China, problems));
            Assert.Empty(problems);
        }

        [Fact]
        public void KeepsThePreviousDataWhenToldAndOnlyThen()
        {
            var cache = new CacheStore(_directory);
            Assert.Null(cache.LoadPrevious(null, new List<Diagnostic>()));
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            CachedRanges first = cache.Load(EopInstance.Worldwide, new List<Diagnostic>())!;
            string newer = Answer.Replace("192.0.2.0/24", "198.51.100.0/24");
            cache.Write(Entry("Worldwide", "2026120100", Confirmed.AddDays(30), newer), keepAsPrevious: first);
            Assert.Equal(new[] { "previous.cache", "ranges.cache" }, Directory.GetFiles(_directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(Header + Answer, File.ReadAllText(cache.PreviousFilePath));

            // A confirmation, or the same ranges in a newer version, leaves the previous data as it was.
            cache.Write(Entry("Worldwide", "2026120100", Confirmed.AddDays(31), newer));
            var problems = new List<Diagnostic>();
            CachedRanges previous = cache.LoadPrevious(EopInstance.Worldwide, problems)!;
            Assert.Empty(problems);
            Assert.Equal("2026110100", previous.Version);
            Assert.Equal(cache.PreviousFilePath, previous.Path);
            Assert.Equal(new[] { "192.0.2.0/24", "2001:db8::/32" }, TestData.Texts(previous.Data.Ranges));
            Assert.Null(cache.LoadPrevious(EopInstance.China, problems));
            Assert.Equal("2026120100", cache.Load(EopInstance.Worldwide, problems)!.Version);
        }

        [Fact]
        public void PassesOverACorruptPreviousFileAndSaysWhy()
        {
            Directory.CreateDirectory(_directory);
            var cache = new CacheStore(_directory);
            File.WriteAllText(cache.PreviousFilePath, "EopTools range cache 3\n");
            var problems = new List<Diagnostic>();
            Assert.Null(cache.LoadPrevious(null, problems));
            Assert.Equal("The cached ranges in '" + cache.PreviousFilePath + "' cannot be used (line 1 is 'EopTools range cache 3', not 'EopTools range cache 2': " +
                "not a cache file of this module); they are passed over.", PassedOver(Assert.Single(problems)));
        }

        [Fact]
        public void ReplacesTheFileWholeAndLeavesNoTemporaryOne()
        {
            var cache = new CacheStore(_directory);
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            cache.Write(Entry("China", "2026120100", Confirmed.AddDays(1), Answer.Replace("192.0.2.0/24", "198.51.100.0/24")));
            Assert.Equal(new[] { "ranges.cache" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
            CachedRanges loaded = cache.Load(null, new List<Diagnostic>())!;
            Assert.Equal("China", loaded.Instance);
            Assert.Equal(new[] { "198.51.100.0/24", "2001:db8::/32" }, TestData.Texts(loaded.Data.Ranges));
        }

        [Fact]
        public void WritesAndReadsAnImportedFileWithItsOwnVersionAndNoConfirmation()
        {
            var cache = new CacheStore(_directory);
            cache.Write(new CacheEntry("USGovDoD", null, "/srv/eop/list.txt", Confirmed, null, "# imported\n192.0.2.0/24\n"));
            Assert.Equal("EopTools range cache 2\ninstance: USGovDoD\nversion: none\nsource: /srv/eop/list.txt\nreceived: 2026-11-01T08:30:00Z\nconfirmed: never\n\n# imported\n192.0.2.0/24\n",
                File.ReadAllText(cache.FilePath));
            CachedRanges loaded = cache.Load(EopInstance.USGovDoD, new List<Diagnostic>())!;
            Assert.Equal("undated", loaded.Version);
            Assert.Null(loaded.Entry.ServiceVersion);
            Assert.Null(loaded.Entry.Confirmed);
            Assert.Equal(Confirmed, loaded.Entry.Received);
            Assert.Equal("/srv/eop/list.txt", loaded.Entry.Source);
            Assert.Equal("PlainText", loaded.Data.DataSet.Format);
            Assert.Equal(new[] { "192.0.2.0/24" }, TestData.Texts(loaded.Data.Ranges));
        }

        /// <summary>A cache written by an earlier EopTools: its version 0000000000 was an import, its confirmation the import's time.</summary>
        [Theory]
        [InlineData("2026110100", "2026110100", true)]
        [InlineData("0000000000", null, false)]
        public void ReadsTheFirstFormatAsItWasMeant(string version, string? serviceVersion, bool confirmed)
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "ranges.cache"), FirstFormatHeader.Replace("2026110100", version) + Answer);
            CachedRanges loaded = new CacheStore(_directory).Load(null, new List<Diagnostic>())!;
            Assert.Equal(serviceVersion, loaded.Entry.ServiceVersion);
            Assert.Equal(serviceVersion ?? "unversioned", loaded.Version);
            Assert.Null(loaded.Entry.Source);
            Assert.Equal(Confirmed, loaded.Entry.Received);
            Assert.Equal(confirmed ? Confirmed : (DateTime?)null, loaded.Entry.Confirmed);
            Assert.Equal(new[] { "192.0.2.0/24", "2001:db8::/32" }, TestData.Texts(loaded.Data.Ranges));
        }

        [Theory]
        [InlineData("", "the file is empty, or is not a regular file (a device, a pipe or a socket reports no size); it is not read")]
        [InlineData("EopTools range cache 3\n", "line 1 is 'EopTools range cache 3', not 'EopTools range cache 2': not a cache file of this module")]
        [InlineData("EopTools range cache 2\ninstance: World wide\n", "line 2 is 'instance: World wide', not 'instance: ' and an instance name: not a cache file of this module")]
        [InlineData("EopTools range cache 2\ninstance: Worldwide\nversion: 0000000000\nsource: x\nreceived: 2026-11-01T08:30:00Z\nconfirmed: 2026-11-01\n\n",
            "line 6 is 'confirmed: 2026-11-01', not 'confirmed: ' and a UTC time as yyyy-MM-dd'T'HH:mm:ss'Z' or 'never': not a cache file of this module")]
        [InlineData("EopTools range cache 2\ninstance: Worldwide\nversion: 2018-06-02\n",
            "line 3 is 'version: 2018-06-02', not 'version: ' and ten digits or 'none': not a cache file of this module")]
        [InlineData("EopTools range cache 2\ninstance: Worldwide\nversion: none\nsource: x\nreceived: never\n",
            "line 5 is 'received: never', not 'received: ' and a UTC time as yyyy-MM-dd'T'HH:mm:ss'Z': not a cache file of this module")]
        [InlineData("EopTools range cache 2\ninstance: Worldwide\nversion: none\nsource: x\nreceived: 2026-11-01T08:30:00Z\nconfirmed: never\n[]",
            "line 7 is '[]', not empty: not a cache file of this module")]
        [InlineData("EopTools range cache 1\nversion: 2026110100\n", "line 2 is 'version: 2026110100', not 'instance: ' and an instance name: not a cache file of this module")]
        [InlineData("EopTools range cache 1\ninstance: Worldwide\nversion: 202611010\n", "line 3 is 'version: 202611010', not 'version: ' and ten digits: not a cache file of this module")]
        [InlineData("EopTools range cache 1\ninstance: Worldwide\nversion: 2026110100\nconfirmed: 2026-11-01 08:30:00\n\n", "line 4 is 'confirmed: 2026-11-01 08:30:00', not 'confirmed: ' and a UTC time as yyyy-MM-dd'T'HH:mm:ss'Z': not a cache file of this module")]
        [InlineData("EopTools range cache 1\ninstance: Worldwide\nversion: 2026110100\nconfirmed: 2026-11-01T08:30:00Z\n[]", "line 5 is '[]', not empty: not a cache file of this module")]
        [InlineData("EopTools range cache 1\ninstance: Worldwide\nversion: 2026110100\nconfirmed: 2026-11-01T08:30:00Z", "line 4 is 'confirmed: 2026-11-01T08:30:00Z', not 'confirmed: ' and a UTC time as yyyy-MM-dd'T'HH:mm:ss'Z': not a cache file of this module")]
        public void PassesOverAFileWhoseHeaderIsNotExactlyItsOwn(string text, string reason)
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, "ranges.cache");
            File.WriteAllText(path, text);
            var problems = new List<Diagnostic>();
            Assert.Null(new CacheStore(_directory).Load(null, problems));
            Assert.Equal("The cached ranges in '" + path + "' cannot be used (" + reason + "); they are passed over.", PassedOver(Assert.Single(problems)));
        }

        [Fact]
        public void PassesOverAFileOverTheLimitUnread()
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, "ranges.cache");
            using (var file = File.Create(path)) file.SetLength(CacheStore.MaxFileBytes + 1);
            var problems = new List<Diagnostic>();
            Assert.Null(new CacheStore(_directory).Load(null, problems));
            Assert.Equal("The cached ranges in '" + path + "' cannot be used (the file is larger than 16,778,240 bytes (at least 16,778,241); no cache file is that large, so it is not read); they are passed over.",
                PassedOver(Assert.Single(problems)));
        }

        /// <summary>
        /// A link to a device, which reports no size and never ends: refused unopened where the runtime follows links
        /// (.NET 6 and later); .NET Framework (Mono here) cannot, so there it is read to the limit, as a file that grows
        /// while it is read, and refused then.
        /// </summary>
        [UnixFact(Timeout = 30_000)]
        public async Task PassesOverALinkToADevice()
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, "ranges.cache");
            _folder.Link(Path.Combine("cache", "ranges.cache"), "/dev/zero");
            var problems = new List<Diagnostic>();
            Assert.Null(await Task.Run(() => new CacheStore(_directory).Load(null, problems)));
            string problem = PassedOver(Assert.Single(problems));
            if (typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) }) != null)
            {
                MessageAssert.Names(problem, "'" + path + "'", "empty", "not a regular file");
                return;
            }
            MessageAssert.Names(problem, "'" + path + "'", "larger than 16,778,240 bytes");
            long seen = long.Parse(Regex.Match(problem, @"at least ([\d,]+)").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.InRange(seen, CacheStore.MaxFileBytes + 1, CacheStore.MaxFileBytes + BoundedText.ChunkBytes);
        }

        /// <summary>An update looks again under the lock; what it read before stands, unparsed, while the file is the same text.</summary>
        [Fact]
        public void LooksAgainWithoutParsingOnlyWhileTheFileIsUnchanged()
        {
            var cache = new CacheStore(_directory);
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            CacheLook first = cache.Look(EopInstance.Worldwide);
            Assert.Equal("2026110100", first.Ranges!.Version);
            Assert.Same(first, cache.Look(EopInstance.Worldwide, first));
            Assert.NotSame(first.Ranges, cache.Look(EopInstance.Worldwide).Ranges);

            cache.Write(Entry("Worldwide", "2026120100", Confirmed, Answer));
            CacheLook changed = cache.Look(EopInstance.Worldwide, first);
            Assert.NotSame(first, changed);
            Assert.Equal("2026120100", changed.Ranges!.Version);
            Assert.Empty(changed.Problems);
        }

        [Fact]
        public void LooksAgainAtAnUnchangedCorruptFileWithItsOneProblem()
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, "ranges.cache");
            File.WriteAllText(path, Header + "[{\"id\":10,");
            var cache = new CacheStore(_directory);
            CacheLook first = cache.Look(EopInstance.Worldwide);
            Assert.Null(first.Ranges);
            MessageAssert.Names(PassedOver(Assert.Single(first.Problems)), "'" + path + "'");
            Assert.Same(first, cache.Look(EopInstance.Worldwide, first));

            File.WriteAllText(path, "EopTools range cache 3\n");
            CacheLook changed = cache.Look(EopInstance.Worldwide, first);
            Assert.Equal("The cached ranges in '" + path + "' cannot be used (line 1 is 'EopTools range cache 3', not 'EopTools range cache 2': not a cache file of this module); they are passed over.",
                PassedOver(Assert.Single(changed.Problems)));
        }

        [Fact]
        public void AcceptsAHeaderWithWindowsLineEnds()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "ranges.cache"), Header.Replace("\n", "\r\n") + Answer);
            Assert.Equal(Confirmed, new CacheStore(_directory).Load(null, new List<Diagnostic>())!.Entry.Confirmed);
        }

        [Fact]
        public void WaitsOutAWriterThatHoldsTheFileForAMoment()
        {
            var cache = new CacheStore(_directory);
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            var problems = new List<Diagnostic>();
            var held = new FileStream(cache.FilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            using (var release = new System.Threading.Timer(_ => held.Dispose(), null, 60, System.Threading.Timeout.Infinite))
            {
                Assert.Equal("2026110100", cache.Load(null, problems)!.Version);
            }
            held.Dispose();
            Assert.Empty(problems);
        }

        [Fact]
        public void PassesOverACorruptFileAndSaysWhy()
        {
            Directory.CreateDirectory(_directory);
            string path = Path.Combine(_directory, "ranges.cache");
            File.WriteAllText(path, Header + "[{\"id\":10,");
            var problems = new List<Diagnostic>();
            Assert.Null(new CacheStore(_directory).Load(null, problems));
            string problem = PassedOver(Assert.Single(problems));
            MessageAssert.Names(problem, "'" + path + "'", "not valid JSON");
        }

        [Fact]
        public void ReadsTheFileOfAnEarlierVersionWhenThereIsNoOther()
        {
            Directory.CreateDirectory(_directory);
            string legacy = Path.Combine(_directory, "ranges-Worldwide-2026110100.json");
            File.WriteAllText(legacy, Answer);
            File.SetLastWriteTimeUtc(legacy, Confirmed);
            CachedRanges loaded = new CacheStore(_directory).Load(EopInstance.Worldwide, new List<Diagnostic>())!;
            Assert.Equal("Worldwide", loaded.Instance);
            Assert.Equal("2026110100", loaded.Version);
            Assert.Equal(Confirmed, loaded.Entry.Confirmed);
            Assert.Equal(legacy, loaded.Path);
            Assert.Equal(new[] { "192.0.2.0/24", "2001:db8::/32" }, TestData.Texts(loaded.Data.Ranges));
        }

        [Fact]
        public void DeletesTheFilesOfEarlierVersionsOnlyAfterWriting()
        {
            Directory.CreateDirectory(_directory);
            foreach (string name in new[] { "ranges-Worldwide-2026110100.json", "ranges-China-0000000000.md", "ranges-Worldwide-latest.json", "client-request-id.txt" })
            {
                File.WriteAllText(Path.Combine(_directory, name), Answer);
            }
            new CacheStore(_directory).Write(Entry("Worldwide", "2026120100", Confirmed, Answer));
            Assert.Equal(new[] { "client-request-id.txt", "ranges-Worldwide-latest.json", "ranges.cache" },
                Directory.GetFiles(_directory).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void FallsBackToAnOlderValidFileOfAnEarlierVersionWhenTheNewestIsCorrupt()
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "ranges-Worldwide-2026110100.json"), Answer);
            string corrupt = Path.Combine(_directory, "ranges-Worldwide-2026120100.json");
            File.WriteAllText(corrupt, "");
            File.SetLastWriteTimeUtc(corrupt, DateTime.UtcNow.AddMinutes(1));
            var problems = new List<Diagnostic>();
            Assert.Equal("2026110100", new CacheStore(_directory).Load(EopInstance.Worldwide, problems)!.Version);
            Assert.StartsWith("The cached ranges in '" + corrupt + "' cannot be used (", PassedOver(Assert.Single(problems)));
        }

        [Fact]
        public void PrefersItsOwnFileToThoseOfEarlierVersions()
        {
            var cache = new CacheStore(_directory);
            cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer));
            string legacy = Path.Combine(_directory, "ranges-Worldwide-2026120100.json");
            File.WriteAllText(legacy, Answer);
            File.SetLastWriteTimeUtc(legacy, DateTime.UtcNow.AddMinutes(1));
            Assert.Equal("2026110100", cache.Load(null, new List<Diagnostic>())!.Version);
        }

        [Theory]
        [InlineData("ranges-Worldwide-2026110100.json", "Worldwide", "2026110100")]
        [InlineData("ranges-USGovDoD-0000000000.txt", "USGovDoD", "0000000000")]
        [InlineData("ranges-China-2026110100.md5", "China", "2026110100")]
        [InlineData("ranges-Worldwide-2026110100", null, null)]
        [InlineData("ranges-Worldwide-2026110100.", null, null)]
        [InlineData("ranges-Worldwide-2026110100.json.tmp", null, null)]
        [InlineData("ranges-Worldwide-202611010.json", null, null)]
        [InlineData("ranges-Worldwide-20261101000.json", null, null)]
        [InlineData("ranges-Worldwide-20261101x0.json", null, null)]
        [InlineData("ranges-World-wide-2026110100.json", null, null)]
        [InlineData("ranges-World wide-2026110100.json", null, null)]
        [InlineData("ranges--2026110100.json", null, null)]
        [InlineData("ranges-Worldwide", null, null)]
        [InlineData("ranges-", null, null)]
        [InlineData("Ranges-Worldwide-2026110100.json", null, null)]
        [InlineData("ranges.cache", null, null)]
        [InlineData("client-request-id.txt", null, null)]
        public void ReadsOnlyTheFileNamesOfEarlierVersions(string name, string? instance, string? version)
        {
            bool read = CacheStore.TryReadFileName(name, out string? readInstance, out string? readVersion);
            Assert.Equal(instance != null, read);
            Assert.Equal(instance, readInstance);
            Assert.Equal(version, readVersion);
        }

        [Fact]
        public void FailsNamingTheFolderWhenItCannotBeCreated()
        {
            File.WriteAllText(_directory, "a file where the folder should be");
            try
            {
                var cache = new CacheStore(_directory);
                var error = Assert.Throws<OutputFileException>(() => cache.Write(Entry("Worldwide", "2026110100", Confirmed, Answer)));
                MessageAssert.Names(error, "OutputFileWriteFailed", "cache folder", "'" + _directory + "'");
                Assert.Equal("OutputFileWriteFailed", Assert.Throws<OutputFileException>(() => cache.Lock()).ErrorId);
                Assert.Equal("OutputFileWriteFailed", Assert.Throws<OutputFileException>(() => cache.ClientRequestId()).ErrorId);
            }
            finally
            {
                File.Delete(_directory);
            }
        }

        [Fact]
        public void CreatesOneClientRequestIdAndReusesIt()
        {
            var cache = new CacheStore(_directory);
            Guid first = cache.ClientRequestId();
            Assert.NotEqual(Guid.Empty, first);
            Assert.Equal(first, cache.ClientRequestId());
            Assert.Equal(first.ToString("D"), File.ReadAllText(Path.Combine(_directory, "client-request-id.txt")));
        }

        public static TheoryData<string?, string, string, string?> ConfiguredFolders => Unix
            ? new TheoryData<string?, string, string, string?>
            {
                { null, "/srv/start", "/srv/start/.cache/EopTools", null },
                { "", "/srv/start", "/srv/start/.cache/EopTools", null },
                { "/var/cache/eop", "/srv/start", "/var/cache/eop", null },
                { "cache", "/srv/start", "/srv/start/cache", null },
                { "../cache/./eop", "/srv/start", "/srv/cache/eop", null },
                { "   ", "/srv/start", "/srv/start/.cache/EopTools", "/srv/start/.cache/EopTools" },
                { "\t", "/srv/start", "/srv/start/.cache/EopTools", "/srv/start/.cache/EopTools" },
            }
            : new TheoryData<string?, string, string, string?>
            {
                { null, @"C:\start", @"C:\start\.cache\EopTools", null },
                { @"D:\cache\eop", @"C:\start", @"D:\cache\eop", null },
                { "cache", @"C:\start", @"C:\start\cache", null },
                { @"..\cache\.\eop", @"C:\start\here", @"C:\start\cache\eop", null },
                { "   ", @"C:\start", @"C:\start\.cache\EopTools", @"C:\start\.cache\EopTools" },
            };

        [Theory]
        [MemberData(nameof(ConfiguredFolders))]
        public void ResolvesTheConfiguredFolderToAFullPathOrSaysWhichIsUsedInstead(string? configured, string workingFolder, string expected, string? usedInstead)
        {
            var warnings = new List<Diagnostic>();
            string defaultDirectory = Unix ? "/srv/start/.cache/EopTools" : @"C:\start\.cache\EopTools";
            Assert.Equal(expected, CacheStore.ChooseDirectory(configured, workingFolder, defaultDirectory, warnings));
            if (usedInstead == null)
            {
                Assert.Empty(warnings);
                return;
            }
            MessageAssert.Names(Assert.Single(warnings), "CacheFolderBlank", "EOPTOOLS_CACHE_DIR", "blank", "('" + configured + "')", "'" + usedInstead + "'");
        }

        [Fact]
        public void RefusesAConfiguredFolderThatIsNoPathAndSaysWhichIsUsedInstead()
        {
            var warnings = new List<Diagnostic>();
            string defaultDirectory = Unix ? "/srv/start/.cache/EopTools" : @"C:\start\.cache\EopTools";
            Assert.Equal(defaultDirectory, CacheStore.ChooseDirectory("cache\0dir", Unix ? "/srv/start" : @"C:\start", defaultDirectory, warnings));
            Diagnostic found = Assert.Single(warnings);
            Assert.Equal("cache\0dir", found.Text);
            MessageAssert.Names(found, "CacheFolderInvalid", "EOPTOOLS_CACHE_DIR", "'cache\0dir'", "not a folder path", "'" + defaultDirectory + "'");
        }

        public static TheoryData<bool, string, string?, string, string> DefaultFolders => Unix
            ? new TheoryData<bool, string, string?, string, string>
            {
                { false, "", null, "/home/admin", "/home/admin/.cache/EopTools" },
                { false, "", "", "/home/admin", "/home/admin/.cache/EopTools" },
                { false, "", "/var/tmp/xdg", "/home/admin", "/var/tmp/xdg/EopTools" },
                { false, "", "relative/xdg", "/home/admin", "/home/admin/.cache/EopTools" },
            }
            : new TheoryData<bool, string, string?, string, string>
            {
                { true, @"C:\Users\admin\AppData\Local", null, @"C:\Users\admin", @"C:\Users\admin\AppData\Local\EopTools" },
                { true, @"C:\Users\admin\AppData\Local", @"D:\xdg", @"C:\Users\admin", @"C:\Users\admin\AppData\Local\EopTools" },
            };

        [Theory]
        [MemberData(nameof(DefaultFolders))]
        public void ChoosesThePerUserDefaultFolder(bool windows, string localAppData, string? xdgCacheHome, string userProfile, string expected)
        {
            Assert.Equal(expected, CacheStore.DefaultDirectory(windows, localAppData, xdgCacheHome, userProfile));
        }

        /// <summary>The text of a cache file passed over, once its id says that is what it is.</summary>
        private static string PassedOver(Diagnostic problem)
        {
            Assert.Equal("CacheFileUnusable", problem.Id);
            return problem.ToString();
        }
    }
}
