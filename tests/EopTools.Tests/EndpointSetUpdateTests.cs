using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EopTools.Sources;
using EopTools.Update;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>What an import says of the endpoint sets beside Updated, which stays about the EOP ranges only.</summary>
    public sealed class EndpointSetUpdateTests : IDisposable
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        private readonly TempFolder _folder = new TempFolder();
        private readonly CacheStore _cache;
        private readonly List<Diagnostic> _warnings = new List<Diagnostic>();

        public EndpointSetUpdateTests()
        {
            _cache = new CacheStore(_folder.PathOf("cache"));
        }

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void SaysTheSetsChangedOnTheFirstAnswerAndNotWhenTheSameIsImportedAgain()
        {
            RangeUpdateOutcome first = Import(TestPaths.Fixture("endpoints-quirks.json"));
            Assert.Equal((true, true), (first.Report.Updated, first.Report.EndpointSetsChanged));
            RangeUpdateOutcome again = Import(TestPaths.Fixture("endpoints-quirks.json"));
            Assert.Equal((false, false), (again.Report.Updated, again.Report.EndpointSetsChanged));
        }

        [Fact]
        public void CachesAnAnswerWhoseOtherSetsChangedWithUpdatedFalse()
        {
            Import(TestPaths.Fixture("endpoints-quirks.json"));
            string variant = _folder.PathOf("variant.json");
            File.WriteAllText(variant, File.ReadAllText(TestPaths.Fixture("endpoints-quirks.json")).Replace("\"udpPorts\": \"3478-3481\"", "\"udpPorts\": \"3478-3482\""));
            RangeUpdateOutcome changed = Import(variant);
            Assert.Equal((false, true), (changed.Report.Updated, changed.Report.EndpointSetsChanged));
            Assert.Equal("3478-3482", _cache.Load(EopInstance.Worldwide, _warnings)!.Data.EndpointSets!.Single(s => s.Id == 11).UdpPorts);
        }

        [Fact]
        public void ReadsDataWithoutSetsAsNoChangeOfTheSets()
        {
            Import(TestPaths.Fixture("endpoints-quirks.json"));
            string plain = _folder.PathOf("plain.txt");
            File.WriteAllText(plain, "192.0.2.0/24\n");
            RangeUpdateOutcome same = Import(plain);
            Assert.Equal((false, false), (same.Report.Updated, same.Report.EndpointSetsChanged));
        }

        [Fact]
        [Trait("Category", "SharedData")]
        public void SaysTheSetsChangedFromThe2022AnswerToThe2025One()
        {
            RangeUpdateOutcome first = Import(TestPaths.Shared("endpoints-service/" + EndpointSetDataTests.Full2022));
            Assert.Equal((true, true, 85), (first.Report.Updated, first.Report.EndpointSetsChanged, first.Data.EndpointSets!.Count));
            // The 2025 answer has no IPv6: taking it in place of the full one needs -Force.
            RangeUpdateOutcome newer = RangeUpdater.Import(_cache, EopInstance.Worldwide, TestPaths.Shared("endpoints-service/" + EndpointSetDataTests.NoIPv6Of2025), true, Now,
                (target, action) => true, _warnings)!;
            Assert.Equal((true, true, 63), (newer.Report.Updated, newer.Report.EndpointSetsChanged, newer.Data.EndpointSets!.Count));
            RangeUpdateOutcome again = Import(TestPaths.Shared("endpoints-service/" + EndpointSetDataTests.NoIPv6Of2025));
            Assert.Equal((false, false), (again.Report.Updated, again.Report.EndpointSetsChanged));
            Assert.Equal(63, _cache.Load(EopInstance.Worldwide, _warnings)!.Data.EndpointSets!.Count);
        }

        private RangeUpdateOutcome Import(string file) => RangeUpdater.Import(_cache, EopInstance.Worldwide, file, false, Now, (target, action) => true, _warnings)!;
    }
}
