#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace EopTools.TestServer
{
    /// <summary>
    /// A forward proxy on 127.0.0.1 and a free port, as a server's Internet proxy: plain-HTTP requests in absolute form
    /// are forwarded, CONNECT opens a tunnel. It goes only to loopback targets (anything else is answered 403 and never
    /// contacted), and, given a user name, demands Basic credentials with 407 as an authenticating proxy does.
    /// </summary>
    public sealed class LoopbackProxy : IDisposable
    {
        private const int MaxHeadBytes = 16 * 1024;

        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string? _expectedAuthorization;
        private readonly List<string> _requests = new List<string>();

        public LoopbackProxy(string? userName = null, string? password = null)
        {
            if (userName != null)
            {
                _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            }
            _listener.Start();
            Uri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            Task.Run(Serve);
        }

        public Uri Uri { get; }

        /// <summary>Each request as "METHOD target answer": answer is 407, 403, 502, tunnel, or forwarded (the query left off).</summary>
        public string[] Requests
        {
            get
            {
                lock (_requests) return _requests.ToArray();
            }
        }

        public void Dispose() => _listener.Stop();

        private async Task Serve()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => Answer(client));
            }
        }

        private async Task Answer(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    string[]? head = await ReadHead(stream).ConfigureAwait(false);
                    if (head == null) return;
                    string[] requestLine = head[0].Split(' ');
                    if (requestLine.Length != 3)
                    {
                        await Reply(stream, "400 Bad Request").ConfigureAwait(false);
                        return;
                    }
                    string method = requestLine[0], target = requestLine[1];
                    bool connect = method == "CONNECT";
                    Uri? targetUri = connect ? new Uri("http://" + target + "/") : new Uri(target);
                    string logged = method + " " + (connect ? target : targetUri.GetLeftPart(UriPartial.Path));
                    if (_expectedAuthorization != null && Header(head, "Proxy-Authorization") != _expectedAuthorization)
                    {
                        Log(logged + " 407");
                        await Reply(stream, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"loopback proxy\"").ConfigureAwait(false);
                        return;
                    }
                    IPAddress? address = LoopbackAddress(targetUri.Host);
                    if (address == null)
                    {
                        Log(logged + " 403");
                        await Reply(stream, "403 Forbidden").ConfigureAwait(false);
                        return;
                    }
                    using (var origin = new TcpClient(address.AddressFamily))
                    {
                        try
                        {
                            await origin.ConnectAsync(address, targetUri.Port).ConfigureAwait(false);
                        }
                        catch (SocketException)
                        {
                            Log(logged + " 502");
                            await Reply(stream, "502 Bad Gateway").ConfigureAwait(false);
                            return;
                        }
                        NetworkStream originStream = origin.GetStream();
                        if (connect)
                        {
                            Log(logged + " tunnel");
                            await Send(stream, "HTTP/1.1 200 Connection established\r\n\r\n").ConfigureAwait(false);
                            await Task.WhenAny(stream.CopyToAsync(originStream), originStream.CopyToAsync(stream)).ConfigureAwait(false);
                            return;
                        }
                        Log(logged + " forwarded");
                        await Send(originStream, OriginRequest(head, requestLine, targetUri)).ConfigureAwait(false);
                        await originStream.CopyToAsync(stream).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is UriFormatException)
                {
                    // The client went away, or sent what no proxy would take; there is no one to answer.
                }
            }
        }

        /// <summary>The address a loopback host name stands for, without asking DNS; null for any other host.</summary>
        private static IPAddress? LoopbackAddress(string host)
        {
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
            return IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address) ? address : null;
        }

        /// <summary>The request in origin form, one request per connection.</summary>
        private static string OriginRequest(string[] head, string[] requestLine, Uri target)
        {
            var request = new StringBuilder(requestLine[0] + " " + target.PathAndQuery + " " + requestLine[2] + "\r\n");
            for (int i = 1; i < head.Length; i++)
            {
                string name = head[i].Split(':')[0].Trim();
                if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Connection", StringComparison.OrdinalIgnoreCase)) continue;
                request.Append(head[i]).Append("\r\n");
            }
            return request.Append("Connection: close\r\n\r\n").ToString();
        }

        private static string? Header(string[] head, string name)
        {
            for (int i = 1; i < head.Length; i++)
            {
                int colon = head[i].IndexOf(':');
                if (colon > 0 && string.Equals(head[i].Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase)) return head[i].Substring(colon + 1).Trim();
            }
            return null;
        }

        /// <summary>The request line and headers, up to the empty line; null when the client closes first or sends too much.</summary>
        private static async Task<string[]?> ReadHead(Stream stream)
        {
            var head = new MemoryStream();
            var one = new byte[1];
            while (head.Length < MaxHeadBytes)
            {
                if (await stream.ReadAsync(one, 0, 1).ConfigureAwait(false) == 0) return null;
                head.WriteByte(one[0]);
                byte[] bytes = head.GetBuffer();
                long n = head.Length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
                {
                    string text = Encoding.ASCII.GetString(bytes, 0, (int)n - 4);
                    return text.Split(new[] { "\r\n" }, StringSplitOptions.None);
                }
            }
            return null;
        }

        private static Task Reply(Stream stream, string status, string? header = null) =>
            Send(stream, "HTTP/1.1 " + status + "\r\n" + (header == null ? "" : header + "\r\n") + "Content-Length: 0\r\nConnection: close\r\nProxy-Connection: close\r\n\r\n");

        private static async Task Send(Stream stream, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private void Log(string request)
        {
            lock (_requests) _requests.Add(request);
        }
    }
}
