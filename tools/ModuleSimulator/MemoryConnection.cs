namespace McuUpdater.Simulator
{
    /// <summary>A connection of the <see cref="MemoryNetwork"/>: request in, answer out, then closed by the peer (a null answer: silent, never closed).</summary>
    public sealed class MemoryConnection : ISimConnection
    {
        private const int MaxRequest = 2048;

        private readonly SimResponder _responder;
        private readonly byte[] _request = new byte[MaxRequest];
        private int _requestLength;
        private byte[] _answer;
        private int _taken;
        private bool _silent;

        internal MemoryConnection(SimResponder responder)
        {
            _responder = responder;
        }

        /// <summary>Request bytes received (up to 2 KB).</summary>
        public int RequestLength
        {
            get { return _requestLength; }
        }

        /// <summary>The request buffer (first <see cref="RequestLength"/> bytes).</summary>
        public byte[] Request
        {
            get { return _request; }
        }

        /// <summary>True once the module closed its side.</summary>
        public bool ClosedByModule { get; private set; }

        /// <inheritdoc />
        public int Receive(byte[] buffer, int offset, int count)
        {
            if (ClosedByModule)
            {
                return -1;
            }

            if (_answer == null || _silent)
            {
                return 0;
            }

            int left = _answer.Length - _taken;
            if (left <= 0)
            {
                return -1;
            }

            int n = left < count ? left : count;
            System.Array.Copy(_answer, _taken, buffer, offset, n);
            _taken += n;
            return n;
        }

        /// <inheritdoc />
        public void Send(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count && _requestLength < MaxRequest; i++)
            {
                _request[_requestLength++] = buffer[offset + i];
            }

            if (_answer == null && EndsHead())
            {
                _answer = _responder(_request, _requestLength);
                if (_answer == null)
                {
                    // A server that never answers and never closes.
                    _silent = true;
                    _answer = new byte[0];
                }
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            ClosedByModule = true;
        }

        private bool EndsHead()
        {
            for (int i = 3; i < _requestLength; i++)
            {
                if (_request[i - 3] == 13 && _request[i - 2] == 10 && _request[i - 1] == 13 && _request[i] == 10)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
