namespace McuUpdater.Simulator
{
    /// <summary>The qi dialect's commands (at-tcpip.md, "Dialect qi"), with connect id 0 and context 1.</summary>
    internal sealed partial class AtFirmware
    {
        private bool ExecuteQi(string command, string c)
        {
            string[] a = Args(command);
            if (c.StartsWith("AT+QICSGP="))
            {
                if (a.Length < 3)
                {
                    return false;
                }

                _apn = a[2];
                Ok();
            }
            else if (c == "AT+QIACT?")
            {
                if (_contextActive)
                {
                    Append("\r\n+QIACT: 1,1,1,\"10.7.0.2\"\r\n");
                }

                Ok();
            }
            else if (c.StartsWith("AT+QIACT="))
            {
                if (_apn == null || !ApnAccepted())
                {
                    _lastError = _apn == null ? 573 : 561;
                    Error();
                }
                else
                {
                    _contextActive = true;
                    Ok();
                }
            }
            else if (c.StartsWith("AT+QIDEACT="))
            {
                DropSocket();
                _contextActive = false;
                Ok();
            }
            else if (c.StartsWith("AT+QIOPEN="))
            {
                if (a.Length < 5 || Number(a[1]) != 0 || Number(a[4]) <= 0)
                {
                    _lastError = 552;
                    Error();
                    return true;
                }

                Ok();
                if (!_contextActive)
                {
                    _openError = 561;
                    _openAtNs = _out.NowNs + _options.ConnectDelayMs * NsPerMs;
                    return true;
                }

                StartOpen(a[3], Number(a[4]));
            }
            else if (c.StartsWith("AT+QISEND="))
            {
                StartSend(a.Length == 2 && Number(a[0]) == 0 ? Number(a[1]) : -1);
            }
            else if (c.StartsWith("AT+QIRD="))
            {
                QiRead(a);
            }
            else if (c.StartsWith("AT+QISTATE="))
            {
                if (_socket.Open)
                {
                    string state = _socket.PeerClosed ? "4" : "2";
                    Append("\r\n+QISTATE: 0,\"TCP\",\"" + _socket.PeerHost + "\"," + _socket.PeerPort.ToString() + ",0," + state + ",1,0,0,\"uart1\"\r\n");
                }

                Ok();
            }
            else if (c.StartsWith("AT+QICLOSE="))
            {
                ReleaseSocket();
                Ok();
            }
            else if (c == "AT+QIGETERROR")
            {
                Append("\r\n+QIGETERROR: " + _lastError.ToString() + ",\"" + ErrorName(_lastError) + "\"\r\n");
                Ok();
            }
            else
            {
                return false;
            }

            return true;
        }

        private void QiRead(string[] a)
        {
            int asked = a.Length == 2 ? Number(a[1]) : -1;
            if (a.Length != 2 || Number(a[0]) != 0 || asked < 0 || asked > MaxRead || !_socket.Open)
            {
                Error();
                return;
            }

            if (asked == 0)
            {
                long read = _socket.ReadTotal;
                Append("\r\n+QIRD: " + (read + _socket.Buffered).ToString() + "," + read.ToString() + "," + _socket.Buffered.ToString() + "\r\n");
                Ok();
                return;
            }

            int n = ReadCount(asked);
            Append("\r\n+QIRD: " + n.ToString() + "\r\n");
            if (n > 0)
            {
                AppendRead(n);
            }

            Ok();
            AfterRead();
        }

        private static string ErrorName(int code)
        {
            switch (code)
            {
                case 0: return "No Error";
                case 552: return "Invalid parameters";
                case 561: return "Open PDP context failed";
                case 563: return "Socket identity has been used";
                case 565: return "DNS parse failed";
                case 566: return "Socket connect failed";
                case 570: return "PDP context broken down";
                case 573: return "APN not configured";
                default: return "Operation not allowed";
            }
        }
    }
}
