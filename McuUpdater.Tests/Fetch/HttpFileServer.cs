using System;
using System.Collections;
using System.Text;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>
    /// An HTTP/1.1 file server as a function of the request bytes, with the server faults of
    /// at-tcpip.md: the other end of the fetcher in memory (<see cref="FakeHttpNetwork"/>) and behind
    /// the simulated module's sockets (as a MemoryNetwork responder, <see cref="Respond"/>).
    /// </summary>
    public sealed class HttpFileServer
    {
        /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>.</summary>
        public HttpFileServer(byte[] body, string path)
        {
            Body = body;
            Path = path;
            Requests = new ArrayList();
            CloseAfterBodyBytes = -1;
            FaultyRequests = -1;
        }

        /// <summary>The file served.</summary>
        public byte[] Body;

        /// <summary>Its path; others get 404.</summary>
        public string Path;

        /// <summary>Answer 200 with the whole file to a Range request.</summary>
        public bool IgnoreRange;

        /// <summary>Answer a Range request with 206 from this many bytes further.</summary>
        public int RangeShift;

        /// <summary>Answer every request with this status (0 = serve).</summary>
        public int ForceStatus;

        /// <summary>Send this many body bytes fewer than Content-Length, then close.</summary>
        public int ShortBodyBy;

        /// <summary>Close after this many body bytes (-1 = never).</summary>
        public int CloseAfterBodyBytes;

        /// <summary>Requests (from the first) that get the body faults; -1 = all.</summary>
        public int FaultyRequests;

        /// <summary>Answer with chunked encoding and no Content-Length.</summary>
        public bool Chunked;

        /// <summary>The request texts received.</summary>
        public ArrayList Requests;

        /// <summary>Where the body starts in the last answer.</summary>
        public int BodyStart;

        /// <summary>The Range start of request <paramref name="index"/>, or -1 when it had none.</summary>
        public long RangeOf(int index)
        {
            string r = (string)Requests[index];
            int at = r.IndexOf("Range: bytes=");
            if (at < 0)
            {
                return -1;
            }

            int start = at + 13;
            int dash = r.IndexOf('-', start);
            return long.Parse(r.Substring(start, dash - start));
        }

        /// <summary>The whole answer (head and body, as the faults shape it) to a request; the connection closes after it.</summary>
        public byte[] Respond(byte[] request, int length)
        {
            string text = Encoding.UTF8.GetString(request, 0, length);
            Requests.Add(text);
            int index = Requests.Count - 1;
            bool faulty = FaultyRequests < 0 || index < FaultyRequests;
            string firstLine = text.Substring(0, text.IndexOf('\r'));
            string path = firstLine.Substring(4, firstLine.LastIndexOf(' ') - 4);
            long range = RangeOf(index);
            if (ForceStatus != 0)
            {
                return Answer(ForceStatus.ToString() + " Forced", null, 0, 0, -1, false);
            }

            if (path != Path)
            {
                return Answer("404 Not Found", null, 0, 0, -1, false);
            }

            int from = 0;
            bool partial = false;
            if (range >= 0 && !IgnoreRange)
            {
                if (range >= Body.Length)
                {
                    return Answer("416 Range Not Satisfiable", "Content-Range: bytes */" + Body.Length.ToString() + "\r\n", 0, 0, -1, false);
                }

                from = (int)range + RangeShift;
                if (from > Body.Length - 1)
                {
                    from = Body.Length - 1;
                }

                partial = true;
            }

            int bodyLength = Body.Length - from;
            string extra = partial ? "Content-Range: bytes " + from.ToString() + "-" + (Body.Length - 1).ToString() + "/" + Body.Length.ToString() + "\r\n" : null;
            int send = bodyLength;
            if (faulty && ShortBodyBy > 0)
            {
                send = bodyLength - ShortBodyBy;
            }

            if (faulty && CloseAfterBodyBytes >= 0 && CloseAfterBodyBytes < send)
            {
                send = CloseAfterBodyBytes;
            }

            return Answer(partial ? "206 Partial Content" : "200 OK", extra, from, send, bodyLength, Chunked);
        }

        private byte[] Answer(string status, string extraHeaders, int from, int send, int contentLength, bool chunked)
        {
            string head = "HTTP/1.1 " + status + "\r\nServer: fake\r\nConnection: close\r\n";
            if (extraHeaders != null)
            {
                head = head + extraHeaders;
            }

            if (chunked)
            {
                head = head + "Transfer-Encoding: chunked\r\n";
            }
            else
            {
                head = head + "Content-Length: " + (contentLength >= 0 ? contentLength : 0).ToString() + "\r\n";
            }

            byte[] h = Encoding.UTF8.GetBytes(head + "\r\n");
            byte[] answer = new byte[h.Length + send];
            Array.Copy(h, answer, h.Length);
            if (send > 0)
            {
                Array.Copy(Body, from, answer, h.Length, send);
            }

            BodyStart = h.Length;
            return answer;
        }
    }
}
