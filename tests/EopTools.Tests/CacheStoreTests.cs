using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class CacheStoreTests : IDisposable
    {
        private const string Answer = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\",\"2001:db8::/32\"],\"tcpPorts\":\"25\"}]";
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "eoptools-cache-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public void LoadsWhatItSavedWithInstanceAndVersion()
        {
            var cache = new CacheStore(_directory);
            string path = cache.Save("Worldwide", "2026110100", ".json", Answer);
            Assert.Equal(Path.Combine(_directory, "ranges-Worldwide-2026110100.json"), path);
            var problems = new List<string>();
            CachedRanges loaded = cache.Load("Worldwide", problems)!;
            Assert.Empty(problems);
            Assert.Equal("2026110100", loaded.Version);
            Assert.Equal("Microsoft 365 endpoints (Worldwide)", loaded.Data.DataSet.Name);
            Assert.Equal(new[] { "192.0.2.0/24", "2001:db8::/32" }, TestData.Texts(loaded.Data.Ranges));
            Assert.Null(cache.Load("China", problems));
        }

        [Fact]
        public void KeepsOnlyTheNewestFileAndNoTemporaryOnes()
        {
            var cache = new CacheStore(_directory);
            cache.Save("Worldwide", "2026110100", ".json", Answer);
            cache.Save("Worldwide", "2026120100", ".json", Answer);
            Assert.Equal(new[] { Path.Combine(_directory, "ranges-Worldwide-2026120100.json") }, Directory.GetFiles(_directory));
        }

        [Fact]
        public void PassesOverACorruptFileAndSaysWhy()
        {
            var cache = new CacheStore(_directory);
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "ranges-Worldwide-2026110100.json"), "[{\"id\":10,");
            var problems = new List<string>();
            Assert.Null(cache.Load(null, problems));
            string problem = Assert.Single(problems);
            Assert.StartsWith("The cached ranges in '" + Path.Combine(_directory, "ranges-Worldwide-2026110100.json") + "' cannot be used (", problem);
            Assert.Contains("is not valid JSON", problem);
        }

        [Fact]
        public void FallsBackToAnOlderValidFileWhenTheNewestIsCorrupt()
        {
            var cache = new CacheStore(_directory);
            cache.Save("Worldwide", "2026110100", ".json", Answer);
            string corrupt = Path.Combine(_directory, "ranges-Worldwide-2026120100.json");
            File.WriteAllText(corrupt, "");
            File.SetLastWriteTimeUtc(corrupt, DateTime.UtcNow.AddMinutes(1));
            var problems = new List<string>();
            Assert.Equal("2026110100", cache.Load("Worldwide", problems)!.Version);
            Assert.StartsWith("The cached ranges in '" + corrupt + "' cannot be used (", Assert.Single(problems));
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
        [InlineData("client-request-id.txt", null, null)]
        public void ReadsOnlyCacheFileNames(string name, string? instance, string? version)
        {
            bool read = CacheStore.TryReadFileName(name, out string? readInstance, out string? readVersion);
            Assert.Equal(instance != null, read);
            Assert.Equal(instance, readInstance);
            Assert.Equal(version, readVersion);
        }

        [Theory]
        [InlineData("ranges.json", ".json")]
        [InlineData("RANGES.TXT", ".txt")]
        [InlineData("ranges.abcdefghi", ".abcdefghi")]
        [InlineData("ranges.abcdefghij", ".txt")]
        [InlineData("ranges.tx_t", ".txt")]
        [InlineData("ranges.donn\u00e9es", ".txt")]
        [InlineData("ranges.", ".txt")]
        [InlineData("ranges", ".txt")]
        public void KeepsAnImportedFilesExtensionOnlyWhenItReadsBack(string file, string expected)
        {
            string extension = CacheStore.ExtensionFor(file);
            Assert.Equal(expected, extension);
            Assert.True(CacheStore.TryReadFileName(Path.GetFileName(new CacheStore(_directory).PathFor("Worldwide", "0000000000", extension)), out _, out _));
        }

        [Fact]
        public void PassesOverFilesThatAreNotCacheFiles()
        {
            var cache = new CacheStore(_directory);
            cache.Save("Worldwide", "2026110100", ".json", Answer);
            File.WriteAllText(Path.Combine(_directory, "ranges-Worldwide-2026120100.json.tmp"), "");
            File.WriteAllText(Path.Combine(_directory, "ranges-Worldwide-latest.json"), "");
            var problems = new List<string>();
            Assert.Equal("2026110100", cache.Load(null, problems)!.Version);
            Assert.Empty(problems);
        }

        [Fact]
        public void FailsNamingTheFolderWhenItCannotBeCreated()
        {
            File.WriteAllText(_directory, "a file where the folder should be");
            try
            {
                var cache = new CacheStore(_directory);
                var error = Assert.Throws<EopTools.IO.OutputFileException>(() => cache.Save("Worldwide", "2026110100", ".json", Answer));
                Assert.Equal("OutputFileWriteFailed", error.ErrorId);
                Assert.StartsWith("Cannot create the cache folder '" + _directory + "': ", error.Message);
                Assert.Equal("OutputFileWriteFailed", Assert.Throws<EopTools.IO.OutputFileException>(() => cache.ClientRequestId()).ErrorId);
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

        [Fact]
        public void UsesTheFolderNamedByTheEnvironment()
        {
            string? saved = Environment.GetEnvironmentVariable(CacheStore.DirectoryVariable);
            try
            {
                Environment.SetEnvironmentVariable(CacheStore.DirectoryVariable, _directory);
                Assert.Equal(_directory, CacheStore.ForCurrentUser().Directory);
                Environment.SetEnvironmentVariable(CacheStore.DirectoryVariable, null);
                string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                string expected = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EopTools")
                    : Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg, "EopTools");
                Assert.Equal(expected, CacheStore.ForCurrentUser().Directory);
            }
            finally
            {
                Environment.SetEnvironmentVariable(CacheStore.DirectoryVariable, saved);
            }
        }
    }
}
