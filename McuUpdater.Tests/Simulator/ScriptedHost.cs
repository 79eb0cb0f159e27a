using McuUpdater.Protocol;
using McuUpdater.Simulator;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>A tiny scripted updater for simulator tests: sync bytes, frames from FrameEncoder, responses via FrameDecoder.</summary>
    /// <remarks>Deliberately simple (no retries): tests drive each step and look at exactly what came back.</remarks>
    public sealed class ScriptedHost
    {
        private readonly VirtualWire _wire;
        private readonly FrameDecoder _decoder = new FrameDecoder(64);
        private readonly byte[] _rx = new byte[256];
        private byte[] _tx = new byte[1100];

        /// <summary>Drives <paramref name="wire"/>.</summary>
        public ScriptedHost(VirtualWire wire)
        {
            _wire = wire;
            Last = new Response();
        }

        /// <summary>The last response read.</summary>
        public Response Last { get; private set; }

        /// <summary>Bytes other than the sync answers seen while syncing (boot noise).</summary>
        public int NoiseSeen { get; private set; }

        /// <summary>Virtual time in ms.</summary>
        public long NowMs
        {
            get { return _wire.Clock.NowMs; }
        }

        /// <summary>Off, wait, on.</summary>
        public void PowerCycle(int offMs)
        {
            _wire.Power.Off();
            _wire.Clock.Sleep(offMs);
            _wire.Power.On();
        }

        /// <summary>Ticks 0xB5 every 20 ms until 0x5B or <paramref name="giveUpMs"/>; true when answered.</summary>
        public bool SyncStage1(int giveUpMs)
        {
            long end = NowMs + giveUpMs;
            while (NowMs < end)
            {
                WriteByte(Wire.SyncWord1);
                long tickEnd = NowMs + Wire.SyncIntervalMs;
                while (NowMs < tickEnd)
                {
                    int n = _wire.HostLink.Read(_rx, 0, 1, (int)(tickEnd - NowMs));
                    if (n == 1)
                    {
                        if (_rx[0] == Wire.SyncWordRsp1)
                        {
                            return true;
                        }

                        NoiseSeen++;
                    }
                }
            }

            return false;
        }

        /// <summary>Sends 0xA9 and waits up to <paramref name="waitMs"/> for 0x9A.</summary>
        public bool SyncStage2(int waitMs)
        {
            WriteByte(Wire.SyncWord2);
            return WaitForByte(Wire.SyncWordRsp2, waitMs);
        }

        /// <summary>Power cycle plus the two-stage sync (the second stage optional, as protocol.md decides).</summary>
        public bool Connect()
        {
            PowerCycle(500);
            if (!SyncStage1(400))
            {
                return false;
            }

            SyncStage2(Wire.SyncRsp2TimeoutMs);
            return true;
        }

        /// <summary>Waits for one specific byte, discarding others; true when it came.</summary>
        public bool WaitForByte(byte value, int waitMs)
        {
            long end = NowMs + waitMs;
            while (NowMs < end)
            {
                int n = _wire.HostLink.Read(_rx, 0, 1, (int)(end - NowMs));
                if (n == 1 && _rx[0] == value)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Writes one byte.</summary>
        public void WriteByte(byte value)
        {
            _rx[0] = value;
            _wire.HostLink.Write(_rx, 0, 1);
        }

        /// <summary>Writes raw bytes.</summary>
        public void WriteRaw(byte[] data, int offset, int count)
        {
            _wire.HostLink.Write(data, offset, count);
        }

        /// <summary>Sends CMD_DL_BEGIN.</summary>
        public void SendBegin()
        {
            int n = FrameEncoder.EncodeBegin(_tx, 0, Wire.DefaultApplicationVersion);
            _wire.HostLink.Write(_tx, 0, n);
        }

        /// <summary>Sends CMD_DL_END or CMD_RUN_GSMSW.</summary>
        public void SendEmpty(ushort type)
        {
            int n = FrameEncoder.EncodeEmpty(_tx, 0, type);
            _wire.HostLink.Write(_tx, 0, n);
        }

        /// <summary>Encodes a DATA frame for a block into the host's buffer and returns its length (not sent).</summary>
        public int BuildBlock(uint sequence, byte[] image, int offset, int count)
        {
            int frame = Wire.DataFrameOverhead + count;
            if (_tx.Length < frame)
            {
                _tx = new byte[frame];
            }

            System.Array.Copy(image, offset, _tx, Wire.DataBlockOffset, count);
            return FrameEncoder.EncodeDataInPlace(_tx, 0, sequence, count);
        }

        /// <summary>The host's frame buffer (to corrupt or cut a built frame).</summary>
        public byte[] Frame
        {
            get { return _tx; }
        }

        /// <summary>Sends the first <paramref name="count"/> bytes of the frame buffer.</summary>
        public void SendFrame(int count)
        {
            _wire.HostLink.Write(_tx, 0, count);
        }

        /// <summary>Sends a DATA frame for a block.</summary>
        public void SendBlock(uint sequence, byte[] image, int offset, int count)
        {
            SendFrame(BuildBlock(sequence, image, offset, count));
        }

        /// <summary>Reads until a frame decodes or <paramref name="timeoutMs"/> passes; true with <see cref="Last"/> parsed (even if not a known response).</summary>
        public bool ReadResponse(int timeoutMs)
        {
            long end = NowMs + timeoutMs;
            while (true)
            {
                int wait = (int)(end - NowMs);
                int n = _wire.HostLink.Read(_rx, 0, _rx.Length, wait > 0 ? wait : 0);
                if (n == 0)
                {
                    return false;
                }

                int used = 0;
                while (used < n)
                {
                    used += _decoder.Feed(_rx, used, n - used);
                    if (_decoder.HasFrame)
                    {
                        Last.Parse(_decoder);
                        return true;
                    }
                }
            }
        }

        /// <summary>True when nothing at all arrives within <paramref name="ms"/>.</summary>
        public bool Silent(int ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                if (_wire.HostLink.Read(_rx, 0, _rx.Length, (int)(end - NowMs)) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>BEGIN and its answer; the MTU, or -1.</summary>
        public int Begin()
        {
            SendBegin();
            if (!ReadResponse(3000) || Last.Type != Command.DlBeginRsp || Last.Status != Status.Success)
            {
                return -1;
            }

            return Last.Mtu;
        }

        /// <summary>
        /// Sends the whole image in blocks of <paramref name="blockSize"/> (odd last block padded with
        /// 0xFF), stop-and-wait, following "next"; false at the first unexpected answer.
        /// </summary>
        public bool SendImage(byte[] image, int blockSize)
        {
            int blocks = (image.Length + blockSize - 1) / blockSize;
            byte[] padded = image;
            if ((image.Length & 1) == 1)
            {
                padded = new byte[image.Length + 1];
                System.Array.Copy(image, padded, image.Length);
                padded[image.Length] = Wire.PadByte;
            }

            uint seq = 0;
            while (seq < blocks)
            {
                int offset = (int)seq * blockSize;
                int count = padded.Length - offset < blockSize ? padded.Length - offset : blockSize;
                SendBlock(seq, padded, offset, count);
                if (!ReadResponse(3000) || Last.Type != Command.DlDataRsp || Last.Status != Status.Success)
                {
                    return false;
                }

                seq = Last.NextSequence;
            }

            return true;
        }

        /// <summary>END then RUN; true when END was answered with status 0 (RUN's status is in <see cref="RunStatus"/>).</summary>
        public bool EndAndRun()
        {
            SendEmpty(Command.DlEnd);
            if (!ReadResponse(3000) || Last.Type != Command.DlEndRsp || Last.Status != Status.Success)
            {
                return false;
            }

            SendEmpty(Command.RunGsmSw);
            if (!ReadResponse(3000) || Last.Type != Command.RunGsmSwRsp)
            {
                return false;
            }

            RunStatus = Last.Status;
            return true;
        }

        /// <summary>Status of the last RUN response.</summary>
        public int RunStatus { get; private set; }

        /// <summary>Sends an AT command line (CR appended) and returns everything that came back within <paramref name="ms"/>.</summary>
        public string At(string command, int ms)
        {
            byte[] line = new byte[command.Length + 1];
            for (int i = 0; i < command.Length; i++)
            {
                line[i] = (byte)command[i];
            }

            line[command.Length] = (byte)'\r';
            _wire.HostLink.Write(line, 0, line.Length);
            return ReadText(ms);
        }

        /// <summary>
        /// Collects what arrives within <paramref name="ms"/> as text; any byte that is not printable
        /// ASCII, CR or LF is written as "\xNN", because nanoCLR strings end at the first 0x00.
        /// </summary>
        public string ReadText(int ms)
        {
            const string Digits = "0123456789ABCDEF";
            char[] text = new char[256];
            int length = 0;
            long end = NowMs + ms;
            while (NowMs < end)
            {
                int n = _wire.HostLink.Read(_rx, 0, _rx.Length, (int)(end - NowMs));
                for (int i = 0; i < n && length + 4 <= text.Length; i++)
                {
                    byte b = _rx[i];
                    if (b == '\r' || b == '\n' || (b >= 0x20 && b < 0x7F))
                    {
                        text[length++] = (char)b;
                    }
                    else
                    {
                        text[length++] = '\\';
                        text[length++] = 'x';
                        text[length++] = Digits[b >> 4];
                        text[length++] = Digits[b & 0xF];
                    }
                }
            }

            return new string(text, 0, length);
        }

        /// <summary>Reads and drops what arrives within <paramref name="ms"/>; returns how many bytes that was.</summary>
        public int Drain(int ms)
        {
            int count = 0;
            long end = NowMs + ms;
            while (NowMs < end)
            {
                count += _wire.HostLink.Read(_rx, 0, _rx.Length, (int)(end - NowMs));
            }

            return count;
        }

        /// <summary>Resets the response decoder (after a power cycle).</summary>
        public void ResetDecoder()
        {
            _decoder.Reset();
        }
    }
}
