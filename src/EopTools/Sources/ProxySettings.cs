using System;
using System.Net;

namespace EopTools.Sources
{
    /// <summary>
    /// The proxy the web service is reached through, as Invoke-WebRequest's -Proxy, -ProxyCredential and
    /// -ProxyUseDefaultCredentials choose it: an explicit proxy for every address, or else the system proxy.
    /// </summary>
    internal sealed class ProxySettings
    {
        /// <param name="proxy">Every request goes through it, loopback addresses too; null for the system proxy.</param>
        /// <param name="credential">The proxy's credentials; null for none, or for the system proxy's own.</param>
        /// <param name="useDefaultCredentials">The signed-in user's credentials (Windows: Kerberos or NTLM).</param>
        /// <param name="systemProxy">
        /// The system proxy: WebRequest.DefaultWebProxy, which on .NET is HttpClient.DefaultProxy (environment
        /// variables, or Windows' settings) and on .NET Framework the Internet Options proxy, unless the session set it.
        /// </param>
        public ProxySettings(Uri? proxy, NetworkCredential? credential, bool useDefaultCredentials, IWebProxy? systemProxy)
        {
            if (proxy != null) RequireUsable(proxy);
            if (credential != null && useDefaultCredentials)
            {
                throw new WebServiceException(WebServiceFailure.ProxyCredentialConflict,
                    "-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together: give one of them.");
            }
            Proxy = proxy;
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
            SystemProxy = systemProxy;
        }

        public Uri? Proxy { get; }

        public NetworkCredential? Credential { get; }

        public bool UseDefaultCredentials { get; }

        public IWebProxy? SystemProxy { get; }

        /// <summary>
        /// The proxy a request to <paramref name="target"/> goes through, or null when it goes directly. A credential
        /// given for the system proxy when the system has none for the address is an error, not silently unused.
        /// </summary>
        public Uri? ProxyFor(Uri target)
        {
            Uri? chosen = Resolve(target);
            if (chosen == null && (Credential != null || UseDefaultCredentials))
            {
                throw new WebServiceException(WebServiceFailure.ProxyNotFound,
                    (Credential != null ? "-ProxyCredential" : "-ProxyUseDefaultCredentials") + " is given, but there is no -Proxy and the system has no proxy for " +
                    EndpointsWebService.Describe(target) + ": give the proxy's address with -Proxy.");
            }
            return chosen;
        }

        /// <summary>
        /// What HttpClientHandler.Proxy is set to. Always a proxy of this module's own: the runtimes' WebProxy never sends
        /// a loopback address through a proxy, and the session's DefaultWebProxy must not get the credentials given here.
        /// </summary>
        public IWebProxy ForHandler()
        {
            ICredentials? credentials = UseDefaultCredentials ? CredentialCache.DefaultCredentials : Credential;
            return new ChosenProxy(this, credentials ?? (Proxy == null ? SystemProxy?.Credentials : null));
        }

        /// <summary>A proxy address as messages show it: never the user name or password written into it.</summary>
        public static string Describe(Uri proxy) => EndpointsWebService.Describe(proxy);

        private Uri? Resolve(Uri target)
        {
            if (Proxy != null) return Proxy;
            Uri? system = SystemProxy == null || SystemProxy.IsBypassed(target) ? null : SystemProxy.GetProxy(target);
            return system == null || system == target ? null : system;
        }

        private static void RequireUsable(Uri proxy)
        {
            if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps) ||
                proxy.AbsolutePath != "/" || proxy.Query.Length != 0)
            {
                throw new WebServiceException(WebServiceFailure.ProxyUriInvalid,
                    "The proxy address '" + Describe(proxy) + "' is not a proxy's address: give it as http://host:port (for example http://proxy.contoso.com:8080).");
            }
        }

        private sealed class ChosenProxy : IWebProxy
        {
            private readonly ProxySettings _settings;

            public ChosenProxy(ProxySettings settings, ICredentials? credentials)
            {
                _settings = settings;
                Credentials = credentials;
            }

            public ICredentials? Credentials { get; set; }

            // The runtimes ask GetProxy only for an address that is not bypassed.
            public Uri GetProxy(Uri destination) => _settings.Resolve(destination) ?? destination;

            public bool IsBypassed(Uri host) => _settings.Resolve(host) == null;
        }
    }
}
