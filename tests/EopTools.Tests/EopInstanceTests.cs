using System;
using System.Linq;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The one list of the web service's instances: what admins type, what the URLs and the cache carry.</summary>
    public sealed class EopInstanceTests
    {
        [Theory]
        [InlineData("Worldwide", "Worldwide")]
        [InlineData("worldwide", "Worldwide")]
        [InlineData("USGOVDOD", "USGovDoD")]
        [InlineData("usgovgcchigh", "USGovGCCHigh")]
        [InlineData("China", "China")]
        public void ReadsAnInstanceInAnyCaseAndNamesItAsTheWebServiceDoes(string typed, string name)
        {
            EopInstance instance = EopInstances.Parse(typed);
            Assert.Equal(name, EopInstances.Name(instance));
            Assert.Equal(name, instance.ToString());
        }

        [Theory]
        [InlineData("Germany")]
        [InlineData("1")]
        [InlineData("World wide")]
        [InlineData("")]
        public void RefusesAnythingElseNamingTheInstancesItKnows(string typed)
        {
            Assert.False(EopInstances.TryParse(typed, out _));
            ArgumentException error = Assert.Throws<ArgumentException>(() => EopInstances.Parse(typed));
            MessageAssert.Names(error.Message, "'" + typed + "'", "Worldwide, USGovDoD, USGovGCCHigh, China");
        }

        [Fact]
        public void OffersEveryInstanceOnce()
        {
            Assert.Equal(Enum.GetValues(typeof(EopInstance)).Cast<EopInstance>().OrderBy(i => i), EopInstances.All.OrderBy(i => i));
        }

        [Fact]
        public void AsksTheWebServiceForTheInstanceByItsName()
        {
            using (var service = new EndpointsWebService(new Uri("https://endpoints.example.com/"), TimeSpan.FromSeconds(1), Guid.Empty,
                new ProxySettings(null, null, false, null)))
            {
                Assert.Equal("https://endpoints.example.com/endpoints/USGovGCCHigh", service.EndpointsSource(EopInstance.USGovGCCHigh));
            }
        }

        [Fact]
        public void MatchesTheInstanceACacheRecordedInAnyCase()
        {
            Assert.True(EopInstances.Is("worldwide", EopInstance.Worldwide));
            Assert.False(EopInstances.Is("China", EopInstance.Worldwide));
        }
    }
}
