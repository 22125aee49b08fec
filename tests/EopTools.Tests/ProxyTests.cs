using System;
using System.Net;
using System.Threading;
using EopTools.Sources;
using EopTools.TestServer;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The web service through a forward proxy on loopback, on both runtimes the tests run on.</summary>
    public sealed class ProxyTests : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
        private readonly FakeEndpointsService _service = new FakeEndpointsService(TestPaths.Fixture("endpoints.json"));

        public void Dispose() => _service.Dispose();

        [Fact]
        public void SendsEveryRequestThroughTheProxyGivenLoopbackToo()
        {
            using (var proxy = new LoopbackProxy())
            {
                Assert.Equal("2022083100", LatestVersion(new ProxySettings(proxy.Uri, null, false, systemProxy: null)));
                Assert.Equal(new[] { "GET " + VersionUri + " forwarded" }, proxy.Requests);
                Assert.Equal(1, _service.VersionRequests);
            }
        }

        [Fact]
        public void UsesTheSystemProxyByDefaultWithItsOwnCredentials()
        {
            using (var proxy = new LoopbackProxy("eopadmin", "Pa55:word"))
            {
                var system = new FixedSystemProxy(proxy.Uri) { Credentials = new NetworkCredential("eopadmin", "Pa55:word") };
                Assert.Equal("2022083100", LatestVersion(new ProxySettings(null, null, false, system)));
                Assert.Equal(new[] { "GET " + VersionUri + " 407", "GET " + VersionUri + " forwarded" }, proxy.Requests);
            }
        }

        [Fact]
        public void GoesDirectlyWhenTheSystemHasNoProxy()
        {
            Assert.Equal("2022083100", LatestVersion(new ProxySettings(null, null, false, systemProxy: null)));
            Assert.Equal(1, _service.VersionRequests);
        }

        [Fact]
        public void SignsInToAnAuthenticatingProxyWithTheCredentialGiven()
        {
            using (var proxy = new LoopbackProxy("CONTOSO\\eopadmin", "S3cret!"))
            {
                var settings = new ProxySettings(proxy.Uri, new NetworkCredential("eopadmin", "S3cret!", "CONTOSO"), false, new FixedSystemProxy(null));
                Assert.Equal("2022083100", LatestVersion(settings));
                Assert.Equal(new[] { "GET " + VersionUri + " 407", "GET " + VersionUri + " forwarded" }, proxy.Requests);
            }
        }

        [Fact]
        public void SaysTheProxyAsksForASignInWhenNoCredentialIsGiven()
        {
            using (var proxy = new LoopbackProxy("eopadmin", "S3cret!"))
            {
                var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(proxy.Uri, null, false, null)));
                Assert.Equal("WebServiceProxyAuthenticationRequired", error.ErrorId);
                Assert.Equal("The proxy " + proxy.Uri + " asks for a sign-in (HTTP 407 Proxy Authentication Required): give its user name and password with " +
                    "-ProxyCredential, or -ProxyUseDefaultCredentials for the signed-in Windows user. Nothing was changed.", error.Message);
                Assert.Equal(0, _service.VersionRequests);
            }
        }

        [Fact]
        public void SaysTheProxyRefusedTheCredentialGiven()
        {
            using (var proxy = new LoopbackProxy("eopadmin", "S3cret!"))
            {
                var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(proxy.Uri, new NetworkCredential("eopadmin", "wrong"), false, null)));
                MessageAssert.Names(error, "WebServiceProxyAuthenticationRequired", "proxy " + proxy.Uri, "refused the credentials", "407");
                Assert.DoesNotContain("wrong", error.Message);
            }
        }

        [Fact]
        public void OpensATunnelWithConnectForAnHttpsAddressAndSignsInToIt()
        {
            // The fake service speaks plain HTTP, so the TLS handshake inside the tunnel fails: what is asserted is that
            // the request went through the proxy as an authenticated CONNECT to the service, and what the error says.
            using (var proxy = new LoopbackProxy("eopadmin", "S3cret!"))
            {
                var https = new Uri("https://127.0.0.1:" + _service.BaseUri.Port + "/");
                var settings = new ProxySettings(proxy.Uri, new NetworkCredential("eopadmin", "S3cret!"), false, null);
                var error = Assert.Throws<WebServiceException>(() => LatestVersion(settings, https));
                MessageAssert.Names(error, "WebServiceUnreachable", "https://127.0.0.1:" + _service.BaseUri.Port + "/version/Worldwide", "proxy " + proxy.Uri,
                    "-ProxyCredential or -ProxyUseDefaultCredentials", "Update-EopIpRange -Path <file>");
                Assert.DoesNotContain("S3cret", error.Message);
                string connect = "CONNECT 127.0.0.1:" + _service.BaseUri.Port;
                Assert.Equal(new[] { connect + " 407", connect + " tunnel" }, proxy.Requests);
            }
        }

        [Fact]
        public void SaysAnAuthenticatingProxyAsksForASignInOnAConnectTunnel()
        {
            using (var proxy = new LoopbackProxy("eopadmin", "S3cret!"))
            {
                var https = new Uri("https://127.0.0.1:" + _service.BaseUri.Port + "/");
                var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(proxy.Uri, null, false, null), https));
                Assert.Contains("407", error.Message);
                Assert.Contains("-ProxyCredential", error.Message);
                Assert.Equal(new[] { "CONNECT 127.0.0.1:" + _service.BaseUri.Port + " 407" }, proxy.Requests);
            }
        }

        [Fact]
        public void NamesTheProxyAndTheWayOfflineWhenTheServiceCannotBeReached()
        {
            var refused = new Uri("http://127.0.0.1:" + FakeEndpointsService.FreePort() + "/");
            var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(null, null, false, null), refused));
            MessageAssert.Names(error, "WebServiceUnreachable", refused + "version/Worldwide", "-Proxy ", "Update-EopIpRange -Path <file>");
        }

        [Fact]
        public void NamesTheProxyThatCannotBeReached()
        {
            var absent = new Uri("http://127.0.0.1:" + FakeEndpointsService.FreePort() + "/");
            var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(absent, null, false, null)));
            MessageAssert.Names(error, "WebServiceUnreachable", VersionUri + " ", "proxy " + absent);
            Assert.Equal(0, _service.VersionRequests);
        }

        [Fact]
        public void RefusesACredentialWhenThereIsNoProxyToGiveItTo()
        {
            var error = Assert.Throws<WebServiceException>(() => LatestVersion(new ProxySettings(null, new NetworkCredential("eopadmin", "S3cret!"), false, null)));
            MessageAssert.Names(error, "WebServiceProxyNotFound", "-ProxyCredential ", " " + _service.BaseUri + ":", "-Proxy.");
            Assert.DoesNotContain("S3cret", error.Message);
            Assert.Equal(0, _service.VersionRequests);
        }

        [Fact]
        public void RefusesBothKindsOfCredentialTogether()
        {
            var error = Assert.Throws<WebServiceException>(() => new ProxySettings(new Uri("http://127.0.0.1:3128/"), new NetworkCredential("a", "b"), true, null));
            Assert.Equal("WebServiceProxyCredentialConflict", error.ErrorId);
        }

        [Theory]
        [InlineData("proxy.contoso.com:8080", "proxy.contoso.com:8080")]
        [InlineData("ftp://proxy.contoso.com/", "ftp://proxy.contoso.com/")]
        [InlineData("http://admin:S3cret@proxy.contoso.com:8080/proxy.pac", "http://proxy.contoso.com:8080/proxy.pac")]
        public void RefusesAnAddressThatIsNotAProxys(string address, string shown)
        {
            var error = Assert.Throws<WebServiceException>(() => new ProxySettings(new Uri(address, UriKind.RelativeOrAbsolute), null, false, null));
            Assert.Equal("WebServiceProxyUriInvalid", error.ErrorId);
            Assert.Contains("'" + shown + "'", error.Message);
            Assert.Contains("http://host:port", error.Message);
            Assert.DoesNotContain("S3cret", error.Message);
        }

        private string VersionUri => _service.BaseUri + "version/Worldwide";

        private string LatestVersion(ProxySettings settings, Uri? baseUri = null)
        {
            using (var service = new EndpointsWebService(baseUri ?? _service.BaseUri, Timeout, Guid.NewGuid(), settings))
            {
                return service.GetLatestVersion(EopInstance.Worldwide, CancellationToken.None);
            }
        }

        /// <summary>A system proxy as the session has it: one proxy for every address, or none.</summary>
        private sealed class FixedSystemProxy : IWebProxy
        {
            private readonly Uri? _proxy;

            public FixedSystemProxy(Uri? proxy) => _proxy = proxy;

            public ICredentials? Credentials { get; set; }

            public Uri GetProxy(Uri destination) => _proxy ?? destination;

            public bool IsBypassed(Uri host) => _proxy == null;
        }
    }
}
