namespace McuUpdater.Simulator
{
    /// <summary>The simulated module's one socket: its connection, the receive buffer the host reads with QIRD, and the URC bookkeeping.</summary>
    internal sealed class SimSocket
    {
        private readonly int _capacity;
        private byte[] _ring;
        private int _head;
        private int _count;

        // The buffer comes with the first data: a module that never opens a socket (most tests) carries none.
        public SimSocket(int capacity)
        {
            _capacity = capacity;
        }

        /// <summary>The connection, or null when the socket is not open.</summary>
        public ISimConnection Connection;

        /// <summary>True from the OK/URC of a successful open until the socket is closed.</summary>
        public bool Open;

        /// <summary>The peer closed (bytes may still be buffered).</summary>
        public bool PeerClosed;

        /// <summary>The "closed" URC has been sent.</summary>
        public bool ClosedUrcSent;

        /// <summary>The next data arriving in an empty buffer is announced (re-armed by a read that finds it empty).</summary>
        public bool RecvUrcArmed = true;

        /// <summary>Bytes taken from the network on this connection.</summary>
        public long ReceivedTotal;

        /// <summary>Bytes handed to the host through reads on this connection.</summary>
        public long ReadTotal;

        /// <summary>Host connected to.</summary>
        public string PeerHost = string.Empty;

        /// <summary>Port connected to.</summary>
        public int PeerPort;

        public int Buffered
        {
            get { return _count; }
        }

        public int Space
        {
            get { return _capacity - _count; }
        }

        /// <summary>Takes up to <paramref name="max"/> bytes from the connection into the buffer; notes a peer close.</summary>
        public int Pull(int max, byte[] scratch)
        {
            if (Connection == null || PeerClosed)
            {
                return 0;
            }

            if (max > Space)
            {
                max = Space;
            }

            if (max > scratch.Length)
            {
                max = scratch.Length;
            }

            if (max <= 0)
            {
                return 0;
            }

            int n = Connection.Receive(scratch, 0, max);
            if (n < 0)
            {
                PeerClosed = true;
                return 0;
            }

            if (_ring == null)
            {
                _ring = new byte[_capacity];
            }

            for (int i = 0; i < n; i++)
            {
                _ring[(_head + _count + i) % _ring.Length] = scratch[i];
            }

            _count += n;
            ReceivedTotal += n;
            return n;
        }

        /// <summary>Moves up to <paramref name="count"/> buffered bytes into <paramref name="buffer"/>.</summary>
        public int Take(byte[] buffer, int offset, int count)
        {
            int n = count < _count ? count : _count;
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _ring[(_head + i) % _ring.Length];
            }

            _head = (_head + n) % _ring.Length;
            _count -= n;
            ReadTotal += n;
            return n;
        }

        /// <summary>Closes the connection and forgets everything.</summary>
        public void Reset()
        {
            if (Connection != null)
            {
                Connection.Close();
            }

            Connection = null;
            Open = false;
            PeerClosed = false;
            ClosedUrcSent = false;
            RecvUrcArmed = true;
            ReceivedTotal = 0;
            ReadTotal = 0;
            _head = 0;
            _count = 0;
            PeerHost = string.Empty;
            PeerPort = 0;
        }
    }
}
