using System;
using EopTools.Index;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class DataAgeTests
    {
        private const string Answer = "[{\"id\":10,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"25\"}]";
        private const string Xml = "<products updated=\"6/2/2018\"><product name=\"EOP\"><addresslist type=\"IPv4\"><address>192.0.2.0/24</address></addresslist></product></products>";
        private const string HowToUpdate = "Run Update-EopIpRange to fetch the current ranges, or Update-EopIpRange -Path <file> on a server without internet access.";
        private static readonly DateTime Confirmed = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void SaysWhereSeedAnswersComeFromTheirDateAndHowToUpdate()
        {
            Assert.Equal(
                "The EOP ranges come from the page of 2018-08-02 embedded in EopTools, not from current data: there are no usable cached ranges in " +
                "'/home/admin/.cache/EopTools'. " + HowToUpdate,
                DataAge.SeedWarning(EopSession.Seed.DataSet, "/home/admin/.cache/EopTools").ToString());
        }

        [Theory]
        [InlineData(0)]
        [InlineData(29)]
        [InlineData(30)]
        public void SaysNothingOfAnAnswerConfirmedWithinThirtyDays(int days)
        {
            Assert.Null(DataAge.StaleCacheWarning(Answered("2026093000"), Confirmed.AddDays(days)));
        }

        [Fact]
        public void SaysWhenTheWebServiceLastConfirmedAnAnswerAfterThirtyDays()
        {
            Assert.Equal(
                "The cached EOP ranges in '/cache/ranges.cache' (Worldwide, version 2026093000) were last confirmed current by the web service on 2026-10-01, " +
                "30 days ago. " + HowToUpdate,
                DataAge.StaleCacheWarning(Answered("2026093000"), Confirmed.AddDays(30).AddSeconds(1))!.ToString());
        }

        [Fact]
        public void CountsTheAgeOfAnImportedFileFromItsOwnDateNotFromTheImport()
        {
            CachedRanges imported = Imported(Xml, received: Confirmed);
            Assert.Equal(
                "The cached EOP ranges in '/cache/ranges.cache' (Worldwide, imported from '/srv/O365IPAddresses.xml') are data of 2018-06-02, 3043 days old; " +
                "importing a file again does not make its data current. " + HowToUpdate,
                DataAge.StaleCacheWarning(imported, Confirmed)!.ToString());
        }

        [Fact]
        public void CountsTheAgeOfAnUndatedImportedFileFromWhenItCame()
        {
            Assert.Null(DataAge.StaleCacheWarning(Imported(Answer, received: Confirmed), Confirmed.AddDays(30)));
            Assert.Equal(
                "The cached EOP ranges in '/cache/ranges.cache' (Worldwide, imported from '/srv/O365IPAddresses.xml') carry no date of their own and came into the " +
                "cache on 2026-10-01, 400 days ago; importing the same file again does not make them current. " + HowToUpdate,
                DataAge.StaleCacheWarning(Imported(Answer, received: Confirmed), Confirmed.AddDays(400))!.ToString());
        }

        private static CachedRanges Answered(string version) => Cached(new CacheEntry("Worldwide", version, "https://endpoints.office.com/endpoints/Worldwide", Confirmed, Confirmed, Answer));

        private static CachedRanges Imported(string content, DateTime received) => Cached(new CacheEntry("Worldwide", null, "/srv/O365IPAddresses.xml", received, null, content));

        private static CachedRanges Cached(CacheEntry entry) => new CachedRanges(entry, "/cache/ranges.cache", CacheStore.ReadContent(entry, "/cache/ranges.cache"));
    }
}
