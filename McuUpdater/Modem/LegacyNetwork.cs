using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Modem
{
    /// <summary>The legacy dialect (M10, M66, M95, MC60, M35): no context id, <c>CONNECT OK</c>, <c>+QIRDI</c>.</summary>
    /// <remarks>at-tcpip.md, "Dialect legacy". Activation starts from a fresh context (QIDEACT first): the
    /// legacy stack only takes its settings and QIREGAPP in its initial state.</remarks>
    internal sealed class LegacyNetwork : ModuleNetworkBase
    {
        private const int ConnectNone = 0;
        private const int ConnectOk = 1;
        private const int ConnectFail = 2;
        private const int ConnectAlready = 3;

        private static readonly string[] Registration = new string[] { "AT+CREG?" };
        private static readonly string[] OpenFinals = new string[] { "ALREADY CONNECT", "CONNECT FAIL" };
        private static readonly string[] CloseFinals = new string[] { "CLOSE OK" };
        private static readonly string[] DeactFinals = new string[] { "DEACT OK" };

        private int _connect;

        public LegacyNetwork(AtChannel channel, IClock clock, ModemSettings settings, ICancellation cancel)
            : base(channel, clock, settings, cancel)
        {
        }

        public override AtDialect Dialect
        {
            get { return AtDialect.Legacy; }
        }

        protected override string[] RegistrationQueries
        {
            get { return Registration; }
        }

        protected override SocketOutcome ActivateContext()
        {
            // Back to the initial state, where the stack takes its settings (an error here only means it was there).
            Channel.Command("AT+QIDEACT", Settings.DeactivateTimeoutMs, DeactFinals);
            MarkClosed();
            string csgp = "AT+QICSGP=1,\"" + Settings.Apn + "\",\"" + Settings.User + "\",\"" + Settings.Password + "\"";
            if (!Simple("AT+QIFGCNT=0", SocketOutcome.Error)
                || !Simple(csgp, SocketOutcome.ApnRefused)
                || !Simple("AT+QIMUX=0", SocketOutcome.Error)
                || !Simple("AT+QIMODE=0", SocketOutcome.Error)
                || !Simple("AT+QINDI=1", SocketOutcome.Error)
                || !Simple("AT+QIREGAPP", SocketOutcome.ApnRefused))
            {
                return LastOutcome;
            }

            AtResult r = Channel.Command("AT+QIACT", Settings.ActivateTimeoutMs);
            if (r != AtResult.Ok || RestartSeen)
            {
                return FailWith(r, SocketOutcome.ApnRefused, "AT+QIACT");
            }

            PdpDroppedSeen = false;
            return Succeed();
        }

        public override SocketOutcome Deactivate()
        {
            MarkClosed();
            AtResult r = Channel.Command("AT+QIDEACT", Settings.DeactivateTimeoutMs, DeactFinals);
            PdpDroppedSeen = false;
            return r == AtResult.Final ? Succeed() : FailWith(r, SocketOutcome.Error, "AT+QIDEACT");
        }

        protected override bool IdStillHeld
        {
            get { return _connect == ConnectAlready; }
        }

        protected override SocketOutcome OpenOnce(string host, int port)
        {
            _connect = ConnectNone;
            if (!Simple(IsDottedIp(host) ? "AT+QIDNSIP=0" : "AT+QIDNSIP=1", SocketOutcome.Error))
            {
                return LastOutcome;
            }

            string open = "AT+QIOPEN=\"TCP\",\"" + host + "\"," + port.ToString();
            AtResult r = Channel.Command(open, Settings.CommandTimeoutMs, OpenFinals);
            if (r == AtResult.Final)
            {
                _connect = Channel.FinalLine == "CONNECT FAIL" ? ConnectFail : ConnectAlready;
            }
            else if (r != AtResult.Ok || RestartSeen)
            {
                return FailWith(r, SocketOutcome.ConnectFailed, open);
            }

            return WaitConnect(open);
        }

        protected override string SendCommand(int count)
        {
            return "AT+QISEND=" + count.ToString();
        }

        protected override SocketOutcome CloseConnection()
        {
            AtResult r = Channel.Command("AT+QICLOSE", Settings.CloseTimeoutMs, CloseFinals);
            return r == AtResult.Final ? Succeed() : FailWith(r, SocketOutcome.Error, "AT+QICLOSE");
        }

        protected override int ReadChunk(byte[] buffer, int offset, int count)
        {
            string read = "AT+QIRD=0,1,0," + count.ToString();
            AtResult r = Channel.CommandWithPayload(read, Settings.TransferTimeoutMs, "+QIRD:", true, buffer, offset, count);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.Error, read);
                return -1;
            }

            // Just OK: nothing buffered.
            return Channel.PayloadLength;
        }

        protected override bool PollUnread()
        {
            // The legacy stack has no unread query: a read that finds nothing answers just OK.
            DataPending = true;
            return true;
        }

        protected override void OnUrc(string line)
        {
            if (line.StartsWith("+QIRDI:"))
            {
                DataPending = true;
            }
            else if (line == "CLOSED")
            {
                PeerClosedSeen = true;
            }
            else if (line == "+PDP DEACT")
            {
                PdpDroppedSeen = true;
            }
            else if (line == "CONNECT OK")
            {
                _connect = ConnectOk;
            }
            else if (line == "CONNECT FAIL")
            {
                _connect = ConnectFail;
            }
            else if (line == "ALREADY CONNECT")
            {
                _connect = ConnectAlready;
            }
        }

        private SocketOutcome WaitConnect(string open)
        {
            long deadline = Clock.NowMs + Settings.LegacyOpenTimeoutMs;
            while (_connect == ConnectNone)
            {
                if (Stopped(true))
                {
                    return LastOutcome;
                }

                long left = deadline - Clock.NowMs;
                if (left <= 0)
                {
                    return Fail(SocketOutcome.Timeout, "no CONNECT OK within " + Settings.LegacyOpenTimeoutMs.ToString() + " ms after " + open);
                }

                Channel.Poll((int)left);
            }

            if (_connect == ConnectOk)
            {
                return SocketOutcome.Ok;
            }

            if (_connect == ConnectAlready)
            {
                return Fail(SocketOutcome.ConnectFailed, open + ": ALREADY CONNECT");
            }

            return Fail(SocketOutcome.ConnectFailed, open + ": CONNECT FAIL (name lookup or connection failed)");
        }
    }
}
