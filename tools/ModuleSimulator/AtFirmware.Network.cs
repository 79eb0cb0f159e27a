using McuUpdater.Modem;

namespace McuUpdater.Simulator
{
    /// <summary>The firmware's network side shared by both dialects: SIM, registration, the socket's buffer, the network tick, the send payload, and the stack's faults.</summary>
    internal sealed partial class AtFirmware
    {
        private const int MaxSend = 1460;
        private const int MaxRead = 1500;

        private readonly SimSocket _socket;
        private const int PullSize = 2048;

        // Allocated when a socket is first used: the simulators of tests that never open one carry none.
        private byte[] _pull;
        private byte[] _payload;

        private string _apn;
        private bool _contextActive;
        private int _legacyStage;
        private bool _socketHeld;
        private bool _heldFaultUsed;
        private int _payloadLeft;
        private int _payloadLength;
        private long _openAtNs = long.MaxValue;
        private int _openError;
        private long _netTickNs = long.MaxValue;
        private long _restartAtNs = long.MaxValue;
        private bool _restarting;
        private long _readTotal;
        private bool _pdpFired;
        private bool _restartFired;
        private bool _peerCloseFired;
        private int _lastError;

        private bool Legacy
        {
            get { return _options.AtDialect == AtDialect.Legacy; }
        }

        private void ResetNetwork()
        {
            _socket.Reset();
            _apn = null;
            _contextActive = false;
            _legacyStage = 0;
            _payloadLeft = 0;
            _openAtNs = long.MaxValue;
            _netTickNs = long.MaxValue;
            _socketHeld = false;
            if (_faults != null && _faults.SocketHeld && !_heldFaultUsed)
            {
                _socketHeld = true;
            }
        }

        // The socket closes (close, deactivation): its connection goes, the network tick stops.
        private void DropSocket()
        {
            _socket.Reset();
            _netTickNs = long.MaxValue;
        }

        // A close also frees an id the SocketHeld fault kept.
        private void ReleaseSocket()
        {
            if (_socketHeld)
            {
                _socketHeld = false;
                _heldFaultUsed = true;
                _faults.Fired++;
            }

            DropSocket();
        }

        // True when the command was one of the stack's (reply appended).
        private bool ExecuteNetwork(string command)
        {
            string c = command.ToUpper();
            if (c == "AT+CMEE=1" || c == "AT+CMEE=0" || c == "AT+CMEE=2")
            {
                Ok();
            }
            else if (c == "AT+CPIN?")
            {
                Append(_options.SimPresent ? "\r\n+CPIN: READY\r\n\r\nOK\r\n" : "\r\n+CME ERROR: 10\r\n");
            }
            else if (c == "AT+CREG?" || c == "AT+CGREG?" || c == "AT+CEREG?")
            {
                if (c == "AT+CEREG?" && Legacy)
                {
                    // A GSM module has no LTE registration.
                    return false;
                }

                Append("\r\n" + command.Substring(2, command.Length - 3) + ": 0," + RegistrationStat().ToString() + "\r\n");
                Ok();
            }
            else
            {
                return Legacy ? ExecuteLegacy(command, c) : ExecuteQi(command, c);
            }

            return true;
        }

        private int RegistrationStat()
        {
            return _out.NowNs - _bootNs >= _options.RegisteredAfterMs * NsPerMs ? _options.RegistrationStat : 2;
        }

        private bool ApnAccepted()
        {
            return _options.AcceptedApn == null || _options.AcceptedApn == _apn;
        }

        // Connects now (a real connect on the TCP bridge); the URC follows after the connect delay.
        private void StartOpen(string host, int port)
        {
            _socket.Reset();
            if (_socketHeld)
            {
                _openError = 563;
            }
            else
            {
                ISimNetwork network = _options.Network;
                int error = 565;
                ISimConnection connection = network == null ? null : network.Connect(host, port, out error);
                _openError = connection == null ? error : 0;
                _socket.Connection = connection;
                _socket.PeerHost = host;
                _socket.PeerPort = port;
            }

            _openAtNs = _out.NowNs + _options.ConnectDelayMs * NsPerMs;
        }

        private void FinishOpen()
        {
            if (_openError == 0)
            {
                _socket.Open = true;
                ArmNetworkTick();
            }
            else
            {
                _lastError = _openError;
                _socket.Reset();
            }

            if (Legacy)
            {
                SendText(_openError == 0 ? "\r\nCONNECT OK\r\n" : "\r\nCONNECT FAIL\r\n");
            }
            else
            {
                SendText("\r\n+QIOPEN: 0," + _openError.ToString() + "\r\n");
            }
        }

        private void ArmNetworkTick()
        {
            if (_socket.Open && !_socket.PeerClosed && _netTickNs == long.MaxValue)
            {
                _netTickNs = _out.NowNs + _options.NetworkTickMs * NsPerMs;
            }
        }

        // Bytes come from the network into the socket's buffer, at the network's pace; URCs announce them.
        private void NetworkTick()
        {
            if (!_socket.Open)
            {
                return;
            }

            if (_pull == null)
            {
                _pull = new byte[PullSize];
            }

            int max = _pull.Length;
            if (_faults != null && _faults.BytesPerSecond > 0)
            {
                max = (int)((long)_faults.BytesPerSecond * _options.NetworkTickMs / 1000);
                if (max < 1)
                {
                    max = 1;
                }
            }

            if (_faults != null && _faults.PeerCloseAfterBytes >= 0 && !_peerCloseFired)
            {
                long left = _faults.PeerCloseAfterBytes - _socket.ReceivedTotal;
                if (left <= 0)
                {
                    _peerCloseFired = true;
                    _faults.Fired++;
                    _socket.Connection.Close();
                    _socket.PeerClosed = true;
                }
                else if (left < max)
                {
                    max = (int)left;
                }
            }

            bool wasEmpty = _socket.Buffered == 0;
            int n = _socket.Pull(max, _pull);
            if (n > 0 && wasEmpty && _socket.RecvUrcArmed)
            {
                _socket.RecvUrcArmed = false;
                if (_faults == null || !_faults.NoRecvUrc)
                {
                    SendText(Legacy ? "\r\n+QIRDI: 0,1,0\r\n" : "\r\n+QIURC: \"recv\",0\r\n");
                }
            }

            if (_socket.PeerClosed && !_socket.ClosedUrcSent)
            {
                // Sent at once, even with bytes still buffered: the tail must be read after it.
                _socket.ClosedUrcSent = true;
                SendText(Legacy ? "\r\nCLOSED\r\n" : "\r\n+QIURC: \"closed\",0\r\n");
            }

            ArmNetworkTick();
        }

        // The prompt, then exactly n raw bytes.
        private void StartSend(int count)
        {
            if (!_socket.Open || _socket.PeerClosed || count <= 0 || count > MaxSend)
            {
                Error();
                return;
            }

            if (_payload == null)
            {
                _payload = new byte[MaxSend];
            }

            _payloadLeft = count;
            _payloadLength = 0;
            Append("\r\n> ");
        }

        private void PayloadBytes(byte[] buffer, int offset, int count)
        {
            System.Array.Copy(buffer, offset, _payload, _payloadLength, count);
            _payloadLength += count;
            _payloadLeft -= count;
            if (_payloadLeft > 0)
            {
                return;
            }

            if (_socket.Connection != null && !_socket.PeerClosed)
            {
                _socket.Connection.Send(_payload, 0, _payloadLength);
                SendText("\r\nSEND OK\r\n");
            }
            else
            {
                SendText("\r\nSEND FAIL\r\n");
            }
        }

        // How many buffered bytes one read hands over (a read that finds nothing re-arms the recv URC).
        private int ReadCount(int asked)
        {
            int available = _socket.Buffered < asked ? _socket.Buffered : asked;
            int n = _faults == null ? available : _faults.ReadCount(available);
            if (n == 0)
            {
                _socket.RecvUrcArmed = true;
            }

            return n;
        }

        // The payload of a read, raw, then its CR LF.
        private void AppendRead(int count)
        {
            EnsureReply(count + 16);
            _socket.Take(_reply, _replyLength, count);
            _replyLength += count;
            _readTotal += count;
            Append("\r\n");
            ArmNetworkTick();
        }

        // Faults keyed to the bytes read so far, checked after each read reply.
        private void AfterRead()
        {
            if (_faults == null)
            {
                return;
            }

            if (!_pdpFired && _faults.PdpDropAfterBytes >= 0 && _readTotal >= _faults.PdpDropAfterBytes)
            {
                _pdpFired = true;
                _faults.Fired++;
                _socket.Reset();
                _contextActive = false;
                _legacyStage = 0;
                _lastError = 570;
                SendText(Legacy ? "\r\n+PDP DEACT\r\n" : "\r\n+QIURC: \"pdpdeact\",1\r\n");
            }

            if (!_restartFired && _faults.RestartAfterBytes >= 0 && _readTotal >= _faults.RestartAfterBytes)
            {
                _restartFired = true;
                _faults.Fired++;
                ResetNetwork();
                _echo = true;
                _restarting = true;
                _restartAtNs = _out.NowNs + _faults.RestartMs * NsPerMs;
            }
        }

        // The comma-separated arguments after '=', quotes removed.
        private static string[] Args(string command)
        {
            int eq = command.IndexOf('=');
            if (eq < 0)
            {
                return new string[0];
            }

            string rest = command.Substring(eq + 1);
            int fields = 1;
            bool quoted = false;
            for (int i = 0; i < rest.Length; i++)
            {
                if (rest[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (rest[i] == ',' && !quoted)
                {
                    fields++;
                }
            }

            string[] args = new string[fields];
            int start = 0;
            int f = 0;
            quoted = false;
            for (int i = 0; i <= rest.Length; i++)
            {
                if (i < rest.Length && rest[i] == '"')
                {
                    quoted = !quoted;
                    continue;
                }

                if (i == rest.Length || (rest[i] == ',' && !quoted))
                {
                    string a = rest.Substring(start, i - start).Trim();
                    if (a.Length >= 2 && a[0] == '"' && a[a.Length - 1] == '"')
                    {
                        a = a.Substring(1, a.Length - 2);
                    }

                    args[f++] = a;
                    start = i + 1;
                }
            }

            return args;
        }

        private static int Number(string text)
        {
            int value = 0;
            if (text.Length == 0)
            {
                return -1;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return -1;
                }

                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }
    }
}
