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
    }
}
