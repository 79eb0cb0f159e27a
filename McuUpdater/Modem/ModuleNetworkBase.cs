using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Modem
{
    /// <summary>What both dialects share: the bring-up, the read loop with its URC and polling rules, and turning AT results into one outcome with a reason.</summary>
    /// <remarks>
    /// A dialect supplies its commands (registration query, context, open, send, read, close) and
    /// parses its own URCs into the flags here. URC handlers only set flags; the blocking calls act
    /// on them after the AT channel returns.
    /// </remarks>
    internal abstract class ModuleNetworkBase : IModuleNetwork, IModuleSocket
    {
        // How long the line must stay quiet before answers gone out of step are taken as over.
        private const int SettleQuietMs = 200;

        /// <summary>Largest payload of one send command (at-tcpip.md).</summary>
        public const int SendLimit = 1460;

        /// <summary>Largest payload of one read command (at-tcpip.md).</summary>
        public const int ReadLimit = 1500;

        private const int BringUpRestarts = 3;

        private static readonly string[] SendFinals = new string[] { "SEND OK", "SEND FAIL" };

        protected readonly AtChannel Channel;
        protected readonly IClock Clock;
        protected readonly ModemSettings Settings;
        private readonly ICancellation _cancel;

        // Set by URC handlers (inside channel calls), acted on by the blocking calls.
        protected bool DataPending;
        protected bool PeerClosedSeen;
        protected bool PdpDroppedSeen;
        protected bool RestartSeen;

        private SocketState _state;
        private SocketOutcome _lastOutcome;
        private string _lastReason = string.Empty;

        protected ModuleNetworkBase(AtChannel channel, IClock clock, ModemSettings settings, ICancellation cancel)
        {
            Channel = channel;
            Clock = clock;
            Settings = settings;
            _cancel = cancel;
            channel.Urc += OnUrc;
            channel.Restarted += OnRestarted;
        }

        /// <inheritdoc />
        public abstract AtDialect Dialect { get; }

        /// <inheritdoc />
        public IModuleSocket Socket
        {
            get { return this; }
        }

        /// <inheritdoc />
        public SocketState State
        {
            get { return _state; }
        }

        /// <inheritdoc />
        public SocketOutcome LastOutcome
        {
            get { return _lastOutcome; }
        }

        /// <inheritdoc />
        public string LastReason
        {
            get { return _lastReason; }
        }

        /// <inheritdoc />
        public int MaxSend
        {
            get { return SendLimit; }
        }

        /// <summary>The AT channel (for tests and logs: counters, last lines).</summary>
        public AtChannel At
        {
            get { return Channel; }
        }

        /// <inheritdoc />
        public SocketOutcome BringUp()
        {
            for (int attempt = 0; attempt <= BringUpRestarts; attempt++)
            {
                RestartSeen = false;
                SocketOutcome o = BringUpOnce();
                if (o != SocketOutcome.ModuleRestarted)
                {
                    return o;
                }
            }

            return Fail(SocketOutcome.ModuleRestarted, "the module kept restarting during the bring-up");
        }

        /// <inheritdoc />
        public SocketOutcome Activate()
        {
            if (!ApnFieldFits(Settings.Apn) || !ApnFieldFits(Settings.User) || !ApnFieldFits(Settings.Password))
            {
                return Fail(SocketOutcome.ApnRefused, "the APN, its user name and password must each be at most " + MaxApnFieldLength.ToString() + " characters without quotes");
            }

            if (Stopped(false))
            {
                return LastOutcome;
            }

            return ActivateContext();
        }

        /// <summary>Configures the APN and activates the context (the dialect's commands).</summary>
        protected abstract SocketOutcome ActivateContext();

        /// <inheritdoc />
        public abstract SocketOutcome Deactivate();

        /// <summary>Longest host name (DNS's limit).</summary>
        public const int MaxHostLength = 255;

        /// <summary>Longest APN, user name or password.</summary>
        public const int MaxApnFieldLength = 100;

        /// <inheritdoc />
        public SocketOutcome Open(string host, int port)
        {
            if (host == null || host.Length == 0 || host.Length > MaxHostLength || host.IndexOf('"') >= 0 || port <= 0 || port > 65535)
            {
                return Fail(SocketOutcome.Error, "cannot open \"" + host + "\":" + port.ToString() + ": a host of 1 to 255 characters without quotes and a port of 1 to 65535 are needed");
            }

            if (Stopped(true))
            {
                return LastOutcome;
            }

            if (_state != SocketState.Closed)
            {
                Close();
            }

            for (int attempt = 0; ; attempt++)
            {
                SocketOutcome o = OpenOnce(host, port);
                if (o == SocketOutcome.Ok)
                {
                    Connected();
                    return Succeed();
                }

                if (!IdStillHeld || attempt >= Settings.ReopenAttempts)
                {
                    return o;
                }

                // 563 / ALREADY CONNECT: an earlier attempt left the connection up. Close it and open again.
                CloseConnection();
            }
        }

        /// <inheritdoc />
        public SocketOutcome Send(byte[] buffer, int offset, int count)
        {
            if (count > SendLimit || count <= 0)
            {
                return Fail(SocketOutcome.Error, "send of " + count.ToString() + " bytes: one send takes 1 to " + SendLimit.ToString());
            }

            return SendWithPrompt(SendCommand(count), buffer, offset, count);
        }

        /// <inheritdoc />
        public SocketOutcome Close()
        {
            if (_state == SocketState.Closed)
            {
                return Succeed();
            }

            bool gone = _state != SocketState.Connected;
            MarkClosed();
            SocketOutcome o = CloseConnection();

            // A connection the peer or the network already ended may be refused a close: it is closed all the same.
            return o == SocketOutcome.Error && gone ? Succeed() : o;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_state == SocketState.Closed || _state == SocketState.Failed)
            {
                Fail(_state == SocketState.Failed ? _lastOutcome : SocketOutcome.Error, "read on a socket that is not open");
                return -1;
            }

            if (count <= 0)
            {
                // AT+QIRD=id,0 is the unread query, not a read: never send it as one.
                Fail(SocketOutcome.Error, "read of " + count.ToString() + " bytes: give room for at least one");
                return -1;
            }

            if (count > Settings.ReadChunk)
            {
                count = Settings.ReadChunk;
            }

            if (count > ReadLimit)
            {
                count = ReadLimit;
            }

            long deadline = Clock.NowMs + timeoutMs;
            long nextPoll = Clock.NowMs + Settings.UnreadPollMs;
            while (true)
            {
                if (Stopped(true))
                {
                    return -1;
                }

                if (DataPending || PeerClosedSeen)
                {
                    // Whatever was announced (or is left after "closed") is read until the module says 0.
                    DataPending = false;
                    int m = ReadChunk(buffer, offset, count);
                    if (m > 0)
                    {
                        DataPending = true;
                        return Succeed(m);
                    }

                    if (m < 0)
                    {
                        return -1;
                    }

                    if (PeerClosedSeen && !DataPending)
                    {
                        _state = SocketState.PeerClosed;
                        Fail(SocketOutcome.ClosedByPeer, "the peer closed the connection and every byte was read");
                        return 0;
                    }

                    if (DataPending && Clock.NowMs >= deadline)
                    {
                        // A module that keeps announcing data it never hands over.
                        Fail(SocketOutcome.Timeout, "data announced but none read within " + timeoutMs.ToString() + " ms");
                        return -1;
                    }

                    continue;
                }

                long now = Clock.NowMs;
                if (now >= deadline)
                {
                    Fail(SocketOutcome.Timeout, "no data within " + timeoutMs.ToString() + " ms");
                    return -1;
                }

                if (now >= nextPoll)
                {
                    // Some firmwares forget the recv URC: ask for the unread count now and then.
                    nextPoll = now + Settings.UnreadPollMs;
                    if (!PollUnread())
                    {
                        return -1;
                    }

                    continue;
                }

                long wait = (nextPoll < deadline ? nextPoll : deadline) - now;
                Channel.Poll((int)wait);
            }
        }

        /// <summary>One open command and the wait for its result; Ok, or the outcome recorded.</summary>
        protected abstract SocketOutcome OpenOnce(string host, int port);

        /// <summary>True when the last failed open found the connection id still held (worth a close and another open).</summary>
        protected abstract bool IdStillHeld { get; }

        /// <summary>The send command for <paramref name="count"/> bytes.</summary>
        protected abstract string SendCommand(int count);

        /// <summary>The close command and its answer.</summary>
        protected abstract SocketOutcome CloseConnection();

        /// <summary>Reads one chunk: the count (0 = nothing buffered), or -1 after <see cref="FailWith"/>.</summary>
        protected abstract int ReadChunk(byte[] buffer, int offset, int count);

        /// <summary>Asks the module whether data waits unread (sets <see cref="DataPending"/> or <see cref="PeerClosedSeen"/>); false after a failure.</summary>
        protected abstract bool PollUnread();

        /// <summary>Parses a URC of the dialect into the flags.</summary>
        protected abstract void OnUrc(string line);

        /// <summary>The registration queries of the dialect, in the order asked.</summary>
        protected abstract string[] RegistrationQueries { get; }

        /// <summary>Marks the socket connected after a successful open.</summary>
        protected void Connected()
        {
            DataPending = false;
            PeerClosedSeen = false;
            _state = SocketState.Connected;
        }

        /// <summary>Marks the socket closed (after a close, a deactivation or a restart).</summary>
        protected void MarkClosed()
        {
            _state = SocketState.Closed;
            DataPending = false;
            PeerClosedSeen = false;
        }

        /// <summary>Records a success.</summary>
        protected SocketOutcome Succeed()
        {
            _lastOutcome = SocketOutcome.Ok;
            _lastReason = string.Empty;
            return SocketOutcome.Ok;
        }

        /// <summary>Records a failure with its reason; a connected socket becomes Failed for the outcomes that end it.</summary>
        protected SocketOutcome Fail(SocketOutcome outcome, string reason)
        {
            _lastOutcome = outcome;
            _lastReason = reason;
            if (outcome == SocketOutcome.ModuleRestarted)
            {
                _state = SocketState.Closed;
            }
            else if ((_state == SocketState.Connected || _state == SocketState.PeerClosed)
                && (outcome == SocketOutcome.PdpDropped || outcome == SocketOutcome.Garbled))
            {
                _state = SocketState.Failed;
            }

            return outcome;
        }

        /// <summary>The outcome of an AT command that did not end as hoped: restarts, timeouts and garbles by their name, anything else as <paramref name="otherwise"/>.</summary>
        protected SocketOutcome FailWith(AtResult result, SocketOutcome otherwise, string command)
        {
            if (result == AtResult.Restarted || RestartSeen)
            {
                return Fail(SocketOutcome.ModuleRestarted, "the module restarted (" + (Channel.FinalLine == null ? "RDY" : Channel.FinalLine) + ") during " + command);
            }

            if (PdpDroppedSeen)
            {
                // The pdpdeact URC often comes with (or just before) the error it causes.
                _state = SocketState.Failed;
                return Fail(SocketOutcome.PdpDropped, "the network dropped the PDP context (" + command + " answered " + Channel.FinalLine + ")");
            }

            if (result == AtResult.Timeout)
            {
                return Fail(SocketOutcome.Timeout, "no final answer to " + command);
            }

            if (result == AtResult.Garbled)
            {
                return Fail(SocketOutcome.Garbled, "the payload of " + command + " was not followed by CR LF (UART overrun?)");
            }

            if (result == AtResult.LineTooLong)
            {
                return Fail(SocketOutcome.Error, "a reply line to " + command + " was longer than the line buffer");
            }

            return Fail(otherwise, command + " answered " + Channel.FinalLine);
        }

        /// <summary>True (after recording the outcome) when a restart, a dropped context, or cancellation ends the call.</summary>
        protected bool Stopped(bool socketCall)
        {
            if (RestartSeen)
            {
                Fail(SocketOutcome.ModuleRestarted, "the module restarted (RDY): contexts and sockets are gone");
                return true;
            }

            if (socketCall && PdpDroppedSeen)
            {
                Fail(SocketOutcome.PdpDropped, "the network dropped the PDP context");
                _state = SocketState.Failed;
                return true;
            }

            if (_cancel != null && _cancel.IsCancelled)
            {
                Fail(SocketOutcome.Cancelled, "cancelled");
                return true;
            }

            return false;
        }

        /// <summary>A command with the short limit; true on OK, else the outcome is recorded.</summary>
        protected bool Simple(string command, SocketOutcome otherwise)
        {
            AtResult r = Channel.Command(command, Settings.CommandTimeoutMs);
            if (r == AtResult.Ok && !RestartSeen)
            {
                return true;
            }

            FailWith(r, otherwise, command);
            return false;
        }

        /// <summary>The reply line starting with <paramref name="prefix"/> of the last command, or null.</summary>
        protected string LineStarting(string prefix)
        {
            for (int i = 0; i < Channel.Lines.Count; i++)
            {
                string line = (string)Channel.Lines[i];
                if (line.StartsWith(prefix))
                {
                    return line;
                }
            }

            return null;
        }

        /// <summary>Field <paramref name="index"/> (0-based, comma-separated, after the "+NAME:" prefix) as a number, or -1.</summary>
        protected static int Field(string line, int index)
        {
            int pos = line.IndexOf(':') + 1;
            for (int i = 0; i < index; i++)
            {
                pos = line.IndexOf(',', pos) + 1;
                if (pos <= 0)
                {
                    return -1;
                }
            }

            return AtChannel.ParseNumber(line, pos);
        }

        /// <summary>True when <paramref name="host"/> is a dotted IPv4 address (no name lookup needed).</summary>
        protected static bool IsDottedIp(string host)
        {
            int dots = 0;
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots == 3;
        }

        /// <summary>Prompt, payload, then SEND OK; SEND FAIL (send buffer full) is retried later a few times.</summary>
        protected SocketOutcome SendWithPrompt(string send, byte[] buffer, int offset, int count)
        {
            for (int attempt = 0; ; attempt++)
            {
                if (Stopped(true))
                {
                    return LastOutcome;
                }

                AtResult r = Channel.CommandForPrompt(send, Settings.TransferTimeoutMs, SendFinals);
                if (r == AtResult.Prompt)
                {
                    Channel.WriteData(buffer, offset, count);
                    r = Channel.WaitFinal(Settings.TransferTimeoutMs, SendFinals);
                }

                if (r == AtResult.Final && Channel.FinalLine == "SEND OK" && !RestartSeen)
                {
                    return Succeed();
                }

                if (r != AtResult.Final || RestartSeen)
                {
                    return SendFailed(r, send);
                }

                // SEND FAIL: the module's send buffer is full. Later, a few times.
                if (attempt >= Settings.SendRetries)
                {
                    return Fail(SocketOutcome.Error, send + " answered SEND FAIL " + (attempt + 1).ToString() + " times (send buffer full)");
                }

                Clock.Sleep(Settings.SendRetryMs);
            }
        }

        private SocketOutcome SendFailed(AtResult r, string send)
        {
            if (PeerClosedSeen && (r == AtResult.Error || r == AtResult.CmeError))
            {
                return Fail(SocketOutcome.ClosedByPeer, send + " answered " + Channel.FinalLine + " after the peer closed");
            }

            return FailWith(r, SocketOutcome.Error, send);
        }

        private static bool ApnFieldFits(string value)
        {
            return value != null && value.Length <= MaxApnFieldLength && value.IndexOf('"') < 0;
        }

        private int Succeed(int count)
        {
            Succeed();
            return count;
        }

        private void OnRestarted(string line)
        {
            RestartSeen = true;
            MarkClosed();
        }

        private SocketOutcome BringUpOnce()
        {
            long limit = Clock.NowMs + Settings.AliveLimitMs;
            int probes = 0;
            while (true)
            {
                if (_cancel != null && _cancel.IsCancelled)
                {
                    return Fail(SocketOutcome.Cancelled, "cancelled");
                }

                long started = Clock.NowMs;
                probes++;
                AtResult r = Channel.Command("AT", Settings.AliveIntervalMs);
                if (r == AtResult.Ok)
                {
                    if (probes > 1)
                    {
                        // The OK may answer an earlier AT whose answer was late: the answers to the others are
                        // still coming and would each be taken for the next command's (ATE0, CMEE, then
                        // CPIN reads a bare OK as "SIM not ready").
                        Channel.Settle(SettleQuietMs);
                    }

                    break;
                }

                if (Clock.NowMs >= limit)
                {
                    return Fail(SocketOutcome.Timeout, "no OK to AT within " + Settings.AliveLimitMs.ToString() + " ms");
                }

                // ERROR or a restart line came early: keep the 500 ms rhythm.
                long spent = Clock.NowMs - started;
                if (spent < Settings.AliveIntervalMs)
                {
                    Clock.Sleep((int)(Settings.AliveIntervalMs - spent));
                }
            }

            // A restart seen while waiting for the first OK is the boot we were waiting for.
            RestartSeen = false;
            PdpDroppedSeen = false;
            MarkClosed();
            if (!Simple("ATE0", SocketOutcome.Error) || !Simple("AT+CMEE=1", SocketOutcome.Error))
            {
                return LastOutcome;
            }

            AtResult pin = Channel.Command("AT+CPIN?", Settings.CommandTimeoutMs);
            string ready = LineStarting("+CPIN:");
            if (pin == AtResult.Ok && ready == null)
            {
                // A bare OK is no SIM answer: it belongs to an earlier command. Ask again on a quiet line.
                Channel.Settle(SettleQuietMs);
                pin = Channel.Command("AT+CPIN?", Settings.CommandTimeoutMs);
                ready = LineStarting("+CPIN:");
            }
            if (pin != AtResult.Ok || ready == null || ready.IndexOf("READY") < 0)
            {
                if (pin == AtResult.Timeout || pin == AtResult.Restarted || RestartSeen)
                {
                    return FailWith(pin, SocketOutcome.SimMissing, "AT+CPIN?");
                }

                return Fail(SocketOutcome.SimMissing, "SIM not ready: AT+CPIN? answered " + (ready != null ? ready : Channel.FinalLine));
            }

            return Register();
        }

        private SocketOutcome Register()
        {
            long limit = Clock.NowMs + Settings.RegistrationLimitMs;
            string[] queries = RegistrationQueries;
            string last = "no registration reply";
            while (true)
            {
                bool denied = false;
                for (int q = 0; q < queries.Length; q++)
                {
                    AtResult r = Channel.Command(queries[q], Settings.CommandTimeoutMs);
                    if (r == AtResult.Restarted || RestartSeen || r == AtResult.Timeout)
                    {
                        return FailWith(r, SocketOutcome.NotRegistered, queries[q]);
                    }

                    // An LTE-only or GSM-only module refuses the query it does not know: ask the next one.
                    string name = queries[q].Substring(2, queries[q].Length - 3) + ":";
                    string line = r == AtResult.Ok ? LineStarting(name) : null;
                    if (line == null)
                    {
                        continue;
                    }

                    last = line;
                    int stat = Field(line, 1);
                    if (stat == 1 || stat == 5)
                    {
                        return Succeed();
                    }

                    if (stat == 3)
                    {
                        denied = true;
                    }
                }

                if (denied)
                {
                    return Fail(SocketOutcome.Denied, "registration denied: " + last);
                }

                if (Clock.NowMs + Settings.RegistrationPollMs > limit)
                {
                    return Fail(SocketOutcome.NotRegistered, "not registered within " + Settings.RegistrationLimitMs.ToString() + " ms: " + last);
                }

                if (_cancel != null && _cancel.IsCancelled)
                {
                    return Fail(SocketOutcome.Cancelled, "cancelled");
                }

                Clock.Sleep(Settings.RegistrationPollMs);
            }
        }
    }
}
