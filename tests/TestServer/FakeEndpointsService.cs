#nullable enable
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EopTools.TestServer
{
    /// <summary>
    /// A real HTTP server on 127.0.0.1 and a free port, standing in for the Microsoft 365 endpoints web service: it
    /// answers /version/{instance} and /endpoints/{instance} from a real sample, or with the fault it is set to.
    /// </summary>
    public sealed class FakeEndpointsService : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private int _versionRequests;
        private int _endpointsRequests;

        public FakeEndpointsService(string endpointsFile)
        {
            EndpointsBody = File.ReadAllText(endpointsFile);
            int port = FreePort();
            BaseUri = new Uri("http://127.0.0.1:" + port + "/");
            _listener.Prefixes.Add(BaseUri.AbsoluteUri);
            _listener.Start();
            Task.Run(Serve);
        }

        public Uri BaseUri { get; }

        /// <summary>What /version answers as "latest".</summary>
        public string Version { get; set; } = "2022083100";

        /// <summary>The /endpoints answer served in Normal mode.</summary>
        public string EndpointsBody { get; set; }

        /// <summary>
        /// Normal, RateLimited, ServerError, Truncated, Html, TooLarge, Slow, NoEop, Utf16 (the answer in UTF-16), or a redirect: RedirectLoopback (to
        /// /moved/endpoints/... on this server, which answers normally), RedirectOffLoopback (to plain HTTP on 192.0.2.1,
        /// a documentation address that must never be contacted) or RedirectLoop (to itself); applies to /endpoints.
        /// </summary>
        public string Fault { get; set; } = "Normal";

        public int VersionRequests => _versionRequests;

        public int EndpointsRequests => _endpointsRequests;

        public string? LastClientRequestId { get; private set; }

        /// <summary>A loopback port with nothing listening on it, for "connection refused".</summary>
        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            HttpListenerResponse response = context.Response;
            try
            {
                LastClientRequestId = context.Request.QueryString["ClientRequestId"];
                string path = context.Request.Url!.AbsolutePath;
                if (path.StartsWith("/version/", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _versionRequests);
                    string instance = path.Substring("/version/".Length);
                    Send(response, 200, "application/json", "{\"instance\":\"" + instance + "\",\"latest\":\"" + Version + "\"}");
                    return;
                }
                if (path.StartsWith("/moved/endpoints/", StringComparison.OrdinalIgnoreCase))
                {
                    Send(response, 200, "application/json", EndpointsBody);
                    return;
                }
                if (!path.StartsWith("/endpoints/", StringComparison.OrdinalIgnoreCase))
                {
                    Send(response, 404, "text/plain", "not found");
                    return;
                }
                Interlocked.Increment(ref _endpointsRequests);
                switch (Fault)
                {
                    case "RedirectLoopback":
                        Redirect(response, "/moved" + context.Request.Url!.PathAndQuery);
                        return;
                    case "RedirectOffLoopback":
                        Redirect(response, "http://192.0.2.1" + context.Request.Url!.PathAndQuery);
                        return;
                    case "RedirectLoop":
                        Redirect(response, context.Request.Url!.PathAndQuery);
                        return;
                    case "RateLimited":
                        response.AddHeader("Retry-After", "3600");
                        Send(response, 429, "application/json", "{\"error\":\"too many requests\"}");
                        return;
                    case "ServerError":
                        Send(response, 503, "text/plain", "service unavailable");
                        return;
                    case "Html":
                        Send(response, 200, "text/html", "<html><body>Sign in to continue</body></html>");
                        return;
                    case "NoEop":
                        Send(response, 200, "application/json", "[{\"id\":1,\"serviceArea\":\"Exchange\",\"ips\":[\"192.0.2.0/24\"],\"tcpPorts\":\"443\"}]");
                        return;
                    case "Utf16":
                        // A server (or a proxy) that re-encodes the answer: UTF-16 with its byte order mark.
                        Send(response, 200, "application/json", EndpointsBody, Encoding.Unicode);
                        return;
                    case "TooLarge":
                        Send(response, 200, "application/json", "[" + new string(' ', 17 * 1024 * 1024) + "]");
                        return;
                    case "Slow":
                        Thread.Sleep(4000);
                        Send(response, 200, "application/json", EndpointsBody);
                        return;
                    case "Truncated":
                        byte[] body = Encoding.UTF8.GetBytes(EndpointsBody);
                        response.StatusCode = 200;
                        response.ContentType = "application/json";
                        response.ContentLength64 = body.Length;
                        response.OutputStream.Write(body, 0, body.Length / 2);
                        response.OutputStream.Flush();
                        response.Abort();
                        return;
                    default:
                        Send(response, 200, "application/json", EndpointsBody);
                        return;
                }
            }
            catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException)
            {
                // The client went away (it timed out); nothing to answer.
            }
        }

        private static void Redirect(HttpListenerResponse response, string location)
        {
            response.AddHeader("Location", location);
            Send(response, 302, "text/plain", "moved");
        }

        private static byte[] Concat(byte[] first, byte[] second)
        {
            var all = new byte[first.Length + second.Length];
            Buffer.BlockCopy(first, 0, all, 0, first.Length);
            Buffer.BlockCopy(second, 0, all, first.Length, second.Length);
            return all;
        }

        private static void Send(HttpListenerResponse response, int status, string contentType, string text, Encoding? encoding = null)
        {
            byte[] body = encoding == null ? Encoding.UTF8.GetBytes(text) : Concat(encoding.GetPreamble(), encoding.GetBytes(text));
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body, 0, body.Length);
            response.Close();
        }
    }
}
