using System;
using System.Net;
using EopTools.Sources;
using Xunit;

namespace EopTools.Tests
{
    public sealed class EndpointsWebServiceTests
    {
        // .NET Framework's old default; SSL 3 (48) by number, as .NET marks the name obsolete.
        private const SecurityProtocolType Ssl3AndTls10 = (SecurityProtocolType)48 | SecurityProtocolType.Tls;

        [Theory]
        [InlineData(".NET Framework 4.8.4645.0")]
        [InlineData(".NET Framework 4.7.3324.0")]
        public void AddsTls12ToTheOldNetFrameworkDefault(string framework)
        {
            Assert.Equal(Ssl3AndTls10 | SecurityProtocolType.Tls12, EndpointsWebService.ProtocolsWithTls12(framework, Ssl3AndTls10));
        }

        [Fact]
        public void KeepsWhatElseTheSessionSwitchedOn()
        {
            Assert.Equal(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12,
                EndpointsWebService.ProtocolsWithTls12(".NET Framework 4.8.4645.0", SecurityProtocolType.Tls11));
        }

        [Fact]
        public void LeavesTheSystemDefaultToTheSystem()
        {
            Assert.Null(EndpointsWebService.ProtocolsWithTls12(".NET Framework 4.8.9232.0", 0));
        }

        [Fact]
        public void LeavesTheProtocolsAloneWhenTls12IsOn()
        {
            Assert.Null(EndpointsWebService.ProtocolsWithTls12(".NET Framework 4.8.4645.0", SecurityProtocolType.Tls | SecurityProtocolType.Tls12));
        }

        [Theory]
        [InlineData(".NET 10.0.0")]
        [InlineData(".NET Core 3.1.32")]
        [InlineData("Mono 6.8.0.105 (Debian 6.8.0.105+dfsg-3.3+deb12u1 Sat Jun 21 16:33:59 UTC 2025)")]
        public void LeavesOtherRuntimesToTheirOwnDefaults(string framework)
        {
            Assert.Null(EndpointsWebService.ProtocolsWithTls12(framework, Ssl3AndTls10));
        }

        [Theory]
        [InlineData("https://endpoints.office.com/endpoints/Worldwide", "https://endpoints.microsoft.com/endpoints/Worldwide", true)]
        [InlineData("http://127.0.0.1:8080/endpoints/Worldwide", "https://endpoints.office.com/endpoints/Worldwide", true)]
        [InlineData("http://127.0.0.1:8080/endpoints/Worldwide", "http://127.0.0.1:8081/moved", true)]
        [InlineData("http://[::1]:8080/endpoints/Worldwide", "http://localhost/moved", true)]
        [InlineData("http://127.0.0.1:8080/endpoints/Worldwide", "http://192.0.2.1/endpoints/Worldwide", false)]
        [InlineData("https://endpoints.office.com/endpoints/Worldwide", "http://127.0.0.1/endpoints/Worldwide", false)]
        [InlineData("https://endpoints.office.com/endpoints/Worldwide", "http://endpoints.office.com/endpoints/Worldwide", false)]
        [InlineData("https://endpoints.office.com/endpoints/Worldwide", "ftp://endpoints.office.com/endpoints/Worldwide", false)]
        [InlineData("https://endpoints.office.com/endpoints/Worldwide", "file:///etc/passwd", false)]
        public void FollowsARedirectOnlyWhereTheFirstAddressCouldHavePointed(string from, string to, bool allowed)
        {
            Assert.Equal(allowed, EndpointsWebService.IsAllowedRedirect(new Uri(from), new Uri(to)));
        }

        [Theory]
        [InlineData("https://admin:S3cret@endpoints.office.com/version/Worldwide?ClientRequestId=1#top", "https://endpoints.office.com/version/Worldwide")]
        [InlineData("http://admin@127.0.0.1:8080/", "http://127.0.0.1:8080/")]
        [InlineData("https://endpoints.office.com", "https://endpoints.office.com/")]
        public void DescribesAnAddressWithoutItsUserInformation(string uri, string expected)
        {
            Assert.Equal(expected, EndpointsWebService.Describe(new Uri(uri)));
        }

        [Fact]
        public void RefusesAnInsecureAddressWithoutEchoingItsPassword()
        {
            var error = Assert.Throws<WebServiceException>(() => EndpointsWebService.RequireSecure(new Uri("http://admin:S3cret@endpoints.office.com/")));
            Assert.Equal("WebServiceInsecureUri", error.ErrorId);
            Assert.Contains("'http://endpoints.office.com/'", error.Message);
            Assert.Contains("HTTPS", error.Message);
            Assert.DoesNotContain("S3cret", error.Message);
            Assert.DoesNotContain("admin", error.Message);
        }
    }
}
