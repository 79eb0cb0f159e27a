using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>
    /// The plain HTTP/1.1 server of `demo --ota`: one file on 127.0.0.1, 200 or 206 for
    /// <c>Range: bytes=k-</c> (416 past the end), always Content-Length and Connection: close.
    /// One connection at a time, as the module's single socket makes them. (The test suite's server
    /// adds the faults; this one only has to be right.)
    /// </summary>
    public sealed class DemoHttpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Thread _thread;
        private readonly byte[] _file;
        private volatile bool _stopping;

        /// <summary>Serves <paramref name="file"/> at <paramref name="path"/> on a free loopback port.</summary>
        public DemoHttpServer(byte[] file, string path)
        {
            _file = file;
            Path = path;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _thread = new Thread(Serve) { IsBackground = true, Name = "demo-http" };
            _thread.Start();
        }

        /// <summary>The path served (others get 404).</summary>
        public string Path { get; }

        /// <summary>The port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Requests answered.</summary>
        public int Requests { get; private set; }

        /// <summary>Stops listening.</summary>
        public void Dispose()
        {
            _stopping = true;
            _listener.Stop();
            _thread.Join(2000);
        }

        private void Serve()
        {
            while (!_stopping)
            {
                try
                {
                    using TcpClient client = _listener.AcceptTcpClient();
                    Answer(client.GetStream());
                }
                catch (SocketException)
                {
                    // Stopped, or the module's side went away mid-answer.
                }
                catch (System.IO.IOException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        private void Answer(NetworkStream stream)
        {
            string head = ReadHead(stream);
            if (head == null)
            {
                return;
            }

            Requests++;
            string[] lines = head.Split("\r\n");
            string[] request = lines[0].Split(' ');
            long from = -1;
            foreach (string line in lines)
            {
                if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase) && line.EndsWith('-'))
                {
                    from = long.Parse(line.Substring(13, line.Length - 14), CultureInfo.InvariantCulture);
                }
            }

            if (request.Length < 2 || request[0] != "GET" || request[1] != Path)
            {
                Send(stream, "404 Not Found", string.Empty, 0, 0);
            }
            else if (from >= _file.Length)
            {
                Send(stream, "416 Range Not Satisfiable", "Content-Range: bytes */" + _file.Length + "\r\n", 0, 0);
            }
            else if (from > 0)
            {
                Send(stream, "206 Partial Content", "Content-Range: bytes " + from + "-" + (_file.Length - 1) + "/" + _file.Length + "\r\n", (int)from, _file.Length - (int)from);
            }
            else
            {
                Send(stream, "200 OK", string.Empty, 0, _file.Length);
            }
        }

        private void Send(NetworkStream stream, string status, string headers, int from, int count)
        {
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + "\r\nServer: mcuupdater-demo\r\n" + headers + "Content-Length: " + count + "\r\nConnection: close\r\n\r\n");
            stream.Write(head, 0, head.Length);
            stream.Write(_file, from, count);
            stream.Flush();
        }

        private static string ReadHead(NetworkStream stream)
        {
            byte[] buffer = new byte[4096];
            int n = 0;
            while (n < buffer.Length)
            {
                int got = stream.Read(buffer, n, buffer.Length - n);
                if (got <= 0)
                {
                    return null;
                }

                n += got;
                string text = Encoding.ASCII.GetString(buffer, 0, n);
                int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    return text.Substring(0, end);
                }
            }

            return null;
        }
    }
}
