using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace McuUpdater.Simulator.Host
{
    /// <summary>The simulated module's network bridged to real TCP connections, on loopback only.</summary>
    /// <remarks>
    /// Host-only. Names the test maps (<see cref="MapName"/>, plus <c>localhost</c>) and dotted
    /// 127.x.x.x addresses connect to 127.0.0.1 at the port asked; any other name fails as the
    /// module's DNS would (565), any other address as a refused connect (566), so a test never
    /// leaves the machine.
    /// <para>
    /// In virtual time the module polls its connections while simulated time runs far ahead of the
    /// wall clock: once the module has sent something, a receive that finds nothing waits up to
    /// <see cref="SettleMs"/> of real time for the peer's answer (once per stall: a wait that expires
    /// lets virtual time run on until data comes again), so a loopback server that answers is seen,
    /// even on a loaded machine, and runs stay deterministic. On a real-time runner set it to 0 (the
    /// runner must not block).
    /// </para>
    /// </remarks>
    public sealed class TcpSimNetwork : ISimNetwork, IDisposable
    {
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" };
        private readonly List<TcpSimConnection> _connections = new List<TcpSimConnection>();
        private readonly object _sync = new object();

        /// <summary>Real-time wait for a peer's answer (virtual-time runs; once per stall, only after the module sent something); 0 never waits.</summary>
        public int SettleMs { get; set; } = 1000;

        /// <summary>Real-time limit of a connect.</summary>
        public int ConnectTimeoutMs { get; set; } = 2000;

        /// <summary>Connections made so far.</summary>
        public int Connections
        {
            get
            {
                lock (_sync)
                {
                    return _connections.Count;
                }
            }
        }

        /// <summary>Lets the module resolve <paramref name="host"/> (to 127.0.0.1).</summary>
        public TcpSimNetwork MapName(string host)
        {
            _names.Add(host);
            return this;
        }

        /// <inheritdoc />
        public ISimConnection Connect(string host, int port, out int error)
        {
            IPAddress address;
            if (IPAddress.TryParse(host, out address))
            {
                if (!IPAddress.IsLoopback(address))
                {
                    error = 566;
                    return null;
                }
            }
            else if (!_names.Contains(host))
            {
                error = 565;
                return null;
            }

            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                IAsyncResult pending = socket.BeginConnect(IPAddress.Loopback, port, null, null);
                if (!pending.AsyncWaitHandle.WaitOne(ConnectTimeoutMs))
                {
                    socket.Dispose();
                    error = 566;
                    return null;
                }

                socket.EndConnect(pending);
            }
            catch (SocketException)
            {
                socket.Dispose();
                error = 566;
                return null;
            }

            error = 0;
            TcpSimConnection c = new TcpSimConnection(socket, this);
            lock (_sync)
            {
                _connections.Add(c);
            }

            return c;
        }

        /// <summary>Closes every connection still open.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                foreach (TcpSimConnection c in _connections)
                {
                    c.Close();
                }
            }
        }

        private sealed class TcpSimConnection : ISimConnection
        {
            private readonly Socket _socket;
            private readonly TcpSimNetwork _network;
            private bool _eof;
            private bool _stalled;
            private bool _sent;
            private bool _closed;

            public TcpSimConnection(Socket socket, TcpSimNetwork network)
            {
                _socket = socket;
                _network = network;
            }

            public int Receive(byte[] buffer, int offset, int count)
            {
                if (_eof || _closed)
                {
                    return -1;
                }

                try
                {
                    int available = _socket.Available;
                    if (available == 0)
                    {
                        // Only an answer is waited for: before the first send the peer has nothing to say.
                        int waitUs = _stalled || !_sent ? 0 : _network.SettleMs * 1000;
                        if (!_socket.Poll(waitUs, SelectMode.SelectRead))
                        {
                            _stalled = _sent;
                            return 0;
                        }

                        available = _socket.Available;
                        if (available == 0)
                        {
                            // Readable with nothing to read: the peer closed.
                            _eof = true;
                            return -1;
                        }
                    }

                    _stalled = false;
                    return _socket.Receive(buffer, offset, Math.Min(count, available), SocketFlags.None);
                }
                catch (SocketException)
                {
                    _eof = true;
                    return -1;
                }
                catch (ObjectDisposedException)
                {
                    _eof = true;
                    return -1;
                }
            }

            public void Send(byte[] buffer, int offset, int count)
            {
                try
                {
                    _socket.Send(buffer, offset, count, SocketFlags.None);
                    _sent = true;
                    _stalled = false;
                }
                catch (SocketException)
                {
                    _eof = true;
                }
                catch (ObjectDisposedException)
                {
                    _eof = true;
                }
            }

            public void Close()
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                _socket.Dispose();
            }
        }
    }
}
