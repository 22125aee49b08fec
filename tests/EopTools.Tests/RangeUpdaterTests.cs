using System;
using System.Collections.Generic;
using System.IO;
using EopTools.Sources;
using EopTools.Update;
using Xunit;

namespace EopTools.Tests
{
    public sealed class RangeUpdaterTests : IDisposable
    {
        private const string Answer2022Source = "https://endpoints.office.com/endpoints/Worldwide";
        private static readonly DateTime First = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        private readonly TempFolder _folder = new TempFolder();
        private readonly string _directory;
        private readonly CacheStore _cache;
        private readonly List<Diagnostic> _warnings = new List<Diagnostic>();

        public RangeUpdaterTests()
        {
            _directory = _folder.PathOf("cache");
            _cache = new CacheStore(_directory);
        }

        public void Dispose() => _folder.Dispose();

        private static string Xml2018 => TestPaths.Shared("endpoints-service/legacy-xml-2018/O365IPAddresses.xml");

        private static string Json2022 => TestPaths.Shared("endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json");

        private static string NoIPv62025 => TestPaths.Shared("endpoints-service/endpoints-worldwide-noipv6-2025/m365.json");

        [Fact]
        public void WritesNothingAndReportsNoUpdateWhenTheSameFileIsImportedAgain()
        {
            string file = TestPaths.Fixture("endpoints.json");
            RangeUpdateOutcome first = Import(file, First);
            Assert.True(first.Report.Updated);
            Assert.Null(first.Report.PreviousVersion);
            string written = File.ReadAllText(_cache.FilePath);

            RangeUpdateOutcome again = Import(file, First.AddDays(40));
            Assert.False(again.Report.Updated);
            Assert.Equal("unversioned", again.Report.PreviousVersion);
            Assert.Equal("unversioned", again.Report.Version);
            Assert.Equal(5, again.Report.RangeCount);
            Assert.Equal(_cache.FilePath, again.Report.CachePath);
            Assert.Equal(TestData.Texts(first.Data.Ranges), TestData.Texts(again.Data.Ranges));
            // Importing it again confirms nothing: the data is as old as when it first came.
            Assert.Equal(written, File.ReadAllText(_cache.FilePath));
            CacheEntry entry = _cache.Load(EopInstance.Worldwide, _warnings)!.Entry;
            Assert.Equal(First, entry.Received);
            Assert.Null(entry.Confirmed);
            Assert.Equal(file, entry.Source);
        }

        [Fact]
        public void ReportsNoUpdateForTheSameRangesInAnotherFormatAndKeepsTheCachedVersion()
        {
            WriteAnswer("2026110100", First, "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\",\"2001:db8::/32\"],\"tcpPorts\":\"25\"}]");
            string file = Path.Combine(_directory, "same.txt");
            File.WriteAllText(file, "2001:db8::/32\n192.0.2.0/24\n");
            RangeUpdateOutcome again = Import(file, First.AddDays(1));
            Assert.False(again.Report.Updated);
            Assert.Equal("2026110100", again.Report.Version);
            Assert.Equal("2026110100", _cache.Load(EopInstance.Worldwide, _warnings)!.Version);
        }

        [Fact]
        public void ReportsAnUpdateWhenTheRangesChangedOrTheCacheHeldAnotherInstance()
        {
            Import(TestPaths.Fixture("endpoints.json"), First);
            string file = Path.Combine(_directory, "changed.txt");
            File.WriteAllText(file, "192.0.2.0/25\n2001:db8:f400::/48\n");
            RangeUpdateOutcome changed = Import(file, First);
            Assert.True(changed.Report.Updated);
            Assert.Equal(new[] { "192.0.2.0/25", "2001:db8:f400::/48" }, TestData.Texts(changed.Data.Ranges));

            RangeUpdateOutcome otherInstance = RangeUpdater.Import(_cache, EopInstance.China, file, force: false, First, (target, action) => true, _warnings)!;
            Assert.True(otherInstance.Report.Updated);
            Assert.Null(otherInstance.Report.PreviousVersion);
        }

        [Fact]
        public void WritesNothingWhenTheWriteIsNotConfirmed()
        {
            Assert.Null(RangeUpdater.Import(_cache, EopInstance.Worldwide, TestPaths.Fixture("endpoints.json"), force: false, First, (target, action) => false, _warnings));
            Assert.False(Directory.Exists(_directory));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void GivesAnImportedFileTheVersionOfItsData()
        {
            RangeUpdateOutcome imported = Import(Xml2018, First);
            Assert.Equal("2018-06-02", imported.Report.Version);
            Assert.Null(imported.Report.PreviousVersion);
            Assert.Equal("2018-06-02", _cache.Load(EopInstance.Worldwide, _warnings)!.Version);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void RefusesOlderDataThanTheCachedAnswerSayingBothDatesAndChangesNothing()
        {
            WriteAnswer("2022083100", First, File.ReadAllText(Json2022));
            string before = File.ReadAllText(_cache.FilePath);
            var refused = Assert.Throws<UpdateRefusedException>(() => Import(Xml2018, First.AddDays(1)));
            Assert.Equal("OlderRangeData", refused.ErrorId);
            Assert.Equal("The data in '" + Xml2018 + "' (of 2018-06-02) is older than the cached Worldwide ranges (version 2022083100 of 2022-08-31, from '" +
                Answer2022Source + "'). It would replace them with older ranges, which may include addresses Microsoft no longer uses for EOP. " +
                "Nothing was changed; to use it anyway, add -Force.", refused.Message);
            Assert.Equal(before, File.ReadAllText(_cache.FilePath));
            Assert.False(File.Exists(_cache.PreviousFilePath));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void RefusesDatedDataOlderThanWhenUndatedCachedDataCame()
        {
            Import(Json2022, First);
            var refused = Assert.Throws<UpdateRefusedException>(() => Import(Xml2018, First.AddDays(1)));
            Assert.Equal("OlderRangeData", refused.ErrorId);
            Assert.StartsWith("The data in '" + Xml2018 + "' (of 2018-06-02) is older than the cached Worldwide ranges (no date of its own, received on 2026-11-01, from '" +
                Json2022 + "').", refused.Message);
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void ImportsOlderDataWithForceAndKeepsTheDataItReplaced()
        {
            WriteAnswer("2022083100", First, File.ReadAllText(Json2022));
            RangeUpdateOutcome forced = RangeUpdater.Import(_cache, EopInstance.Worldwide, Xml2018, force: true, First.AddDays(1), (target, action) => true, _warnings)!;
            Assert.True(forced.Report.Updated);
            Assert.Equal("2022083100", forced.Report.PreviousVersion);
            Assert.Equal("2018-06-02", forced.Report.Version);
            CachedRanges previous = _cache.LoadPrevious(EopInstance.Worldwide, _warnings)!;
            Assert.Equal("2022083100", previous.Version);
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17", "2a01:111:f400::/48", "2a01:111:f403::/48" },
                TestData.Texts(previous.Data.Ranges));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void RefusesDataWithoutIPv6OverDataWithIPv6()
        {
            WriteAnswer("2022083100", First, File.ReadAllText(Json2022));
            string before = File.ReadAllText(_cache.FilePath);
            var refused = Assert.Throws<UpdateRefusedException>(() => Import(NoIPv62025, First.AddDays(1)));
            Assert.Equal("AddressFamilyLost", refused.ErrorId);
            Assert.Equal("The data in '" + NoIPv62025 + "' has no IPv6 EOP range (it carries no IPv6 at all, as a web service answer requested with NoIPv6 does); " +
                "the cached Worldwide ranges (version 2022083100 of 2022-08-31, from '" + Answer2022Source + "') have 2. It would leave Get-EopIpRange, and a " +
                "firewall rule or connector set from it, without IPv6. Nothing was changed; to use it anyway, add -Force.", refused.Message);
            Assert.Equal(before, File.ReadAllText(_cache.FilePath));

            RangeUpdateOutcome forced = RangeUpdater.Import(_cache, EopInstance.Worldwide, NoIPv62025, force: true, First.AddDays(1), (target, action) => true, _warnings)!;
            Assert.True(forced.Report.Updated);
            Assert.Equal(new[] { "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17" }, TestData.Texts(forced.Data.Ranges));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void ImportsNewerDataAndTheFamilyBack()
        {
            WriteAnswer("2025043000", First, File.ReadAllText(NoIPv62025));
            RangeUpdateOutcome imported = Import(Json2022, First.AddDays(1));
            Assert.True(imported.Report.Updated);
            Assert.Equal("2025043000", imported.Report.PreviousVersion);
            Assert.Equal("unversioned", imported.Report.Version);
        }

        private void WriteAnswer(string version, DateTime time, string answer) =>
            _cache.Write(new CacheEntry("Worldwide", version, Answer2022Source, time, time, answer));

        private RangeUpdateOutcome Import(string file, DateTime now) =>
            RangeUpdater.Import(_cache, EopInstance.Worldwide, file, force: false, now, (target, action) => true, _warnings)!;
    }
}
