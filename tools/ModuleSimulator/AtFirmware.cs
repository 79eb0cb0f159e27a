using System.Text;

namespace McuUpdater.Simulator
{
    /// <summary>The module's application firmware, as far as the updater sees it: a Quectel-style AT responder with a version and a TCP/IP stack in either dialect.</summary>
    /// <remarks>
    /// Echo is on until ATE0, like a module fresh from boot. Commands end with CR; LF is ignored.
    /// Replies are built into one preallocated buffer. This file holds the line handling, the basic
    /// commands and the timers; AtFirmware.Network.cs the bring-up and the qi dialect,
    /// AtFirmware.Legacy.cs the legacy dialect, AtFirmware.Socket.cs the socket shared by both.
    /// </remarks>
    internal sealed partial class AtFirmware
    {
        private const int MaxLine = 256;
        private const long NsPerMs = 1000000;

        private readonly byte[] _line = new byte[MaxLine];
        private const int ReadReplySize = 2048;

        // Grows once to ReadReplySize for the first socket read; AT answers fit the first size.
        private byte[] _reply = new byte[256];
        private readonly SimulatorOptions _options;
        private readonly SocketFaults _faults;
        private IModuleLine _out;
        private int _lineLength;
        private int _replyLength;
        private bool _echo;
        private bool _executing;
        private string _version;
        private long _bootNs;
        private FaultPlan _plan;
        private long _lastArrivalNs = long.MinValue / 2;

        public AtFirmware(SimulatorOptions options, FaultPlan faults)
        {
            _options = options ?? new SimulatorOptions();
            _plan = faults;
            _faults = faults == null ? null : faults.Sockets;
            _socket = new SimSocket(_options.SocketBufferBytes);
        }

        /// <summary>Commands answered since the last boot.</summary>
        public int Commands { get; private set; }

        /// <summary>Boots the firmware with its version string.</summary>
        public void Boot(string version, bool echo, IModuleLine line)
        {
            _out = line;
            _version = version;
            _echo = echo;
            _lineLength = 0;
            _bootNs = line.NowNs;
            Commands = 0;
            ResetNetwork();
            if (_options.AnnounceRdy)
            {
                SendText("\r\nRDY\r\n");
            }
        }

        /// <summary>The firmware lost power: sockets and contexts are gone.</summary>
        public void PowerDown()
        {
            ResetNetwork();
            _restartAtNs = long.MaxValue;
            _restarting = false;
        }

        /// <summary>When the firmware next needs <see cref="Timer"/>, or <c>long.MaxValue</c>.</summary>
        public long NextWakeNs
        {
            get
            {
                long t = _openAtNs < _restartAtNs ? _openAtNs : _restartAtNs;
                return _netTickNs < t ? _netTickNs : t;
            }
        }

        /// <summary>Runs what is due: a pending open's URC, the network tick, the end of a restart.</summary>
        public void Timer(IModuleLine line)
        {
            _out = line;
            long now = line.NowNs;
            if (_restartAtNs <= now)
            {
                _restartAtNs = long.MaxValue;
                _restarting = false;
                SendText("\r\nRDY\r\n");
            }

            if (_openAtNs <= now)
            {
                _openAtNs = long.MaxValue;
                FinishOpen();
            }

            if (_netTickNs <= now)
            {
                _netTickNs = long.MaxValue;
                NetworkTick();
            }
        }

        public void Received(byte[] buffer, int offset, int count, IModuleLine line, FaultPlan faults)
        {
            _out = line;
            _plan = faults;
            if (count <= 0)
            {
                return;
            }

            // A burst starts when the line was idle before its first byte (a burst may be handed
            // over in pieces); only then can the idle line have made up a byte in front of it.
            long now = line.NowNs;
            bool burstStart = now - ((count - 1) * line.ByteTimeNs) - _lastArrivalNs > 2 * line.ByteTimeNs;
            _lastArrivalNs = now;
            int noise = faults == null || !burstStart ? -1 : faults.TakeNoiseBeforeAtCommand();
            if (noise >= 0 && _lineLength < MaxLine)
            {
                // It joins the command line ahead of the host's command.
                _line[_lineLength++] = (byte)noise;
            }

            for (int i = 0; i < count; i++)
            {
                if (_restarting)
                {
                    return;
                }

                if (_payloadLeft > 0)
                {
                    int n = count - i < _payloadLeft ? count - i : _payloadLeft;
                    PayloadBytes(buffer, offset + i, n);
                    i += n - 1;
                    continue;
                }

                byte b = buffer[offset + i];
                if (_echo)
                {
                    line.Send(buffer, offset + i, 1);
                }

                if (b == (byte)'\r')
                {
                    Execute();
                    _lineLength = 0;
                }
                else if (b != (byte)'\n' && _lineLength < MaxLine)
                {
                    _line[_lineLength++] = b;
                }
            }
        }

        private void Execute()
        {
            if (_lineLength == 0)
            {
                return;
            }

            Commands++;
            _replyLength = 0;
            _executing = true;
            string injected = _faults == null ? null : _faults.ErrorFor(Encoding.UTF8.GetString(_line, 0, _lineLength));
            if (injected != null)
            {
                Append("\r\n");
                Append(injected);
                Append("\r\n");
            }
            else if (Is("AT"))
            {
                Ok();
            }
            else if (Is("ATE0"))
            {
                _echo = false;
                Ok();
            }
            else if (Is("ATE1"))
            {
                _echo = true;
                Ok();
            }
            else if (Is("ATI"))
            {
                Append("\r\nQuectel\r\nM10\r\nRevision: ");
                Append(_version);
                Append("\r\n");
                Ok();
            }
            else if (Is("AT+GMR") || Is("AT+QGMR"))
            {
                Append("\r\n");
                int versionAt = _replyLength;
                Append(_version);
                Append("\r\n");
                Ok();
                int noise = _plan == null ? -1 : _plan.TakeGmrAnswerNoise();
                if (noise >= 0)
                {
                    Insert(versionAt + _plan.AtNoisePosition(_version.Length), (byte)noise);
                }
            }
            else if (!ExecuteNetwork(Encoding.UTF8.GetString(_line, 0, _lineLength)))
            {
                Error();
            }

            _executing = false;
            Flush();
        }

        private void Ok()
        {
            Append("\r\nOK\r\n");
        }

        private void Error()
        {
            Append("\r\nERROR\r\n");
        }

        private void Flush()
        {
            if (_replyLength > 0)
            {
                _out.Send(_reply, 0, _replyLength);
                _replyLength = 0;
            }
        }

        // A URC (or RDY): inside a command it follows the reply, outside it goes at once.
        private void SendText(string text)
        {
            Append(text);
            if (!_executing)
            {
                Flush();
            }
        }

        // Case-insensitive whole-line compare, without allocating a string per command.
        private bool Is(string command)
        {
            if (_lineLength != command.Length)
            {
                return false;
            }

            for (int i = 0; i < _lineLength; i++)
            {
                int c = _line[i];
                if (c >= 'a' && c <= 'z')
                {
                    c -= 32;
                }

                if (c != command[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Insert(int at, byte b)
        {
            if (_replyLength >= _reply.Length)
            {
                return;
            }

            for (int i = _replyLength; i > at; i--)
            {
                _reply[i] = _reply[i - 1];
            }

            _reply[at] = b;
            _replyLength++;
        }

        private void Append(string text)
        {
            for (int i = 0; i < text.Length && _replyLength < _reply.Length; i++)
            {
                _reply[_replyLength++] = (byte)text[i];
            }
        }

        private void EnsureReply(int more)
        {
            if (_replyLength + more <= _reply.Length)
            {
                return;
            }

            byte[] bigger = new byte[ReadReplySize > _replyLength + more ? ReadReplySize : _replyLength + more];
            System.Array.Copy(_reply, bigger, _replyLength);
            _reply = bigger;
        }
    }
}
