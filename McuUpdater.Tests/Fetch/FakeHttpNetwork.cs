using System;
using System.Collections;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>
    /// The module's network, its socket and an HTTP server in one object, in memory: the fetcher's
    /// other end in portable tests, with the server faults of at-tcpip.md and the socket failures
    /// the fetcher must survive.
    /// </summary>
    public sealed class FakeHttpNetwork : IModuleNetwork, IModuleSocket
    {
        private readonly IClock _clock;
        private byte[] _response;
        private int _position;
        private int _limit;

        /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>; reads advance <paramref name="clock"/> by 1 ms.</summary>
        public FakeHttpNetwork(byte[] body, string path, IClock clock)
        {
            Body = body;
            Path = path;
            _clock = clock;
            Requests = new ArrayList();
            ReadChunk = 1500;
            CloseAfterBodyBytes = -1;
            FaultyRequests = -1;
            DropPdpAtBodyByte = -1;
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

        /// <summary>Largest count one read returns (the module's +QIRD may give fewer than asked).</summary>
        public int ReadChunk;

        /// <summary>The network drops the context once, after this many body bytes of a connection (-1 = never).</summary>
        public int DropPdpAtBodyByte;

        /// <summary>Every open fails with this outcome (Ok = opens succeed).</summary>
        public SocketOutcome OpenFailure;

        /// <summary>The request texts received.</summary>
        public ArrayList Requests;

        /// <summary>Bring-ups asked for.</summary>
        public int BringUps;

        /// <summary>Opens asked for.</summary>
        public int Opens;

        /// <summary>Body bytes delivered over all connections.</summary>
        public long BodyBytesSent;

        private int _bodyStart;

        public AtDialect Dialect
        {
            get { return AtDialect.Qi; }
        }

        public IModuleSocket Socket
        {
            get { return this; }
        }

        public string LastReason { get; private set; }

        public SocketState State { get; private set; }

        public SocketOutcome LastOutcome { get; private set; }

        public int MaxSend
        {
            get { return 1460; }
        }

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

        public SocketOutcome BringUp()
        {
            BringUps++;
            return Done(SocketOutcome.Ok, string.Empty);
        }

        public SocketOutcome Activate()
        {
            return Done(SocketOutcome.Ok, string.Empty);
        }

        public SocketOutcome Deactivate()
        {
            State = SocketState.Closed;
            return Done(SocketOutcome.Ok, string.Empty);
        }

        public SocketOutcome Open(string host, int port)
        {
            Opens++;
            _clock.Sleep(50);
            if (OpenFailure != SocketOutcome.Ok)
            {
                return Done(OpenFailure, "+QIOPEN: 0,566");
            }

            State = SocketState.Connected;
            _response = null;
            return Done(SocketOutcome.Ok, string.Empty);
        }

        public SocketOutcome Send(byte[] buffer, int offset, int count)
        {
            if (State != SocketState.Connected)
            {
                return Done(SocketOutcome.Error, "not connected");
            }

            string request = Encoding.UTF8.GetString(buffer, offset, count);
            Requests.Add(request);
            Answer(request);
            return Done(SocketOutcome.Ok, string.Empty);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            _clock.Sleep(1);
            if (State != SocketState.Connected || _response == null)
            {
                _clock.Sleep(timeoutMs);
                Done(SocketOutcome.Timeout, "no data within " + timeoutMs.ToString() + " ms");
                return -1;
            }

            if (DropPdpAtBodyByte >= 0 && _position >= _bodyStart + DropPdpAtBodyByte && _position < _limit)
            {
                DropPdpAtBodyByte = -1;
                State = SocketState.Failed;
                Done(SocketOutcome.PdpDropped, "+QIURC: \"pdpdeact\",1");
                return -1;
            }

            int left = _limit - _position;
            if (left == 0)
            {
                State = SocketState.PeerClosed;
                Done(SocketOutcome.ClosedByPeer, "+QIURC: \"closed\",0");
                return 0;
            }

            int n = count < left ? count : left;
            if (n > ReadChunk)
            {
                n = ReadChunk;
            }

            if (DropPdpAtBodyByte >= 0 && _position < _bodyStart + DropPdpAtBodyByte && _position + n > _bodyStart + DropPdpAtBodyByte)
            {
                n = _bodyStart + DropPdpAtBodyByte - _position;
            }

            Array.Copy(_response, _position, buffer, offset, n);
            int bodyFrom = _position > _bodyStart ? _position : _bodyStart;
            if (_position + n > bodyFrom)
            {
                BodyBytesSent += _position + n - bodyFrom;
            }

            _position += n;
            Done(SocketOutcome.Ok, string.Empty);
            return n;
        }

        public SocketOutcome Close()
        {
            State = SocketState.Closed;
            _response = null;
            return Done(SocketOutcome.Ok, string.Empty);
        }

        private void Answer(string request)
        {
            int index = Requests.Count - 1;
            bool faulty = FaultyRequests < 0 || index < FaultyRequests;
            string firstLine = request.Substring(0, request.IndexOf('\r'));
            string path = firstLine.Substring(4, firstLine.LastIndexOf(' ') - 4);
            long range = RangeOf(index);
            if (ForceStatus != 0)
            {
                Respond(ForceStatus + " Forced", null, 0, 0, -1, false);
                return;
            }

            if (path != Path)
            {
                Respond("404 Not Found", null, 0, 0, -1, false);
                return;
            }

            int from = 0;
            bool partial = false;
            if (range >= 0 && !IgnoreRange)
            {
                if (range >= Body.Length)
                {
                    Respond("416 Range Not Satisfiable", "Content-Range: bytes */" + Body.Length.ToString() + "\r\n", 0, 0, -1, false);
                    return;
                }

                from = (int)range + RangeShift;
                if (from > Body.Length - 1)
                {
                    from = Body.Length - 1;
                }

                partial = true;
            }

            int length = Body.Length - from;
            string extra = partial ? "Content-Range: bytes " + from.ToString() + "-" + (Body.Length - 1).ToString() + "/" + Body.Length.ToString() + "\r\n" : null;
            int send = length;
            if (faulty && ShortBodyBy > 0)
            {
                send = length - ShortBodyBy;
            }

            if (faulty && CloseAfterBodyBytes >= 0 && CloseAfterBodyBytes < send)
            {
                send = CloseAfterBodyBytes;
            }

            Respond(partial ? "206 Partial Content" : "200 OK", extra, from, send, length, Chunked);
        }

        private void Respond(string status, string extraHeaders, int from, int send, int contentLength, bool chunked)
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
            else if (contentLength >= 0)
            {
                head = head + "Content-Length: " + contentLength.ToString() + "\r\n";
            }
            else
            {
                head = head + "Content-Length: 0\r\n";
            }

            byte[] h = Encoding.UTF8.GetBytes(head + "\r\n");
            _response = new byte[h.Length + send];
            Array.Copy(h, _response, h.Length);
            if (send > 0)
            {
                Array.Copy(Body, from, _response, h.Length, send);
            }

            _bodyStart = h.Length;
            _position = 0;
            _limit = _response.Length;
        }

        private SocketOutcome Done(SocketOutcome outcome, string reason)
        {
            LastOutcome = outcome;
            LastReason = reason;
            return outcome;
        }
    }
}
