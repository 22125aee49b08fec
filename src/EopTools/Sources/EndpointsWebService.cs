using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using EopTools.IO;
using EopTools.Parsing.Json;

namespace EopTools.Sources
{
    /// <summary>
    /// The Microsoft 365 IP address and URL web service: /version/{instance} and /endpoints/{instance}. One request each,
    /// never retried in a loop; every failure is a <see cref="WebServiceException"/> that says what happened.
    /// </summary>
    internal sealed class EndpointsWebService : IDisposable
    {
        public const string DefaultBaseUri = "https://endpoints.office.com";

        /// <summary>The largest answer accepted; the worldwide /endpoints answer is about 40 KB.</summary>
        public const int MaxAnswerBytes = 16 * 1024 * 1024;

        /// <summary>How many redirects one request follows (each must pass <see cref="IsAllowedRedirect"/>).</summary>
        public const int MaxRedirects = 5;

        private readonly HttpClient _client;
        private readonly Uri _baseUri;
        private readonly Guid _clientRequestId;
        private readonly ProxySettings _proxy;

        public EndpointsWebService(Uri baseUri, TimeSpan timeout, Guid clientRequestId, ProxySettings proxy)
        {
            RequireSecure(baseUri);
            EnableTls12OnNetFramework();
            _baseUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
            _clientRequestId = clientRequestId;
            _proxy = proxy;
            proxy.ProxyFor(_baseUri);
            // Redirects are followed here, one at a time, so that each target passes the rule the first address passed.
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseProxy = true, Proxy = proxy.ForHandler() };
            _client = new HttpClient(handler) { Timeout = timeout };
        }

        /// <summary>HTTPS only; plain HTTP is allowed for loopback hosts, where tests run their own server.</summary>
        public static void RequireSecure(Uri baseUri)
        {
            if (!baseUri.IsAbsoluteUri)
            {
                throw new WebServiceException(WebServiceFailure.InsecureUri, "The web service address '" + Describe(baseUri) + "' is not an absolute URI.");
            }
            if (!IsSecure(baseUri, fromLoopback: true))
            {
                throw new WebServiceException(WebServiceFailure.InsecureUri,
                    "The web service address '" + Describe(baseUri) + "' must use HTTPS (plain HTTP is allowed only for a loopback host).");
            }
        }

        /// <summary>
        /// A redirect is followed only to where the first address could have pointed: HTTPS, or plain HTTP from a
        /// loopback host to a loopback host. A server must not be able to move the download onto plain HTTP elsewhere.
        /// </summary>
        public static bool IsAllowedRedirect(Uri from, Uri to) => to.IsAbsoluteUri && IsSecure(to, from.IsLoopback);

        /// <summary>
        /// An address as messages and error targets show it: scheme, host, port and path, never the user information
        /// (a password written into the URI) nor the query.
        /// </summary>
        public static string Describe(Uri uri) =>
            uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : uri.OriginalString;

        /// <summary>The latest version of the instance's data: ten digits, YYYYMMDDNN.</summary>
        public string GetLatestVersion(EopInstance instance, CancellationToken cancel)
        {
            string body = Get("version/" + EopInstances.Name(instance), cancel);
            JsonNode answer;
            try
            {
                answer = JsonReader.Parse(body);
            }
            catch (FormatException e)
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer, "The /version answer is not valid JSON: " + e.Message + ".", e);
            }
            string? latest = answer.Kind == JsonKind.Object ? answer.Member("latest")?.Text : null;
            if (latest == null || !IsVersion(latest))
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer,
                    "The /version answer has no ten-digit 'latest' version: " + Shorten(body) + ".");
            }
            return latest;
        }

        /// <summary>The /endpoints answer, as text.</summary>
        public string GetEndpoints(EopInstance instance, CancellationToken cancel) => Get(EndpointsPath(instance), cancel);

        /// <summary>Where the /endpoints answer comes from, as messages name it (its line numbers are the answer's own).</summary>
        public string EndpointsSource(EopInstance instance) => Describe(new Uri(_baseUri, EndpointsPath(instance)));

        private static string EndpointsPath(EopInstance instance) => "endpoints/" + EopInstances.Name(instance);

        public static bool IsVersion(string text)
        {
            if (text.Length != 10) return false;
            foreach (char c in text)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        public void Dispose() => _client.Dispose();

        private static bool IsSecure(Uri uri, bool fromLoopback) =>
            uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && fromLoopback);

        private static bool IsRedirect(HttpStatusCode status)
        {
            int code = (int)status;
            return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
        }

        private string Get(string path, CancellationToken cancel)
        {
            var uri = new Uri(_baseUri, path + "?ClientRequestId=" + _clientRequestId.ToString("D", CultureInfo.InvariantCulture));
            for (int redirects = 0; ; redirects++)
            {
                HttpResponseMessage response = Send(uri, cancel);
                using (response)
                {
                    if (IsRedirect(response.StatusCode))
                    {
                        uri = RedirectTarget(response, uri, redirects);
                        continue;
                    }
                    Uri? proxy = _proxy.ProxyFor(uri);
                    if (proxy != null && response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired) throw ProxyRefusedSignIn(proxy);
                    RequireSuccess(response, uri);
                    return ReadBody(response, uri, cancel);
                }
            }
        }

        private HttpResponseMessage Send(Uri uri, CancellationToken cancel)
        {
            try
            {
                return _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw new WebServiceException(WebServiceFailure.Timeout, "The web service at " + Describe(uri) +
                    " did not answer within " + _client.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds.", e);
            }
            catch (HttpRequestException e)
            {
                Uri? proxy = _proxy.ProxyFor(uri);
                if (proxy != null && StatusOf(e) == HttpStatusCode.ProxyAuthenticationRequired) throw ProxyRefusedSignIn(proxy, e);
                string through = proxy == null ? "" : " through the proxy " + ProxySettings.Describe(proxy);
                throw new WebServiceException(WebServiceFailure.Unreachable, "The web service at " + Describe(uri) + " cannot be reached" + through +
                    ": " + Innermost(e).Message.TrimEnd('.') + ". " + (proxy == null
                        ? "If this server reaches the Internet through a proxy, give it with -Proxy (and -ProxyCredential or -ProxyUseDefaultCredentials if it asks for a sign-in)"
                        : "Check the proxy's address (-Proxy) and sign-in (-ProxyCredential or -ProxyUseDefaultCredentials)") +
                    "; on a server without Internet access, download the file elsewhere and import it with Update-EopIpRange -Path <file>. Nothing was changed.", e);
            }
        }

        /// <summary>HttpRequestException.StatusCode, where the runtime has it (.NET 5 and later; .NET Framework answers with the 407 itself).</summary>
        private static HttpStatusCode? StatusOf(HttpRequestException e) =>
            e.GetType().GetProperty("StatusCode")?.GetValue(e) as HttpStatusCode?;

        private WebServiceException ProxyRefusedSignIn(Uri proxy, Exception? inner = null) =>
            new WebServiceException(WebServiceFailure.ProxyAuthenticationRequired, "The proxy " + ProxySettings.Describe(proxy) +
                (_proxy.Credential != null || _proxy.UseDefaultCredentials ? " refused the credentials given" : " asks for a sign-in") +
                " (HTTP 407 Proxy Authentication Required): give its user name and password with -ProxyCredential, or -ProxyUseDefaultCredentials for the signed-in Windows user. Nothing was changed.", inner);

        /// <summary>Where a redirect points, when it may be followed; anything else is WebServiceRedirectRefused.</summary>
        private static Uri RedirectTarget(HttpResponseMessage response, Uri from, int redirectsSoFar)
        {
            string answered = string.Format(CultureInfo.InvariantCulture, "The web service at {0} answered HTTP {1} ({2})",
                Describe(from), (int)response.StatusCode, response.ReasonPhrase);
            Uri? location = response.Headers.Location;
            if (location == null)
            {
                throw new WebServiceException(WebServiceFailure.RedirectRefused, answered + " without a Location to go to. Nothing was changed.");
            }
            Uri to = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (!IsAllowedRedirect(from, to))
            {
                throw new WebServiceException(WebServiceFailure.RedirectRefused, answered + " to " + Describe(to) +
                    ", which is not HTTPS (plain HTTP is followed only from a loopback host to a loopback host); it was not followed. Nothing was changed.");
            }
            if (redirectsSoFar == MaxRedirects)
            {
                throw new WebServiceException(WebServiceFailure.RedirectRefused, answered + " to " + Describe(to) +
                    ", after " + MaxRedirects.ToString(CultureInfo.InvariantCulture) + " redirects already; it was not followed. Nothing was changed.");
            }
            return to;
        }

        private static void RequireSuccess(HttpResponseMessage response, Uri uri)
        {
            if ((int)response.StatusCode == 429)
            {
                throw new WebServiceException(WebServiceFailure.RateLimited,
                    "The web service refused the request as too frequent (HTTP 429); try again " + RetryAfter(response) +
                    ". Nothing was changed.");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new WebServiceException(WebServiceFailure.HttpError, string.Format(CultureInfo.InvariantCulture,
                    "The web service answered {0} with HTTP {1} ({2}). Nothing was changed.", Describe(uri), (int)response.StatusCode, response.ReasonPhrase));
            }
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer,
                    "The web service answered " + Describe(uri) + " with an HTML page, not JSON (a proxy or captive portal?). Nothing was changed.");
            }
            long? length = response.Content.Headers.ContentLength;
            if (length > MaxAnswerBytes)
            {
                throw new WebServiceException(WebServiceFailure.AnswerTooLarge, string.Format(CultureInfo.InvariantCulture,
                    "The answer from {0} is {1} bytes, more than the {2} accepted. Nothing was changed.", Describe(uri), length, MaxAnswerBytes));
            }
        }

        private static string ReadBody(HttpResponseMessage response, Uri uri, CancellationToken cancel)
        {
            var buffer = new MemoryStream();
            try
            {
                using (Stream body = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
                {
                    if (!BoundedText.TryReadBytes(body, MaxAnswerBytes, buffer, cancel, out _))
                    {
                        throw new WebServiceException(WebServiceFailure.AnswerTooLarge, string.Format(CultureInfo.InvariantCulture,
                            "The answer from {0} is more than the {1} bytes accepted. Nothing was changed.", Describe(uri), MaxAnswerBytes));
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                throw new WebServiceException(WebServiceFailure.IncompleteAnswer,
                    "The answer from " + Describe(uri) + " broke off after " + buffer.Length.ToString(CultureInfo.InvariantCulture) +
                    " bytes (" + Innermost(e).Message + "). Nothing was changed.", e);
            }
            long? expected = response.Content.Headers.ContentLength;
            if (expected.HasValue && expected.Value != buffer.Length)
            {
                throw new WebServiceException(WebServiceFailure.IncompleteAnswer, string.Format(CultureInfo.InvariantCulture,
                    "The answer from {0} has {1} of the {2} bytes announced. Nothing was changed.", Describe(uri), buffer.Length, expected.Value));
            }
            string text = ByteOrderMark.Decode(buffer.GetBuffer(), (int)buffer.Length);
            if (text.TrimStart().StartsWith("<", StringComparison.Ordinal))
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer,
                    "The web service answered " + Describe(uri) + " with markup, not JSON: " + Shorten(text) + ". Nothing was changed.");
            }
            return text;
        }

        private static string RetryAfter(HttpResponseMessage response)
        {
            var retry = response.Headers.RetryAfter;
            if (retry?.Delta is TimeSpan delta)
            {
                DateTime at = DateTime.Now + delta;
                return "after " + at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (in " + ((int)delta.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " seconds, as its Retry-After says)";
            }
            if (retry?.Date is DateTimeOffset date)
            {
                return "after " + date.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (as its Retry-After says)";
            }
            return "in an hour (the service's documented wait; its answer gave no Retry-After)";
        }

        private static void EnableTls12OnNetFramework()
        {
            SecurityProtocolType? protocols = ProtocolsWithTls12(RuntimeInformation.FrameworkDescription, ServicePointManager.SecurityProtocol);
            if (protocols.HasValue) ServicePointManager.SecurityProtocol = protocols.Value;
        }

        /// <summary>
        /// The process-wide protocols to set so that the service (TLS 1.2 only) can be reached, or null to leave them.
        /// Apart from the platform call so that it is tested everywhere: the test runs see .NET and Mono, never .NET Framework.
        /// </summary>
        internal static SecurityProtocolType? ProtocolsWithTls12(string frameworkDescription, SecurityProtocolType current)
        {
            // Windows PowerShell 5.1 runs on .NET Framework, whose default there is SSL 3 and TLS 1.0 unless the registry
            // says otherwise. .NET and Mono leave the choice to the system, as does SystemDefault (0): adding TLS 1.2 to
            // it would pin the whole session to TLS 1.2 and so switch TLS 1.3 off.
            bool netFramework = frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
            if (!netFramework || current == 0 || (current & SecurityProtocolType.Tls12) != 0) return null;
            return current | SecurityProtocolType.Tls12;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private static string Shorten(string text)
        {
            string single = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
            return single.Length <= 120 ? "'" + single + "'" : "'" + single.Substring(0, 120) + "...'";
        }
    }
}
