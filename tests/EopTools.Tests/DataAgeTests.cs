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
        /// <summary>What every warning here tells the admin to run: the commands are the behaviour, the sentence around them is not.</summary>
        private static readonly string[] HowToUpdate = { "Run Update-EopIpRange ", "Update-EopIpRange -Path <file>" };
        private static readonly DateTime Confirmed = new DateTime(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void SaysWhereSeedAnswersComeFromTheirDateAndHowToUpdate()
        {
            Diagnostic warning = DataAge.SeedWarning(EopSession.Seed.DataSet, "/home/admin/.cache/EopTools");
            MessageAssert.Names(warning, "SeedRangesUsed", "embedded", "2018-08-02", "no usable cached ranges in '/home/admin/.cache/EopTools'");
            MessageAssert.Names(warning.Message, HowToUpdate);
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
            Diagnostic warning = DataAge.StaleCacheWarning(Answered("2026093000"), Confirmed.AddDays(30).AddSeconds(1))!;
            MessageAssert.Names(warning, "CachedRangesStale", "'/cache/ranges.cache'", "Worldwide", "version 2026093000", "confirmed", "2026-10-01", " 30 days");
            MessageAssert.Names(warning.Message, HowToUpdate);
        }

        [Fact]
        public void CountsTheAgeOfAnImportedFileFromItsOwnDateNotFromTheImport()
        {
            CachedRanges imported = Imported(Xml, received: Confirmed);
            Diagnostic warning = DataAge.StaleCacheWarning(imported, Confirmed)!;
            MessageAssert.Names(warning, "CachedRangesStale", "'/cache/ranges.cache'", "imported from '/srv/O365IPAddresses.xml'", "2018-06-02", " 3043 days",
                "importing a file again");
            MessageAssert.Names(warning.Message, HowToUpdate);
        }

        [Fact]
        public void CountsTheAgeOfAnUndatedImportedFileFromWhenItCame()
        {
            Assert.Null(DataAge.StaleCacheWarning(Imported(Answer, received: Confirmed), Confirmed.AddDays(30)));
            Diagnostic warning = DataAge.StaleCacheWarning(Imported(Answer, received: Confirmed), Confirmed.AddDays(400))!;
            MessageAssert.Names(warning, "CachedRangesStale", "'/cache/ranges.cache'", "imported from '/srv/O365IPAddresses.xml'", "no date", "2026-10-01",
                " 400 days", "importing the same file again");
            MessageAssert.Names(warning.Message, HowToUpdate);
        }

        private static CachedRanges Answered(string version) => Cached(new CacheEntry("Worldwide", version, "https://endpoints.office.com/endpoints/Worldwide", Confirmed, Confirmed, Answer));

        private static CachedRanges Imported(string content, DateTime received) => Cached(new CacheEntry("Worldwide", null, "/srv/O365IPAddresses.xml", received, null, content));

        private static CachedRanges Cached(CacheEntry entry) => new CachedRanges(entry, "/cache/ranges.cache", CacheStore.ReadContent(entry, "/cache/ranges.cache"));
    }
}
