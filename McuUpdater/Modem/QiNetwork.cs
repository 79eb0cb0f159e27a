using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Modem
{
    /// <summary>The qi dialect (UGxx, UC15/UC20, EC2x, BG9x, EC200U): contexts, connect ids, <c>+QIURC</c> URCs.</summary>
    /// <remarks>at-tcpip.md, "Dialect qi": its table, URCs, Decision and error codes.</remarks>
    internal sealed class QiNetwork : ModuleNetworkBase
    {
        // QIOPEN / QIGETERROR codes (at-tcpip.md).
        private const int ErrPdpActivation = 561;
        private const int ErrSocketInUse = 563;
        private const int ErrDns = 565;
        private const int ErrConnect = 566;
        private const int ErrTimeout = 569;
        private const int ErrPdpBroken = 570;
        private const int ErrApn = 573;

        private static readonly string[] Registration = new string[] { "AT+CGREG?", "AT+CEREG?" };

        private readonly string _recvUrc;
        private readonly string _closedUrc;
        private readonly string _pdpUrc;
        private int _openError = -1;

        public QiNetwork(AtChannel channel, IClock clock, ModemSettings settings, ICancellation cancel)
            : base(channel, clock, settings, cancel)
        {
            _recvUrc = "+QIURC: \"recv\"," + settings.ConnectId.ToString();
            _closedUrc = "+QIURC: \"closed\"," + settings.ConnectId.ToString();
            _pdpUrc = "+QIURC: \"pdpdeact\"," + settings.ContextId.ToString();
        }

        public override AtDialect Dialect
        {
            get { return AtDialect.Qi; }
        }

        protected override string[] RegistrationQueries
        {
            get { return Registration; }
        }

        protected override SocketOutcome ActivateContext()
        {
            string ctx = Settings.ContextId.ToString();
            string csgp = "AT+QICSGP=" + ctx + ",1,\"" + Settings.Apn + "\",\"" + Settings.User + "\",\"" + Settings.Password + "\"," + Settings.Authentication.ToString();
            if (!Simple(csgp, SocketOutcome.ApnRefused))
            {
                return LastOutcome;
            }

            if (!Simple("AT+QIACT?", SocketOutcome.Error))
            {
                return LastOutcome;
            }

            if (ContextActive())
            {
                PdpDroppedSeen = false;
                return Succeed();
            }

            string act = "AT+QIACT=" + ctx;
            AtResult r = Channel.Command(act, Settings.ActivateTimeoutMs);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.ApnRefused, act);
                return AddModuleError();
            }

            PdpDroppedSeen = false;
            return Succeed();
        }

        public override SocketOutcome Deactivate()
        {
            MarkClosed();
            string deact = "AT+QIDEACT=" + Settings.ContextId.ToString();
            AtResult r = Channel.Command(deact, Settings.DeactivateTimeoutMs);
            PdpDroppedSeen = false;
            return r == AtResult.Ok ? Succeed() : FailWith(r, SocketOutcome.Error, deact);
        }

        protected override bool IdStillHeld
        {
            get { return _openError == ErrSocketInUse; }
        }

        protected override SocketOutcome OpenOnce(string host, int port)
        {
            string open = "AT+QIOPEN=" + Settings.ContextId.ToString() + "," + Settings.ConnectId.ToString() + ",\"TCP\",\"" + host + "\"," + port.ToString() + ",0,0";
            _openError = -1;
            AtResult r = Channel.Command(open, Settings.CommandTimeoutMs);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.ConnectFailed, open);
                return AddModuleError();
            }

            // Some firmwares put the +QIOPEN line before the OK: then it was the command's reply line.
            string early = LineStarting("+QIOPEN:");
            if (early != null && Field(early, 0) == Settings.ConnectId)
            {
                _openError = Field(early, 1);
            }

            return WaitOpened(open);
        }

        protected override string SendCommand(int count)
        {
            return "AT+QISEND=" + Settings.ConnectId.ToString() + "," + count.ToString();
        }

        protected override SocketOutcome CloseConnection()
        {
            string close = "AT+QICLOSE=" + Settings.ConnectId.ToString() + ",1";
            AtResult r = Channel.Command(close, Settings.CloseTimeoutMs);
            return r == AtResult.Ok ? Succeed() : FailWith(r, SocketOutcome.Error, close);
        }

        protected override int ReadChunk(byte[] buffer, int offset, int count)
        {
            string read = "AT+QIRD=" + Settings.ConnectId.ToString() + "," + count.ToString();
            AtResult r = Channel.CommandWithPayload(read, Settings.TransferTimeoutMs, "+QIRD:", false, buffer, offset, count);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.Error, read);
                return -1;
            }

            if (LineStarting("+QIRD:") == null)
            {
                Fail(SocketOutcome.Error, read + " answered OK without +QIRD");
                return -1;
            }

            return Channel.PayloadLength;
        }

        protected override bool PollUnread()
        {
            string unread = "AT+QIRD=" + Settings.ConnectId.ToString() + ",0";
            AtResult r = Channel.Command(unread, Settings.CommandTimeoutMs);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.Error, unread);
                return false;
            }

            string line = LineStarting("+QIRD:");
            if (line != null && Field(line, 2) > 0)
            {
                DataPending = true;
                return true;
            }

            // Nothing unread: a firmware that forgot "recv" may have forgotten "closed" too.
            string state = "AT+QISTATE=1," + Settings.ConnectId.ToString();
            r = Channel.Command(state, Settings.CommandTimeoutMs);
            if (r != AtResult.Ok || RestartSeen)
            {
                FailWith(r, SocketOutcome.Error, state);
                return false;
            }

            string info = LineStarting("+QISTATE:");
            if (info == null || Field(info, 5) != 2)
            {
                PeerClosedSeen = true;
            }

            return true;
        }

        protected override void OnUrc(string line)
        {
            if (line == _recvUrc)
            {
                DataPending = true;
            }
            else if (line == _closedUrc)
            {
                PeerClosedSeen = true;
            }
            else if (line == _pdpUrc)
            {
                PdpDroppedSeen = true;
            }
            else if (line.StartsWith("+QIOPEN:") && Field(line, 0) == Settings.ConnectId)
            {
                _openError = Field(line, 1);
            }
        }

        private bool ContextActive()
        {
            string prefix = "+QIACT: " + Settings.ContextId.ToString() + ",";
            string line = LineStarting(prefix);
            return line != null && Field(line, 1) == 1;
        }

        // Waits for "+QIOPEN: <id>,<err>" and names its error.
        private SocketOutcome WaitOpened(string open)
        {
            long deadline = Clock.NowMs + Settings.OpenTimeoutMs;
            while (_openError < 0)
            {
                if (Stopped(true))
                {
                    return LastOutcome;
                }

                long left = deadline - Clock.NowMs;
                if (left <= 0)
                {
                    return Fail(SocketOutcome.Timeout, "no +QIOPEN within " + Settings.OpenTimeoutMs.ToString() + " ms after " + open);
                }

                Channel.Poll((int)left);
            }

            if (_openError == 0)
            {
                return SocketOutcome.Ok;
            }

            string reason = "+QIOPEN: " + Settings.ConnectId.ToString() + "," + _openError.ToString() + " (" + ErrorText(_openError) + ")";
            return Fail(OutcomeOf(_openError), reason);
        }

        // Appends the module's own word on the failure (AT+QIGETERROR) to the reason, and refines the outcome by its code.
        private SocketOutcome AddModuleError()
        {
            SocketOutcome outcome = LastOutcome;
            string reason = LastReason;
            if (outcome == SocketOutcome.Timeout || outcome == SocketOutcome.ModuleRestarted)
            {
                return outcome;
            }

            AtResult r = Channel.Command("AT+QIGETERROR", Settings.CommandTimeoutMs);
            string line = r == AtResult.Ok ? LineStarting("+QIGETERROR:") : null;
            if (line == null)
            {
                return Fail(outcome, reason);
            }

            int code = Field(line, 0);
            SocketOutcome refined = OutcomeOf(code);
            return Fail(refined == SocketOutcome.Error ? outcome : refined, reason + "; " + line);
        }

        private static SocketOutcome OutcomeOf(int code)
        {
            switch (code)
            {
                case ErrPdpActivation:
                case ErrApn:
                    return SocketOutcome.ApnRefused;
                case ErrDns:
                    return SocketOutcome.DnsFailed;
                case ErrConnect:
                    return SocketOutcome.ConnectFailed;
                case ErrTimeout:
                    return SocketOutcome.Timeout;
                case ErrPdpBroken:
                    return SocketOutcome.PdpDropped;
                case 567:
                    return SocketOutcome.ClosedByPeer;
                default:
                    return SocketOutcome.Error;
            }
        }

        private static string ErrorText(int code)
        {
            switch (code)
            {
                case 550: return "unknown error";
                case 552: return "invalid parameter";
                case 553: return "no memory";
                case ErrPdpActivation: return "PDP activation failed";
                case ErrSocketInUse: return "socket id in use";
                case ErrDns: return "DNS failed";
                case ErrConnect: return "connect failed";
                case 567: return "socket closed";
                case ErrTimeout: return "timeout";
                case ErrPdpBroken: return "PDP broken";
                case ErrApn: return "APN not configured";
                default: return "error " + code.ToString();
            }
        }
    }
}
