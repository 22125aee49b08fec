using System;
using System.Collections.Generic;
using System.IO;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class RangeUpdaterTests : IDisposable
    {
        private static readonly DateTime First = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        private readonly TempFolder _folder = new TempFolder();
        private readonly string _directory;
        private readonly CacheStore _cache;
        private readonly List<string> _warnings = new List<string>();

        public RangeUpdaterTests()
        {
            _directory = _folder.PathOf("cache");
            _cache = new CacheStore(_directory);
        }

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void ReportsNoUpdateWhenTheSameFileIsImportedAgainAndRecordsTheConfirmation()
        {
            string file = TestPaths.Fixture("endpoints.json");
            RangeUpdateOutcome first = Import(file, First);
            Assert.True(first.Report.Updated);
            Assert.Null(first.Report.PreviousVersion);
            string written = File.ReadAllText(_cache.FilePath);

            RangeUpdateOutcome again = Import(file, First.AddDays(40));
            Assert.False(again.Report.Updated);
            Assert.Equal("0000000000", again.Report.PreviousVersion);
            Assert.Equal("0000000000", again.Report.Version);
            Assert.Equal(5, again.Report.RangeCount);
            Assert.Equal(_cache.FilePath, again.Report.CachePath);
            Assert.Equal(TestData.Texts(first.Data.Ranges), TestData.Texts(again.Data.Ranges));
            Assert.Equal(written.Replace("confirmed: 2026-11-01T08:00:00Z", "confirmed: 2026-12-11T08:00:00Z"), File.ReadAllText(_cache.FilePath));
            Assert.Equal(First.AddDays(40), _cache.Load("Worldwide", _warnings)!.Confirmed);
        }

        [Fact]
        public void ReportsNoUpdateForTheSameRangesInAnotherFormatAndKeepsTheCachedVersion()
        {
            _cache.Write("Worldwide", "2026110100", First, "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\",\"2001:db8::/32\"],\"tcpPorts\":\"25\"}]");
            string file = Path.Combine(_directory, "same.txt");
            File.WriteAllText(file, "2001:db8::/32\n192.0.2.0/24\n");
            RangeUpdateOutcome again = Import(file, First.AddDays(1));
            Assert.False(again.Report.Updated);
            Assert.Equal("2026110100", again.Report.Version);
            Assert.Equal("2026110100", _cache.Load("Worldwide", _warnings)!.Version);
        }

        [Fact]
        public void ReportsAnUpdateWhenTheRangesChangedOrTheCacheHeldAnotherInstance()
        {
            Import(TestPaths.Fixture("endpoints.json"), First);
            string file = Path.Combine(_directory, "changed.txt");
            File.WriteAllText(file, "192.0.2.0/25\n");
            RangeUpdateOutcome changed = Import(file, First);
            Assert.True(changed.Report.Updated);
            Assert.Equal(new[] { "192.0.2.0/25" }, TestData.Texts(changed.Data.Ranges));

            RangeUpdateOutcome otherInstance = RangeUpdater.Import(_cache, "China", file, First, (target, action) => true, _warnings)!;
            Assert.True(otherInstance.Report.Updated);
            Assert.Null(otherInstance.Report.PreviousVersion);
        }

        [Fact]
        public void WritesNothingWhenTheWriteIsNotConfirmed()
        {
            Assert.Null(RangeUpdater.Import(_cache, "Worldwide", TestPaths.Fixture("endpoints.json"), First, (target, action) => false, _warnings));
            Assert.False(Directory.Exists(_directory));
        }

        private RangeUpdateOutcome Import(string file, DateTime now) =>
            RangeUpdater.Import(_cache, "Worldwide", file, now, (target, action) => true, _warnings)!;
    }
}
