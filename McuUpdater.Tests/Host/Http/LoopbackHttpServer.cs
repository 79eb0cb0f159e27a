using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace McuUpdater.Tests.Host.Http
{
    /// <summary>A tiny HTTP/1.1 server on 127.0.0.1 that serves one file, with the server-side faults of at-tcpip.md as options.</summary>
    /// <remarks>
    /// Host-only test helper (the fetch tests and <c>demo --ota</c> download from it). It answers
    /// <c>GET</c> on <see cref="Path"/> with 200 or, for <c>Range: bytes=k-</c>, 206 with
    /// <c>Content-Range</c>, always with <c>Content-Length</c> and <c>Connection: close</c>, then
    /// closes. Every connection runs on its own thread; <see cref="Dispose"/> stops them all.
    /// Faults: <see cref="IgnoreRange"/> (200 to a Range request), <see cref="RangeShift"/> (206 from
    /// another offset), <see cref="ForceStatus"/> (404, 500, …), 416 for a range at or past the end,
    /// <see cref="ShortBodyBy"/> (a body shorter than Content-Length), <see cref="CloseAfterBodyBytes"/>
    /// (the peer closes early), <see cref="Chunked"/> (chunked encoding, which the fetcher refuses),
    /// and <see cref="DelayPerChunkMs"/> (a slow server).
    /// </remarks>
    public sealed class LoopbackHttpServer : IDisposable
    {
        private const int ChunkSize = 4096;
        private const int MaxHead = 8192;

        private readonly TcpListener _listener;
        private readonly Thread _acceptThread;
        private readonly object _sync = new object();
        private readonly List<Thread> _threads = new List<Thread>();
        private readonly List<TcpClient> _clients = new List<TcpClient>();
        private readonly List<string> _requests = new List<string>();
        private volatile bool _stopping;

        /// <summary>Starts serving <paramref name="body"/> at <paramref name="path"/> on a free loopback port.</summary>
        public LoopbackHttpServer(byte[] body, string path = "/fw.pac")
        {
            Body = body ?? throw new ArgumentNullException(nameof(body));
            Path = path;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "loopback-http" };
            _acceptThread.Start();
        }

        /// <summary>The file served.</summary>
        public byte[] Body { get; set; }

        /// <summary>The path served; any other path is answered 404.</summary>
        public string Path { get; }

        /// <summary>The port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>http://127.0.0.1:port/path.</summary>
        public string Url => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + Path;

        /// <summary>Answer 200 with the whole file even to a Range request.</summary>
        public bool IgnoreRange { get; set; }

        /// <summary>Answer a Range request with 206 starting this many bytes away from the asked offset (clamped to the file).</summary>
        public int RangeShift { get; set; }

        /// <summary>Answer every request with this status and a short text body (0 = serve the file).</summary>
        public int ForceStatus { get; set; }

        /// <summary>Send this many body bytes fewer than Content-Length says, then close.</summary>
        public int ShortBodyBy { get; set; }

        /// <summary>Close after this many body bytes of each answer (-1 = never early); applies to every request unless <see cref="FaultyRequests"/> limits it.</summary>
        public int CloseAfterBodyBytes { get; set; } = -1;

        /// <summary>How many requests (counted from the first) get the body faults (<see cref="ShortBodyBy"/>, <see cref="CloseAfterBodyBytes"/>); -1 = all.</summary>
        public int FaultyRequests { get; set; } = -1;

        /// <summary>Send the body with <c>Transfer-Encoding: chunked</c> and no Content-Length.</summary>
        public bool Chunked { get; set; }

        /// <summary>Real-time pause before each 4 KB of body (a slow server).</summary>
        public int DelayPerChunkMs { get; set; }

        /// <summary>Requests answered so far.</summary>
        public int RequestCount
        {
            get
            {
                lock (_sync)
                {
                    return _requests.Count;
                }
            }
        }

        /// <summary>The request heads received, oldest first (request line and headers, CR LF separated).</summary>
        public string[] Requests
        {
            get
            {
                lock (_sync)
                {
                    return _requests.ToArray();
                }
            }
        }

        /// <summary>The Range header value of request <paramref name="index"/>, or null when it had none.</summary>
        public string RangeOf(int index)
        {
            return HeaderValue(Requests[index], "Range");
        }

        /// <summary>Stops accepting, closes every connection and joins the threads.</summary>
        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
            Thread[] threads;
            lock (_sync)
            {
                foreach (TcpClient c in _clients)
                {
                    c.Dispose();
                }

                threads = _threads.ToArray();
            }

            _acceptThread.Join(2000);
            foreach (Thread t in threads)
            {
                t.Join(2000);
            }
        }

        private void AcceptLoop()
        {
            while (!_stopping)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                Thread t = new Thread(() => Serve(client)) { IsBackground = true, Name = "loopback-http-conn" };
                lock (_sync)
                {
                    _clients.Add(client);
                    _threads.Add(t);
                }

                t.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            try
            {
                client.NoDelay = true;
                NetworkStream stream = client.GetStream();
                string head = ReadHead(stream);
                if (head == null)
                {
                    return;
                }

                int index;
                lock (_sync)
                {
                    index = _requests.Count;
                    _requests.Add(head);
                }

                Answer(stream, head, FaultyRequests < 0 || index < FaultyRequests);
            }
            catch (Exception)
            {
                // The client went away (a cut the test made on purpose) or the server is being
                // disposed under this thread (a disposed TcpClient throws NullReferenceException):
                // nothing to answer, and a helper thread must never take the test process down.
            }
            finally
            {
                client.Dispose();
            }
        }

        private void Answer(NetworkStream stream, string head, bool faulty)
        {
            string requestLine = head.Split("\r\n")[0];
            string[] parts = requestLine.Split(' ');
            byte[] body = Body;
            if (ForceStatus != 0)
            {
                WriteSimple(stream, ForceStatus);
                return;
            }

            if (parts.Length < 3 || parts[0] != "GET" || parts[1] != Path)
            {
                WriteSimple(stream, 404);
                return;
            }

            long start = 0;
            string range = HeaderValue(head, "Range");
            bool partial = false;
            if (range != null && !IgnoreRange && TryParseRangeStart(range, out start))
            {
                if (start >= body.Length)
                {
                    string text = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + body.Length.ToString(CultureInfo.InvariantCulture)
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    WriteText(stream, text);
                    return;
                }

                start += RangeShift;
                if (start < 0)
                {
                    start = 0;
                }

                if (start > body.Length - 1)
                {
                    start = body.Length - 1;
                }

                partial = true;
            }
            else
            {
                start = 0;
            }

            long length = body.Length - start;
            StringBuilder sb = new StringBuilder();
            sb.Append(partial ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n");
            sb.Append("Content-Type: application/octet-stream\r\n");
            if (partial)
            {
                sb.Append("Content-Range: bytes ").Append(start).Append('-').Append(body.Length - 1).Append('/').Append(body.Length).Append("\r\n");
            }

            if (Chunked)
            {
                sb.Append("Transfer-Encoding: chunked\r\n");
            }
            else
            {
                sb.Append("Content-Length: ").Append(length).Append("\r\n");
            }

            sb.Append("Connection: close\r\n\r\n");
            WriteText(stream, sb.ToString());

            long toSend = length;
            if (faulty && ShortBodyBy > 0)
            {
                toSend = Math.Max(0, length - ShortBodyBy);
            }

            if (faulty && CloseAfterBodyBytes >= 0 && CloseAfterBodyBytes < toSend)
            {
                toSend = CloseAfterBodyBytes;
            }

            long sent = 0;
            while (sent < toSend && !_stopping)
            {
                if (DelayPerChunkMs > 0)
                {
                    Thread.Sleep(DelayPerChunkMs);
                }

                int n = (int)Math.Min(ChunkSize, toSend - sent);
                if (Chunked)
                {
                    WriteText(stream, n.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                }

                stream.Write(body, (int)(start + sent), n);
                if (Chunked)
                {
                    WriteText(stream, "\r\n");
                }

                sent += n;
            }

            if (Chunked && sent == length)
            {
                WriteText(stream, "0\r\n\r\n");
            }

            stream.Flush();
        }

        private static void WriteSimple(NetworkStream stream, int status)
        {
            string reason = status switch
            {
                404 => "Not Found",
                416 => "Range Not Satisfiable",
                500 => "Internal Server Error",
                503 => "Service Unavailable",
                _ => "Error",
            };
            string body = status.ToString(CultureInfo.InvariantCulture) + " " + reason + "\n";
            WriteText(stream, "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n" + body);
        }

        private static void WriteText(NetworkStream stream, string text)
        {
            byte[] b = Encoding.ASCII.GetBytes(text);
            stream.Write(b, 0, b.Length);
        }

        // The request head up to the blank line, or null when the client closed first.
        private static string ReadHead(NetworkStream stream)
        {
            byte[] buffer = new byte[MaxHead];
            int n = 0;
            while (n < buffer.Length)
            {
                int r = stream.Read(buffer, n, buffer.Length - n);
                if (r <= 0)
                {
                    return null;
                }

                n += r;
                string text = Encoding.ASCII.GetString(buffer, 0, n);
                int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    return text.Substring(0, end);
                }
            }

            return null;
        }

        private static string HeaderValue(string head, string name)
        {
            foreach (string line in head.Split("\r\n"))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(colon + 1).Trim();
                }
            }

            return null;
        }

        private static bool TryParseRangeStart(string range, out long start)
        {
            start = 0;
            const string Prefix = "bytes=";
            if (!range.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            string spec = range.Substring(Prefix.Length);
            int dash = spec.IndexOf('-');
            return dash > 0 && long.TryParse(spec.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out start);
        }
    }
}
