using System.Text;

namespace McuUpdater.Fetch
{
    /// <summary>The status line and the headers of an HTTP/1.1 response that the fetcher needs, read incrementally into one bounded buffer.</summary>
    /// <remarks>
    /// <see cref="Feed"/> takes bytes as the socket delivers them and stops at the blank line, so the
    /// caller keeps whatever follows as the first body bytes. A head longer than the buffer, a NUL in
    /// it, or a status line that is not HTTP is a malformed response, never a crash.
    /// </remarks>
    public sealed class HttpHead
    {
        /// <summary>Largest head accepted (status line and headers; servers send a few hundred bytes).</summary>
        public const int MaxHeadBytes = 2048;

        private readonly byte[] _buffer = new byte[MaxHeadBytes];
        private int _length;

        /// <summary>An empty head, ready for <see cref="Feed"/>.</summary>
        public HttpHead()
        {
            Reset();
        }

        /// <summary>True once the blank line after the headers has arrived and the head was parsed.</summary>
        public bool Complete { get; private set; }

        /// <summary>Why the head cannot be used (too long, not HTTP, bad number), or null.</summary>
        public string Problem { get; private set; }

        /// <summary>The status code (200, 206, 404...), or 0 before the head is complete.</summary>
        public int Status { get; private set; }

        /// <summary>The status line as sent (e.g. <c>HTTP/1.1 404 Not Found</c>), for messages.</summary>
        public string StatusLine { get; private set; }

        /// <summary>Content-Length, or -1 when absent.</summary>
        public long ContentLength { get; private set; }

        /// <summary>First byte of Content-Range (<c>bytes first-last/total</c>), or -1 when absent or unsatisfied (<c>*</c>).</summary>
        public long RangeFirst { get; private set; }

        /// <summary>Last byte of Content-Range, or -1.</summary>
        public long RangeLast { get; private set; }

        /// <summary>Total length of Content-Range (also given by a 416's <c>bytes */total</c>), or -1 when absent or <c>*</c>.</summary>
        public long RangeTotal { get; private set; }

        /// <summary>True when the body is chunked (refused: the fetcher needs the length up front).</summary>
        public bool Chunked { get; private set; }

        /// <summary>Forgets everything for the next response.</summary>
        public void Reset()
        {
            _length = 0;
            Complete = false;
            Problem = null;
            Status = 0;
            StatusLine = null;
            ContentLength = -1;
            RangeFirst = -1;
            RangeLast = -1;
            RangeTotal = -1;
            Chunked = false;
        }

        /// <summary>
        /// Takes bytes of the response; returns how many belong to the head (the rest is body).
        /// After it returns, check <see cref="Complete"/> and <see cref="Problem"/>.
        /// </summary>
        public int Feed(byte[] buffer, int offset, int count)
        {
            if (Complete || Problem != null)
            {
                return 0;
            }

            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (b == 0)
                {
                    Problem = "the response head holds a NUL byte (not HTTP)";
                    return i + 1;
                }

                if (_length == _buffer.Length)
                {
                    Problem = "the response head is longer than " + MaxHeadBytes.ToString() + " bytes";
                    return i + 1;
                }

                _buffer[_length++] = b;
                if (b == (byte)'\n' && EndsWithBlankLine())
                {
                    Parse();
                    return i + 1;
                }
            }

            return count;
        }

        // "\r\n\r\n", or bare "\n\n" from a sloppy server.
        private bool EndsWithBlankLine()
        {
            int n = _length;
            if (n >= 2 && _buffer[n - 2] == (byte)'\n')
            {
                return true;
            }

            return n >= 4 && _buffer[n - 2] == (byte)'\r' && _buffer[n - 3] == (byte)'\n';
        }

        private void Parse()
        {
            string text;
            try
            {
                text = Encoding.UTF8.GetString(_buffer, 0, _length);
            }
            catch (System.Exception)
            {
                // nanoCLR throws on invalid UTF-8 where .NET substitutes: the same problem on both.
                text = null;
            }

            if (text == null || text.IndexOf('\uFFFD') >= 0)
            {
                Problem = "the response head is not text (not HTTP)";
                return;
            }

            string[] lines = text.Split('\n');
            string status = lines[0].Trim();
            StatusLine = status;
            if (!status.StartsWith("HTTP/1.") || status.Length < 12 || status[8] != ' ')
            {
                Problem = "not an HTTP/1.x status line: \"" + status + "\"";
                return;
            }

            int code;
            if (!int.TryParse(status.Substring(9, 3), out code) || code < 100)
            {
                Problem = "no status code in \"" + status + "\"";
                return;
            }

            Status = code;
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                string name = line.Substring(0, colon).Trim().ToLower();
                string value = line.Substring(colon + 1).Trim();
                if (name == "content-length")
                {
                    long n;
                    if (!long.TryParse(value, out n) || n < 0)
                    {
                        Problem = "bad Content-Length \"" + value + "\"";
                        return;
                    }

                    ContentLength = n;
                }
                else if (name == "content-range")
                {
                    if (!ParseRange(value))
                    {
                        Problem = "bad Content-Range \"" + value + "\"";
                        return;
                    }
                }
                else if (name == "transfer-encoding" && value.ToLower().IndexOf("chunked") >= 0)
                {
                    Chunked = true;
                }
            }

            Complete = true;
        }

        // "bytes first-last/total", "bytes first-last/*" or "bytes */total" (RFC 9110 14.4).
        private bool ParseRange(string value)
        {
            string v = value.ToLower();
            if (!v.StartsWith("bytes "))
            {
                return false;
            }

            v = v.Substring(6).Trim();
            int slash = v.IndexOf('/');
            if (slash <= 0)
            {
                return false;
            }

            string range = v.Substring(0, slash);
            string total = v.Substring(slash + 1);
            long n;
            if (total != "*")
            {
                if (!long.TryParse(total, out n) || n < 0)
                {
                    return false;
                }

                RangeTotal = n;
            }

            if (range == "*")
            {
                return true;
            }

            int dash = range.IndexOf('-');
            long first;
            long last;
            if (dash <= 0 || !long.TryParse(range.Substring(0, dash), out first) || !long.TryParse(range.Substring(dash + 1), out last) || last < first)
            {
                return false;
            }

            RangeFirst = first;
            RangeLast = last;
            return true;
        }
    }
}
