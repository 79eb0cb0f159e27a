namespace McuUpdater.Simulator
{
    /// <summary>The module's application firmware, as far as the updater sees it: a Quectel-style AT responder with a version.</summary>
    /// <remarks>
    /// Echo is on until ATE0, like a module fresh from boot. Commands end with CR; LF is ignored.
    /// Replies are built into one preallocated buffer.
    /// </remarks>
    internal sealed class AtFirmware
    {
        private const int MaxLine = 64;

        private readonly byte[] _line = new byte[MaxLine];
        private readonly byte[] _reply = new byte[160];
        private int _lineLength;
        private int _replyLength;
        private bool _echo;
        private string _version;
        private FaultPlan _faults;
        private long _lastArrivalNs = long.MinValue / 2;

        /// <summary>Commands answered since the last boot.</summary>
        public int Commands { get; private set; }

        /// <summary>Boots the firmware with its version string.</summary>
        public void Boot(string version, bool echo)
        {
            _version = version;
            _echo = echo;
            _lineLength = 0;
            Commands = 0;
        }

        public void Received(byte[] buffer, int offset, int count, IModuleLine line, FaultPlan faults)
        {
            _faults = faults;
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
                byte b = buffer[offset + i];
                if (_echo)
                {
                    line.Send(buffer, offset + i, 1);
                }

                if (b == (byte)'\r')
                {
                    Execute(line);
                    _lineLength = 0;
                }
                else if (b != (byte)'\n' && _lineLength < MaxLine)
                {
                    _line[_lineLength++] = b;
                }
            }
        }

        private void Execute(IModuleLine line)
        {
            if (_lineLength == 0)
            {
                return;
            }

            Commands++;
            _replyLength = 0;
            if (Is("AT"))
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
                int noise = _faults == null ? -1 : _faults.TakeGmrAnswerNoise();
                if (noise >= 0)
                {
                    Insert(versionAt + _faults.AtNoisePosition(_version.Length), (byte)noise);
                }
            }
            else
            {
                Append("\r\nERROR\r\n");
            }

            line.Send(_reply, 0, _replyLength);
        }

        private void Ok()
        {
            Append("\r\nOK\r\n");
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
    }
}
