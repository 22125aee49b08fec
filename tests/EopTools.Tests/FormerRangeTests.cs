using System;
using EopTools.Index;
using Xunit;
using static EopTools.Tests.TestData;

namespace EopTools.Tests
{
    /// <summary>An address the ranges do not hold is reported with the range that held it in older data, newest first.</summary>
    public class FormerRangeTests
    {
        private static readonly DateTime PreviousDate = new DateTime(2022, 8, 31);

        private static readonly OlderData Previous = new OlderData(
            new RangeIndex(Data((EopRegion.Global, "40.92.0.0/15"), (EopRegion.Global, "104.47.0.0/17"))), EopFormerRange.PreviousCache, PreviousDate);

        private static readonly OlderData Seed = new OlderData(EopSession.Seed, EopFormerRange.EmbeddedPage, EopSession.Seed.DataSet.Published);

        private static int _lookups;

        private static readonly RangeIndex Current = new RangeIndex(
            Data((EopRegion.Global, "40.92.0.0/15"), (EopRegion.Americas, "40.107.0.0/16")),
            new FormerRanges(() =>
            {
                _lookups++;
                return new[] { Previous, Seed };
            }));

        [Theory]
        [InlineData("104.47.1.1", "104.47.0.0/17 (previous.cache, 2022-08-31)")]
        [InlineData("40.94.12.9", "40.92.0.0/14 (embedded page, 2018-08-02)")]
        [InlineData("2a01:111:f400:7c00::1", "2a01:111:f400:7c00::/54 (embedded page, 2018-08-02)")]
        [InlineData("8.8.8.8", null)]
        public void NamesTheNewestOlderDataThatHeldTheAddress(string address, string? expected)
        {
            EopAnswer answer = Current.Answer(Address(address), null);
            Assert.Null(answer.Range);
            Assert.Equal(expected, answer.Former!.Find(Address(address))?.ToString());
        }

        [Fact]
        public void CarriesTheRangeItsDataAndDate()
        {
            EopFormerRange former = Current.NotEop.Former!.Find(Address("40.94.12.9"))!;
            Assert.Equal("40.92.0.0/14", former.Prefix);
            Assert.Same(former.Range.DataSet, former.DataSet);
            Assert.Equal("embedded seed", former.DataSet.Source);
            Assert.Equal("embedded page", former.Data);
            Assert.Equal(new DateTime(2018, 8, 2), former.Date);
        }

        [Fact]
        public void HasNoFormerRangeForAnEopAddressOrOneAnotherTableHolds()
        {
            Assert.Null(Current.Answer(Address("40.92.1.1"), null).Former);
            // Not in the Global table, but EOP in the Americas one: not a former EOP address.
            Assert.Null(Current.Answer(Address("40.107.1.1"), EopRegion.Global).Former);
        }

        [Fact]
        public void LooksAtTheOlderDataOnlyWhenAsked()
        {
            int before = _lookups;
            EopAnswer answer = Current.Answer(Address("40.94.12.9"), null);
            Assert.Equal(before, _lookups);
            answer.Former!.Find(Address("40.94.12.9"));
            Assert.Equal(before + 1, _lookups);
        }

        [Fact]
        public void HasNoOlderDataForTheEmbeddedPageOrAFile()
        {
            Assert.Null(EopSession.Seed.Answer(Address("8.8.8.8"), null).Former);
            Assert.Null(new RangeIndex(Data((EopRegion.Global, "40.92.0.0/15"))).NotEop.Former);
        }

        [Fact]
        public void SaysTheDataWithoutADate()
        {
            var undated = new FormerRanges(() => new[] { new OlderData(Previous.Index, EopFormerRange.PreviousCache, null) });
            Assert.Equal("104.47.0.0/17 (previous.cache)", undated.Find(Address("104.47.1.1"))!.ToString());
        }
    }
}
