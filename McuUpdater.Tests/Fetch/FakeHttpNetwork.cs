using System;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>
    /// The module's network and its socket in memory, over an <see cref="HttpFileServer"/>: the
    /// fetcher's other end in portable tests, with the socket failures it must survive (short
    /// reads, a dropped context, failing opens).
    /// </summary>
    public sealed class FakeHttpNetwork : IModuleNetwork, IModuleSocket
    {
        private readonly IClock _clock;
        private byte[] _response;
        private int _position;
        private int _bodyStart;

        /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>; reads advance <paramref name="clock"/> by 1 ms.</summary>
        public FakeHttpNetwork(byte[] body, string path, IClock clock)
        {
            Server = new HttpFileServer(body, path);
            _clock = clock;
            ReadChunk = 1500;
            DropPdpAtBodyByte = -1;
        }

        /// <summary>The server behind the socket (its faults and the requests it saw).</summary>
        public readonly HttpFileServer Server;

        /// <summary>Largest count one read returns (the module's +QIRD may give fewer than asked).</summary>
        public int ReadChunk;

        /// <summary>The network drops the context once, after this many body bytes of a connection (-1 = never).</summary>
        public int DropPdpAtBodyByte;

        /// <summary>Every open fails with this outcome (Ok = opens succeed).</summary>
        public SocketOutcome OpenFailure;

        /// <summary>Bring-ups asked for.</summary>
        public int BringUps;

        /// <summary>Opens asked for.</summary>
        public int Opens;

        /// <summary>Body bytes delivered over all connections.</summary>
        public long BodyBytesSent;

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

        /// <summary>The Range start of request <paramref name="index"/>, or -1.</summary>
        public long RangeOf(int index)
        {
            return Server.RangeOf(index);
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

            byte[] request = new byte[count];
            Array.Copy(buffer, offset, request, 0, count);
            _response = Server.Respond(request, count);
            _bodyStart = Server.BodyStart;
            _position = 0;
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

            if (DropPdpAtBodyByte >= 0 && _position >= _bodyStart + DropPdpAtBodyByte && _position < _response.Length)
            {
                DropPdpAtBodyByte = -1;
                State = SocketState.Failed;
                Done(SocketOutcome.PdpDropped, "+QIURC: \"pdpdeact\",1");
                return -1;
            }

            int left = _response.Length - _position;
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

        private SocketOutcome Done(SocketOutcome outcome, string reason)
        {
            LastOutcome = outcome;
            LastReason = reason;
            return outcome;
        }
    }
}
