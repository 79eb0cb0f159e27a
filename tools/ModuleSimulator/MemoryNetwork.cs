using System.Collections;

namespace McuUpdater.Simulator
{
    /// <summary>A network in memory for virtual-time runs: named servers that answer each request with bytes, then close.</summary>
    /// <remarks>
    /// A connection collects what the module sends until a blank line (CR LF CR LF, the end of an
    /// HTTP request head), asks the server's <see cref="SimResponder"/> for the answer, offers it, and
    /// reports the peer closed once it has all been taken. Names not served fail with 565, a served
    /// name with another port with 566.
    /// </remarks>
    public sealed class MemoryNetwork : ISimNetwork
    {
        private readonly ArrayList _hosts = new ArrayList();
        private readonly ArrayList _ports = new ArrayList();
        private readonly ArrayList _responders = new ArrayList();

        /// <summary>Connections made so far.</summary>
        public int Connections { get; private set; }

        /// <summary>The last connection made (its request can be read), or null.</summary>
        public MemoryConnection LastConnection { get; private set; }

        /// <summary>Serves <paramref name="responder"/> at <paramref name="host"/>:<paramref name="port"/>.</summary>
        public MemoryNetwork Serve(string host, int port, SimResponder responder)
        {
            _hosts.Add(host);
            _ports.Add(port);
            _responders.Add(responder);
            return this;
        }

        /// <summary>Serves the same <paramref name="answer"/> to every request.</summary>
        public MemoryNetwork Serve(string host, int port, byte[] answer)
        {
            return Serve(host, port, new FixedAnswer(answer).Respond);
        }

        /// <inheritdoc />
        public ISimConnection Connect(string host, int port, out int error)
        {
            bool named = false;
            for (int i = 0; i < _hosts.Count; i++)
            {
                if ((string)_hosts[i] != host)
                {
                    continue;
                }

                named = true;
                if ((int)_ports[i] == port)
                {
                    error = 0;
                    Connections++;
                    LastConnection = new MemoryConnection((SimResponder)_responders[i]);
                    return LastConnection;
                }
            }

            error = named ? 566 : 565;
            return null;
        }

        private sealed class FixedAnswer
        {
            private readonly byte[] _answer;

            public FixedAnswer(byte[] answer)
            {
                _answer = answer;
            }

            public byte[] Respond(byte[] request, int length)
            {
                return _answer;
            }
        }
    }
}
