using System.Collections;

namespace McuUpdater.Simulator
{
    /// <summary>Seeded faults of the simulated module's TCP/IP stack (at-tcpip.md, "What a robust fetcher survives").</summary>
    /// <remarks>Byte counts are of payload the module has handed to the host through its read command.</remarks>
    public sealed class SocketFaults
    {
        private readonly XorShift _random;
        private readonly ArrayList _errorPrefixes = new ArrayList();
        private readonly ArrayList _errorOccurrences = new ArrayList();
        private readonly ArrayList _errorReplies = new ArrayList();
        private readonly ArrayList _errorSeen = new ArrayList();

        /// <summary>Creates faults drawing from <paramref name="seed"/>.</summary>
        public SocketFaults(ulong seed)
        {
            _random = new XorShift(seed);
        }

        /// <summary>The network drops the context (pdpdeact / +PDP DEACT) once this many bytes were read; -1 = never.</summary>
        public long PdpDropAfterBytes = -1;

        /// <summary>The peer closes once this many bytes came from the network; -1 = never.</summary>
        public long PeerCloseAfterBytes = -1;

        /// <summary>The module restarts (RDY after <see cref="RestartMs"/>) once this many bytes were read; -1 = never.</summary>
        public long RestartAfterBytes = -1;

        /// <summary>How long a restart takes before RDY.</summary>
        public int RestartMs = 2000;

        /// <summary>The module never sends the recv URC (+QIURC "recv" / +QIRDI).</summary>
        public bool NoRecvUrc;

        /// <summary>Reads return a seeded random count between 1 and what was asked and buffered.</summary>
        public bool ShortReads;

        /// <summary>Network to module rate in bytes per second; 0 = as fast as the peer sends.</summary>
        public int BytesPerSecond;

        /// <summary>The first open finds the socket id still held (qi 563, legacy ALREADY CONNECT) until it is closed.</summary>
        public bool SocketHeld;

        /// <summary>Faults fired so far (all kinds).</summary>
        public int Fired { get; internal set; }

        /// <summary>Answers the <paramref name="occurrence"/>-th (1-based) command starting with <paramref name="commandPrefix"/> with <paramref name="reply"/> (ERROR, +CME ERROR: n) instead.</summary>
        public SocketFaults ErrorAt(string commandPrefix, int occurrence, string reply)
        {
            _errorPrefixes.Add(commandPrefix);
            _errorOccurrences.Add(occurrence);
            _errorReplies.Add(reply);
            _errorSeen.Add(0);
            return this;
        }

        /// <summary>The injected reply for <paramref name="command"/>, or null.</summary>
        internal string ErrorFor(string command)
        {
            for (int i = 0; i < _errorPrefixes.Count; i++)
            {
                if (!command.StartsWith((string)_errorPrefixes[i]))
                {
                    continue;
                }

                int seen = (int)_errorSeen[i] + 1;
                _errorSeen[i] = seen;
                if (seen == (int)_errorOccurrences[i])
                {
                    Fired++;
                    return (string)_errorReplies[i];
                }
            }

            return null;
        }

        /// <summary>How many of <paramref name="available"/> bytes one read hands over.</summary>
        internal int ReadCount(int available)
        {
            if (!ShortReads || available <= 1)
            {
                return available;
            }

            return 1 + _random.Next(available);
        }
    }
}
