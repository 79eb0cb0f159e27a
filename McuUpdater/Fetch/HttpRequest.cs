using System;
using System.Text;

namespace McuUpdater.Fetch
{
    /// <summary>Builds the one HTTP/1.1 GET the fetcher sends (at-tcpip.md "HTTP over the socket": Host, Connection: close, Range when resuming).</summary>
    /// <remarks>The request must fit one send (<see cref="MaxBytes"/>), so a longer URL is refused with a clear error rather than split.</remarks>
    public static class HttpRequest
    {
        /// <summary>Largest request: one <c>AT+QISEND</c> carries at most 1460 bytes (at-tcpip.md Decision).</summary>
        public const int MaxBytes = 1460;

        /// <summary>
        /// Checks host and path once (before any socket is opened); throws <see cref="ArgumentException"/>
        /// naming what is wrong.
        /// </summary>
        public static void Check(string host, int port, string path)
        {
            if (host == null || host.Length == 0 || !Printable(host) || host.IndexOf(' ') >= 0)
            {
                throw new ArgumentException("the host \"" + host + "\" is empty or holds spaces or control characters");
            }

            if (port < 1 || port > 65535)
            {
                throw new ArgumentException("the port " + port.ToString() + " is not 1 to 65535");
            }

            if (path == null || path.Length == 0 || path[0] != '/' || !Printable(path) || path.IndexOf(' ') >= 0)
            {
                throw new ArgumentException("the path \"" + path + "\" must start with '/' and hold no spaces or control characters");
            }

            // The longest request this URL makes: a Range for a 10-digit offset.
            int longest = Encoding.UTF8.GetBytes(Text(host, port, path, 9999999999)).Length;
            if (longest > MaxBytes)
            {
                throw new ArgumentException("the request for http://" + host + path + " takes " + longest.ToString() + " bytes, more than one send of " + MaxBytes.ToString() + ": use a shorter URL");
            }
        }

        /// <summary>Writes the request into <paramref name="buffer"/> (at least <see cref="MaxBytes"/> long); <paramref name="from"/> &gt; 0 adds <c>Range: bytes=from-</c>. Returns its length.</summary>
        public static int Write(string host, int port, string path, long from, byte[] buffer)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Text(host, port, path, from));
            if (bytes.Length > MaxBytes || bytes.Length > buffer.Length)
            {
                throw new ArgumentException("the request for " + path + " is longer than " + MaxBytes.ToString() + " bytes");
            }

            Array.Copy(bytes, buffer, bytes.Length);
            return bytes.Length;
        }

        private static string Text(string host, int port, string path, long from)
        {
            string hostHeader = port == 80 ? host : host + ":" + port.ToString();
            string text = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: McuUpdater\r\nAccept-Encoding: identity\r\nConnection: close\r\n";
            if (from > 0)
            {
                text = text + "Range: bytes=" + from.ToString() + "-\r\n";
            }

            return text + "\r\n";
        }

        private static bool Printable(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < ' ' || s[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
