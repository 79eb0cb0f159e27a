namespace McuUpdater.Simulator
{
    /// <summary>The legacy dialect's commands (at-tcpip.md, "Dialect legacy"): one connection, no context id.</summary>
    /// <remarks>The stack's states, as the M10 has them: 0 IP INITIAL, 1 IP START (after QIREGAPP), 2 IP GPRSACT (after QIACT).</remarks>
    internal sealed partial class AtFirmware
    {
        private bool ExecuteLegacy(string command, string c)
        {
            string[] a = Args(command);
            if (c == "AT+QIFGCNT=0" || c == "AT+QIMUX=0" || c == "AT+QIMODE=0" || c == "AT+QINDI=1" || c == "AT+QIDNSIP=0" || c == "AT+QIDNSIP=1")
            {
                if (_legacyStage != 0 && c != "AT+QIDNSIP=0" && c != "AT+QIDNSIP=1")
                {
                    // These settings are only taken in IP INITIAL.
                    Error();
                }
                else
                {
                    Ok();
                }
            }
            else if (c.StartsWith("AT+QICSGP="))
            {
                if (a.Length < 2 || _legacyStage != 0)
                {
                    Error();
                    return true;
                }

                _apn = a[1];
                Ok();
            }
            else if (c == "AT+QIREGAPP")
            {
                if (_legacyStage != 0 || _apn == null)
                {
                    Error();
                    return true;
                }

                _legacyStage = 1;
                Ok();
            }
            else if (c == "AT+QIACT")
            {
                if (_legacyStage != 1 || !ApnAccepted())
                {
                    Error();
                    return true;
                }

                _legacyStage = 2;
                _contextActive = true;
                Ok();
            }
            else if (c == "AT+QIDEACT")
            {
                DropSocket();
                _contextActive = false;
                _legacyStage = 0;
                Append("\r\nDEACT OK\r\n");
            }
            else if (c.StartsWith("AT+QIOPEN="))
            {
                LegacyOpen(a);
            }
            else if (c.StartsWith("AT+QISEND="))
            {
                StartSend(a.Length == 1 ? Number(a[0]) : -1);
            }
            else if (c.StartsWith("AT+QIRD="))
            {
                LegacyRead(a);
            }
            else if (c == "AT+QICLOSE")
            {
                if ((!_socket.Open || _socket.PeerClosed) && !_socketHeld)
                {
                    // IP CLOSE (the peer closed) or no connection: nothing to close.
                    DropSocket();
                    Error();
                    return true;
                }

                ReleaseSocket();
                Append("\r\nCLOSE OK\r\n");
            }
            else
            {
                return false;
            }

            return true;
        }

        private void LegacyOpen(string[] a)
        {
            if (a.Length != 3 || a[0] != "TCP" || Number(a[2]) <= 0 || !_contextActive)
            {
                Error();
                return;
            }

            if (_socketHeld || _socket.Open)
            {
                Append("\r\nALREADY CONNECT\r\n");
                return;
            }

            Ok();
            StartOpen(a[1], Number(a[2]));
        }

        private void LegacyRead(string[] a)
        {
            int asked = a.Length == 4 ? Number(a[3]) : -1;
            if (asked <= 0 || asked > MaxRead || !_socket.Open)
            {
                Error();
                return;
            }

            int n = ReadCount(asked);
            if (n > 0)
            {
                Append("\r\n+QIRD: " + _socket.PeerHost + ":" + _socket.PeerPort.ToString() + ",TCP," + n.ToString() + "\r\n");
                AppendRead(n);
            }

            Ok();
            AfterRead();
        }
    }
}
