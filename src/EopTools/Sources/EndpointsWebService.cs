using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
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

        private readonly HttpClient _client;
        private readonly Uri _baseUri;
        private readonly Guid _clientRequestId;

        public EndpointsWebService(Uri baseUri, TimeSpan timeout, Guid clientRequestId)
        {
            RequireSecure(baseUri);
            EnableTls12OnNetFramework();
            _baseUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
            _clientRequestId = clientRequestId;
            _client = new HttpClient { Timeout = timeout };
        }

        /// <summary>HTTPS only; plain HTTP is allowed for loopback hosts, where tests run their own server.</summary>
        public static void RequireSecure(Uri baseUri)
        {
            if (!baseUri.IsAbsoluteUri)
            {
                throw new WebServiceException(WebServiceFailure.InsecureUri, "The web service address '" + baseUri + "' is not an absolute URI.");
            }
            bool https = baseUri.Scheme == Uri.UriSchemeHttps;
            bool loopbackHttp = baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback;
            if (!https && !loopbackHttp)
            {
                throw new WebServiceException(WebServiceFailure.InsecureUri,
                    "The web service address '" + baseUri + "' must use HTTPS (plain HTTP is allowed only for a loopback host).");
            }
        }

        /// <summary>The latest version of the instance's data: ten digits, YYYYMMDDNN.</summary>
        public string GetLatestVersion(string instance, CancellationToken cancel)
        {
            string body = Get("version/" + instance, cancel);
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
        public string GetEndpoints(string instance, CancellationToken cancel) => Get("endpoints/" + instance, cancel);

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

        private string Get(string path, CancellationToken cancel)
        {
            var uri = new Uri(_baseUri, path + "?ClientRequestId=" + _clientRequestId.ToString("D", CultureInfo.InvariantCulture));
            HttpResponseMessage response;
            try
            {
                response = _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
            {
                throw new WebServiceException(WebServiceFailure.Timeout, "The web service at " + uri.GetLeftPart(UriPartial.Path) +
                    " did not answer within " + _client.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds.", e);
            }
            catch (HttpRequestException e)
            {
                throw new WebServiceException(WebServiceFailure.Unreachable, "The web service at " + uri.GetLeftPart(UriPartial.Path) +
                    " cannot be reached: " + Innermost(e).Message, e);
            }
            using (response)
            {
                RequireSuccess(response, uri);
                return ReadBody(response, uri, cancel);
            }
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
                    "The web service answered {0} with HTTP {1} ({2}). Nothing was changed.", uri.GetLeftPart(UriPartial.Path), (int)response.StatusCode, response.ReasonPhrase));
            }
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer,
                    "The web service answered " + uri.GetLeftPart(UriPartial.Path) + " with an HTML page, not JSON (a proxy or captive portal?). Nothing was changed.");
            }
            long? length = response.Content.Headers.ContentLength;
            if (length > MaxAnswerBytes)
            {
                throw new WebServiceException(WebServiceFailure.AnswerTooLarge, string.Format(CultureInfo.InvariantCulture,
                    "The answer from {0} is {1} bytes, more than the {2} accepted. Nothing was changed.", uri.GetLeftPart(UriPartial.Path), length, MaxAnswerBytes));
            }
        }

        private static string ReadBody(HttpResponseMessage response, Uri uri, CancellationToken cancel)
        {
            var buffer = new MemoryStream();
            try
            {
                using (Stream body = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult())
                {
                    var chunk = new byte[81920];
                    int read;
                    while ((read = body.ReadAsync(chunk, 0, chunk.Length, cancel).GetAwaiter().GetResult()) > 0)
                    {
                        if (buffer.Length + read > MaxAnswerBytes)
                        {
                            throw new WebServiceException(WebServiceFailure.AnswerTooLarge, string.Format(CultureInfo.InvariantCulture,
                                "The answer from {0} is more than the {1} bytes accepted. Nothing was changed.", uri.GetLeftPart(UriPartial.Path), MaxAnswerBytes));
                        }
                        buffer.Write(chunk, 0, read);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                throw new WebServiceException(WebServiceFailure.IncompleteAnswer,
                    "The answer from " + uri.GetLeftPart(UriPartial.Path) + " broke off after " + buffer.Length.ToString(CultureInfo.InvariantCulture) +
                    " bytes (" + Innermost(e).Message + "). Nothing was changed.", e);
            }
            long? expected = response.Content.Headers.ContentLength;
            if (expected.HasValue && expected.Value != buffer.Length)
            {
                throw new WebServiceException(WebServiceFailure.IncompleteAnswer, string.Format(CultureInfo.InvariantCulture,
                    "The answer from {0} has {1} of the {2} bytes announced. Nothing was changed.", uri.GetLeftPart(UriPartial.Path), buffer.Length, expected.Value));
            }
            string text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
            if (text.TrimStart().StartsWith("<", StringComparison.Ordinal))
            {
                throw new WebServiceException(WebServiceFailure.UnexpectedAnswer,
                    "The web service answered " + uri.GetLeftPart(UriPartial.Path) + " with markup, not JSON: " + Shorten(text) + ". Nothing was changed.");
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
