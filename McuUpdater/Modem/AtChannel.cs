using System.Collections;
using System.Text;
using McuUpdater.Link;
using McuUpdater.Timing;

namespace McuUpdater.Modem
{
    /// <summary>Talks AT to the module's firmware over the updater's UART: commands with their lines and final result, URCs as events, the send prompt, length-framed payloads.</summary>
    /// <remarks>
    /// at-tcpip.md, "Line discipline". Every complete line is classified before a command sees it
    /// (the Decision there): echo of a command is dropped; <c>RDY</c> and the power-down lines are a
    /// restart; the finals end the command; a <c>+NAME:</c> line is a reply only to <c>AT+NAME</c>
    /// and a URC otherwise; the bare URCs of both dialects are URCs; any line while no command is in
    /// flight is a URC. The prompt is matched as the two bytes <c>'&gt;' ' '</c> at the start of a
    /// line; payloads are read by their announced count, never scanned. One line buffer, one receive
    /// buffer, both allocated once; a line longer than the buffer is dropped and reported.
    /// Single-threaded: URC and restart handlers run inside the call that read the line and must not
    /// send commands themselves (set a flag and act after the call returns).
    /// </remarks>
    public sealed class AtChannel
    {
        private const byte Cr = 0x0D;
        private const byte Lf = 0x0A;
        private const int RxSize = 256;
        private const int TxSize = 512;
        private const int DrainQuietMs = 50;

        // Lines that are URCs wherever they come (both dialects, and the boot chatter of a restart).
        private static readonly string[] BareUrcs = new string[]
        {
            "CLOSED", "+PDP DEACT", "Call Ready", "SMS Ready", "CONNECT OK", "CONNECT FAIL", "ALREADY CONNECT",
        };

        // A module that prints one of these has restarted (or is about to): everything is gone.
        private static readonly string[] RestartLines = new string[] { "RDY", "NORMAL POWER DOWN", "POWERED DOWN" };

        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly byte[] _rx = new byte[RxSize];
        private readonly byte[] _tx = new byte[TxSize];
        private readonly byte[] _line;
        private readonly ArrayList _lines = new ArrayList();
        private int _rxPos;
        private int _rxCount;
        private int _lineLength;
        private bool _overlong;

        // The command in flight.
        private bool _inCommand;
        private string _name;
        private string[] _finals;
        private bool _awaitPrompt;
        private bool _sawOverlong;
        private string _payloadPrefix;
        private bool _payloadCountIsLast;
        private byte[] _payload;
        private int _payloadOffset;
        private int _payloadMax;
        private int _payloadLength;
        private bool _endedByCr;

        // Set by the line handler, read by the pump.
        private bool _done;
        private AtResult _result;
        private bool _urcSeen;

        /// <summary>Creates a channel with a line buffer of <paramref name="lineCapacity"/> bytes.</summary>
        public AtChannel(ISerialLink link, IClock clock, int lineCapacity)
        {
            _link = link;
            _clock = clock;
            _line = new byte[lineCapacity < 16 ? 16 : lineCapacity];
        }

        /// <summary>A URC arrived (also between the lines of a command); the handler must not send commands.</summary>
        public event AtLineHandler Urc;

        /// <summary><c>RDY</c> or a power-down line arrived: the module restarted, every context and socket is gone, echo is on again.</summary>
        public event AtLineHandler Restarted;

        /// <summary>The reply lines of the last command (strings, trimmed, echo and URCs left out).</summary>
        public ArrayList Lines
        {
            get { return _lines; }
        }

        /// <summary>The final line of the last command (<c>OK</c>, <c>+CME ERROR: 10</c>, <c>SEND OK</c>…), or null after a timeout.</summary>
        public string FinalLine { get; private set; }

        /// <summary>n of the last <c>+CME ERROR: n</c> / <c>+CMS ERROR: n</c>; -1 when there was none or it was not a number.</summary>
        public int ErrorCode { get; private set; }

        /// <summary>Bytes of payload the last <see cref="CommandWithPayload"/> read.</summary>
        public int PayloadLength
        {
            get { return _payloadLength; }
        }

        /// <summary>Every command starts with a CR, which ends whatever an idle, noisy line left in the module's command buffer (the module answers that with ERROR first).</summary>
        public bool LeadingCr { get; set; }

        /// <summary>Restart lines seen since the channel was made.</summary>
        public int Restarts { get; private set; }

        /// <summary>Lines longer than the line buffer, dropped.</summary>
        public int OverlongLines { get; private set; }

        /// <summary>Echoed command lines dropped.</summary>
        public int EchoLines { get; private set; }

        /// <summary>URCs delivered.</summary>
        public int UrcCount { get; private set; }

        /// <summary>Sends <paramref name="command"/> (without CR) and collects its lines until OK, ERROR, +CME/+CMS ERROR or the timeout.</summary>
        public AtResult Command(string command, int timeoutMs)
        {
            return Command(command, timeoutMs, null);
        }

        /// <summary>As <see cref="Command(string, int)"/>, with dialect-specific final lines (exact text) that also end it.</summary>
        public AtResult Command(string command, int timeoutMs, string[] finals)
        {
            Begin(command, finals);
            return Pump(_clock.NowMs + timeoutMs);
        }

        /// <summary>Sends a send command and waits for the prompt (<see cref="AtResult.Prompt"/>) or a final (an error, or one of <paramref name="finals"/>); then <see cref="WriteData"/> and <see cref="WaitFinal"/>.</summary>
        public AtResult CommandForPrompt(string command, int timeoutMs, string[] finals)
        {
            Begin(command, finals);
            _awaitPrompt = true;
            AtResult r = Pump(_clock.NowMs + timeoutMs);
            _awaitPrompt = false;
            if (r == AtResult.Prompt)
            {
                // The command goes on: its final comes after the payload.
                _inCommand = true;
            }

            return r;
        }

        /// <summary>Writes raw payload bytes after the prompt.</summary>
        public void WriteData(byte[] buffer, int offset, int count)
        {
            _link.Write(buffer, offset, count);
        }

        /// <summary>Waits for the final of the command in flight (after a payload), with extra finals such as <c>SEND OK</c>.</summary>
        public AtResult WaitFinal(int timeoutMs, string[] finals)
        {
            _finals = finals;
            _inCommand = true;
            return Pump(_clock.NowMs + timeoutMs);
        }

        /// <summary>
        /// Sends a read command whose reply line starting with <paramref name="headerPrefix"/> announces a
        /// payload count (the first number after the prefix, or the last comma-separated field when
        /// <paramref name="countIsLastField"/>), reads exactly that many raw bytes into
        /// <paramref name="buffer"/> (<see cref="PayloadLength"/>), checks that CR LF follows, and collects the rest until the final.
        /// </summary>
        public AtResult CommandWithPayload(string command, int timeoutMs, string headerPrefix, bool countIsLastField, byte[] buffer, int offset, int max)
        {
            Begin(command, null);
            _payloadPrefix = headerPrefix;
            _payloadCountIsLast = countIsLastField;
            _payload = buffer;
            _payloadOffset = offset;
            _payloadMax = max;
            AtResult r = Pump(_clock.NowMs + timeoutMs);
            _payloadPrefix = null;
            _payload = null;
            if (r == AtResult.Garbled)
            {
                Drain();
            }

            return r;
        }

        /// <summary>Reads what the module sends for up to <paramref name="timeoutMs"/> with no command in flight; returns true as soon as a URC (or restart) was delivered.</summary>
        public bool Poll(int timeoutMs)
        {
            _inCommand = false;
            _urcSeen = false;
            _done = false;
            long deadline = _clock.NowMs + timeoutMs;
            while (true)
            {
                Process();
                if (_urcSeen)
                {
                    return true;
                }

                long left = deadline - _clock.NowMs;
                if (left <= 0)
                {
                    return _urcSeen;
                }

                _rxPos = 0;
                _rxCount = _link.Read(_rx, 0, _rx.Length, (int)left);
            }
        }

        /// <summary>Forgets a partial line and what is buffered (after a restart the old bytes mean nothing).</summary>
        public void Clear()
        {
            _rxPos = 0;
            _rxCount = 0;
            _lineLength = 0;
            _overlong = false;
        }

        /// <summary>
        /// Throws away whatever comes until the line has been quiet for <paramref name="quietMs"/>: answers to
        /// commands sent again while their first answer was on its way must not be taken for the next command's.
        /// </summary>
        public void Settle(int quietMs)
        {
            Clear();
            while (_link.Read(_rx, 0, _rx.Length, quietMs) > 0)
            {
            }

            Clear();
        }

        // The rest of a reply that went out of step must not be taken for the next command's.
        private void Drain()
        {
            Settle(DrainQuietMs);
        }

        private void Begin(string command, string[] finals)
        {
            _lines.Clear();
            FinalLine = null;
            ErrorCode = -1;
            _payloadLength = 0;
            _sawOverlong = false;
            _name = NameOf(command);
            _finals = finals;
            _inCommand = true;
            _awaitPrompt = false;
            _payloadPrefix = null;

            if (command.Length > TxSize - 2)
            {
                throw new System.ArgumentException("AT command longer than " + (TxSize - 2).ToString() + " characters: " + command.Substring(0, 24) + "...");
            }

            // Assembled into one buffer so the command leaves in one write (a real UART gets it in one piece).
            int n = 0;
            if (LeadingCr)
            {
                _tx[n++] = Cr;
            }

            for (int i = 0; i < command.Length; i++)
            {
                _tx[n++] = (byte)command[i];
            }

            _tx[n++] = Cr;
            _link.Write(_tx, 0, n);
        }

        // "+NAME:" of "AT+NAME=..." / "AT+NAME?" / "AT+NAME": the prefix its own reply lines carry; null for basic commands.
        private static string NameOf(string command)
        {
            if (command.Length < 3 || command[2] != '+')
            {
                return null;
            }

            int i = 3;
            while (i < command.Length && command[i] != '=' && command[i] != '?')
            {
                i++;
            }

            return command.Substring(2, i - 2) + ":";
        }

        // Runs the byte loop until the command ends or the deadline passes.
        private AtResult Pump(long deadlineMs)
        {
            _done = false;
            while (true)
            {
                if (Process())
                {
                    _inCommand = false;
                    return _result;
                }

                if (_payloadLength < 0)
                {
                    // A header announced a payload: read it by count, straight from the link.
                    if (!ReadPayload(deadlineMs))
                    {
                        _inCommand = false;
                        _payloadLength = 0;
                        return _result;
                    }

                    continue;
                }

                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    _inCommand = false;
                    return AtResult.Timeout;
                }

                _rxPos = 0;
                _rxCount = _link.Read(_rx, 0, _rx.Length, (int)left);
            }
        }

        // The per-byte loop: a few compares per byte, a copy into the line buffer, nothing allocated.
        // Returns true when a handler ended the wait (_done); stops early when a payload is due.
        private bool Process()
        {
            byte[] rx = _rx;
            byte[] line = _line;
            while (_rxPos < _rxCount)
            {
                byte b = rx[_rxPos++];
                if (b == Cr || b == Lf)
                {
                    if (_lineLength > 0 || _overlong)
                    {
                        _endedByCr = b == Cr;
                        LineDone();
                        if (_done)
                        {
                            return true;
                        }

                        if (_payloadLength < 0)
                        {
                            return false;
                        }
                    }

                    continue;
                }

                if (b < 0x20 || b > 0x7E)
                {
                    // Leftovers of a download or boot noise: never part of a line.
                    continue;
                }

                if (_lineLength < line.Length)
                {
                    line[_lineLength++] = b;
                }
                else
                {
                    _overlong = true;
                }

                if (b == ' ' && _awaitPrompt && _lineLength == 2 && line[0] == '>')
                {
                    _lineLength = 0;
                    Finish(AtResult.Prompt);
                    return true;
                }
            }

            return false;
        }

        private void LineDone()
        {
            if (_overlong)
            {
                _overlong = false;
                _lineLength = 0;
                OverlongLines++;
                _sawOverlong = true;
                return;
            }

            string text = Encoding.UTF8.GetString(_line, 0, _lineLength).Trim();
            _lineLength = 0;
            if (text.Length == 0)
            {
                return;
            }

            if (text.Length >= 2 && (text[0] == 'A' || text[0] == 'a') && (text[1] == 'T' || text[1] == 't'))
            {
                // Echo of a command (ours, or one from before ATE0 took effect).
                EchoLines++;
                return;
            }

            if (IsOneOf(text, RestartLines))
            {
                Restarts++;
                FinalLine = text;
                AtLineHandler restarted = Restarted;
                if (restarted != null)
                {
                    restarted(text);
                }

                _urcSeen = true;
                if (_inCommand)
                {
                    Finish(AtResult.Restarted);
                }

                return;
            }

            if (_inCommand)
            {
                if (Final(text))
                {
                    return;
                }

                if (_payloadPrefix != null && text.StartsWith(_payloadPrefix))
                {
                    int count = PayloadCount(text);
                    if (count > _payloadMax)
                    {
                        Finish(AtResult.Garbled);
                        FinalLine = text;
                        return;
                    }

                    _lines.Add(text);
                    if (count > 0)
                    {
                        // Pump reads it by count: -count marks "payload due".
                        _payloadLength = -count;
                    }

                    return;
                }

                if (!IsUrc(text))
                {
                    _lines.Add(text);
                    return;
                }
            }

            UrcCount++;
            _urcSeen = true;
            AtLineHandler urc = Urc;
            if (urc != null)
            {
                urc(text);
            }
        }

        private bool Final(string text)
        {
            if (text == "OK")
            {
                Finish(_sawOverlong ? AtResult.LineTooLong : AtResult.Ok);
            }
            else if (text == "ERROR")
            {
                Finish(AtResult.Error);
            }
            else if (text.StartsWith("+CME ERROR:"))
            {
                ErrorCode = ParseNumber(text, 11);
                Finish(AtResult.CmeError);
            }
            else if (text.StartsWith("+CMS ERROR:"))
            {
                ErrorCode = ParseNumber(text, 11);
                Finish(AtResult.CmsError);
            }
            else if (_finals != null && IsOneOf(text, _finals))
            {
                Finish(AtResult.Final);
            }
            else
            {
                return false;
            }

            FinalLine = text;
            return true;
        }

        private void Finish(AtResult result)
        {
            _result = result;
            _done = true;
        }

        // A "+NAME:" line answers AT+NAME and nothing else; the bare URCs are URCs everywhere.
        private bool IsUrc(string text)
        {
            if (text[0] == '+' && text.IndexOf(':') > 0)
            {
                return _name == null || !text.StartsWith(_name);
            }

            return IsOneOf(text, BareUrcs);
        }

        private bool ReadPayload(long deadlineMs)
        {
            int count = -_payloadLength;

            // The header ends with CR LF: the LF is not payload.
            if (_endedByCr)
            {
                int next = PeekRaw(deadlineMs);
                if (next < 0)
                {
                    return false;
                }

                if (next == Lf)
                {
                    _rxPos++;
                }
            }

            // First what the receive buffer already holds, then straight from the link into the caller's buffer.
            int got = _rxCount - _rxPos;
            if (got > count)
            {
                got = count;
            }

            System.Array.Copy(_rx, _rxPos, _payload, _payloadOffset, got);
            _rxPos += got;
            while (got < count)
            {
                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    _result = AtResult.Timeout;
                    return false;
                }

                got += _link.Read(_payload, _payloadOffset + got, count - got, (int)left);
            }

            _payloadLength = count;

            // The payload ends with CR LF; anything else means the count and the bytes are out of step.
            for (int trailer = 0; trailer < 2; trailer++)
            {
                int b = PeekRaw(deadlineMs);
                if (b < 0)
                {
                    return false;
                }

                _rxPos++;
                if (b != (trailer == 0 ? Cr : Lf))
                {
                    _result = AtResult.Garbled;
                    return false;
                }
            }

            return true;
        }

        // The next raw byte, left in the receive buffer; -1 (result Timeout) when none came by the deadline.
        private int PeekRaw(long deadlineMs)
        {
            while (_rxPos >= _rxCount)
            {
                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    _result = AtResult.Timeout;
                    return -1;
                }

                _rxPos = 0;
                _rxCount = _link.Read(_rx, 0, _rx.Length, (int)left);
            }

            return _rx[_rxPos];
        }

        // The count in "+QIRD: 512" (first number) or "+QIRD: 1.2.3.4:80,TCP,512" (last field); -1 when none.
        private int PayloadCount(string text)
        {
            int start = _payloadPrefix.Length;
            if (_payloadCountIsLast)
            {
                int comma = text.LastIndexOf(',');
                if (comma < 0)
                {
                    return -1;
                }

                start = comma + 1;
            }

            return ParseNumber(text, start);
        }

        /// <summary>The decimal number at <paramref name="start"/> (spaces skipped), or -1.</summary>
        internal static int ParseNumber(string text, int start)
        {
            int i = start;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            int value = 0;
            int digits = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9' && digits < 9)
            {
                value = (value * 10) + (text[i] - '0');
                digits++;
                i++;
            }

            return digits == 0 ? -1 : value;
        }

        private static bool IsOneOf(string text, string[] set)
        {
            for (int i = 0; i < set.Length; i++)
            {
                if (text == set[i])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
