using System;
using EopTools.Index;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class DataAgeTests
    {
        private const string Answer = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}]";
        private static readonly DateTime Confirmed = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void SaysWhereSeedAnswersComeFromTheirDateAndHowToUpdate()
        {
            Assert.Equal(
                "The EOP ranges come from the page of 2018-08-02 embedded in EopTools, not from current data: there are no usable cached ranges in " +
                "'/home/admin/.cache/EopTools'. Run Update-EopIpRange to fetch the current ranges, or Update-EopIpRange -Path <file> on a server without internet access.",
                DataAge.SeedWarning(EopSession.Seed.DataSet, "/home/admin/.cache/EopTools"));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(29)]
        [InlineData(30)]
        public void SaysNothingOfACacheConfirmedWithinThirtyDays(int days)
        {
            Assert.Null(DataAge.StaleCacheWarning(Cached("2026093000"), Confirmed.AddDays(days)));
        }

        [Fact]
        public void SaysWhenACacheWasLastConfirmedAfterThirtyDays()
        {
            Assert.Equal(
                "The cached EOP ranges in '/cache/ranges.cache' (Worldwide, version 2026093000) were last confirmed current by Update-EopIpRange on 2026-10-01, " +
                "30 days ago. Run Update-EopIpRange to fetch the current ranges, or Update-EopIpRange -Path <file> on a server without internet access.",
                DataAge.StaleCacheWarning(Cached("2026093000"), Confirmed.AddDays(30).AddSeconds(1)));
            Assert.Equal(
                "The cached EOP ranges in '/cache/ranges.cache' (Worldwide, imported from a file) were last confirmed current by Update-EopIpRange on 2026-10-01, " +
                "400 days ago. Run Update-EopIpRange to fetch the current ranges, or Update-EopIpRange -Path <file> on a server without internet access.",
                DataAge.StaleCacheWarning(Cached("0000000000"), Confirmed.AddDays(400)));
        }

        private static CachedRanges Cached(string version) =>
            new CachedRanges("Worldwide", version, Confirmed, Answer, "/cache/ranges.cache", CacheStore.ReadContent(Answer, "/cache/ranges.cache", "Worldwide", version));
    }
}
