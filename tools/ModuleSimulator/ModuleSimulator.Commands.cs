using System;
using McuUpdater.Protocol;

namespace McuUpdater.Simulator
{
    /// <summary>Command mode: every frame checked as the boot ROM does, the download kept, replies paced by flash time.</summary>
    public sealed partial class ModuleSimulator
    {
        private FrameDecoder _decoder;
        private readonly byte[] _tx = new byte[16];
        private readonly byte[] _extraReply = new byte[16];
        private int _extraReplyLength;
        private byte[] _pending = new byte[64];
        private int _pendingLength;
        private bool _busy;
        private byte[] _hold = new byte[256];
        private byte[] _holdSpare = new byte[256];
        private int _holdCount;
        private bool _begun;
        private uint _expected;
        private bool _oddSeen;
        private int _firstBlockLength;
        private long _furthestAccepted = -1;
        private int _burstFill;
        private readonly byte[] _header = new byte[Wire.HeaderLength];
        private int _headerBytes;
        private int _frameLeft;
        private bool _draining;

        /// <summary>Optional observer of every DATA frame the ROM accepts (sequence and block as written to flash).</summary>
        public DataAcceptedHandler DataAccepted { get; set; }

        /// <summary>True while the ROM is inside a frame or draining the line after a bad one: a stray byte now changes what it makes of the next frame.</summary>
        public bool InsideFrame
        {
            get { return InCommandPhase && (_draining || _headerBytes > 0 || _frameLeft > 0 || _decoder.InFrame); }
        }

        /// <summary>True while the ROM is writing flash: what arrives waits in its receive FIFO until the pending answer has gone out.</summary>
        public bool HoldingInput
        {
            get { return InCommandPhase && _busy; }
        }

        /// <summary>Extra replies (the plan's <see cref="BlockFaultKind.ExtraReply"/>) sent so far: each lands in a later exchange than the one it answers.</summary>
        public int ExtraRepliesSent { get; private set; }

        /// <summary>Sequence the ROM expects next.</summary>
        public uint ExpectedSequence
        {
            get { return _expected; }
        }

        /// <summary>MTU the ROM advertises.</summary>
        public int Mtu
        {
            get { return _options.Mtu; }
        }

        private void CreateCommandState()
        {
            int maxData = _options.Mtu + _options.MtuSlack - Wire.FrameOverhead;
            _decoder = new FrameDecoder(maxData > 0xFFFF ? 0xFFFF : maxData);
        }

        private void ResetCommandState()
        {
            DropFrame();
            _pendingLength = 0;
            _busy = false;
            _holdCount = 0;
            _begun = false;
        }

        private void EnterCommandMode()
        {
            Phase = ModulePhase.CommandMode;
            DropFrame();
        }

        private bool InCommandPhase
        {
            get { return Phase == ModulePhase.CommandMode || Phase == ModulePhase.Downloading || Phase == ModulePhase.Done; }
        }

        // Feeds the core's FrameDecoder with ROM semantics: the header a byte at a time, then exactly
        // the announced rest of the frame, so a frame that fails is dropped whole (a ROM does not
        // re-scan inside a bad frame the way the host-side decoder does) and is answered once.
        private void CommandBytes(byte[] buffer, int offset, int count)
        {
            int used = 0;
            while (used < count)
            {
                if (_busy)
                {
                    // Writing flash: bytes wait in the receive FIFO until the answer has gone out.
                    Hold(buffer, offset + used, count - used);
                    return;
                }

                if (_draining)
                {
                    // After an oversize header the ROM throws bytes away until the line goes quiet.
                    _timers.Arm(TimerInterByte, _line.NowNs + _options.InterByteTimeoutMs * NsPerMs);
                    return;
                }

                if (_frameLeft == 0 && _headerBytes == 0 && !_decoder.InFrame && buffer[offset + used] == Wire.Head && HeaderFault())
                {
                    // The frame's head landed in a drain: it and the rest of the frame are lost.
                    continue;
                }

                int take = _frameLeft > 0 ? (_frameLeft < count - used ? _frameLeft : count - used) : 1;
                long oversize = _decoder.OversizeFrames;
                int n = _decoder.Feed(buffer, offset + used, take);
                bool headerDone = false;
                bool frameDone = false;
                if (_frameLeft > 0)
                {
                    _frameLeft -= n;
                    frameDone = _frameLeft == 0;
                }
                else if (_headerBytes > 0 || _decoder.InFrame)
                {
                    _header[_headerBytes++] = buffer[offset + used];
                    if (_headerBytes == Wire.HeaderLength)
                    {
                        _headerBytes = 0;
                        _frameLeft = BigEndian.ReadUInt16(_header, 3) + Wire.CrcLength;
                        headerDone = true;
                    }
                }

                used += n;
                if (headerDone && _decoder.OversizeFrames != oversize)
                {
                    DropFrame();
                    _draining = true;
                    OnOversize();
                }
                else if (frameDone)
                {
                    // The frame's last byte is in: either it decoded, or its CRC failed (whatever
                    // the decoder began re-scanning inside it is dropped).
                    if (_decoder.HasFrame)
                    {
                        OnFrame();
                    }
                    else
                    {
                        DropFrame();
                        OnBadCrc();
                    }
                }

                if (!InCommandPhase)
                {
                    return;
                }
            }

            if (_decoder.InFrame)
            {
                _timers.Arm(TimerInterByte, _line.NowNs + _options.InterByteTimeoutMs * NsPerMs);
            }
            else
            {
                _timers.Disarm(TimerInterByte);
            }
        }

        // A fault acting where a DATA frame starts (its 0xAA is the next byte); true when the ROM now drains the line.
        private bool HeaderFault()
        {
            if (_faults == null || !_begun)
            {
                return false;
            }

            BlockFault fault = _faults.TakeAtHeader((int)_expected);
            if (fault == null)
            {
                return false;
            }

            Reject(RejectReason.Injected);
            if (fault.Kind == BlockFaultKind.EarlyFlashError)
            {
                _begun = false;
                ReplyData(Status.FlashError, _expected, 0);
            }
            else if (_options.Variant == RomVariant.SpreadtrumQuirks)
            {
                // An oversize length: status 6, then the ROM drains until the line is quiet.
                ReplyData(Status.QuirkOversize, _expected, 0);
            }
            else
            {
                // A DATA frame too short for a sequence: status 4 naming the block it wants.
                ReplyData(Status.PackageError, _expected, 0);
                return false;
            }

            DropFrame();
            _draining = true;
            _timers.Arm(TimerInterByte, _line.NowNs + _options.InterByteTimeoutMs * NsPerMs);
            return true;
        }

        private void SendExtraReply()
        {
            if (InCommandPhase)
            {
                ExtraRepliesSent++;
                _line.Send(_extraReply, 0, _extraReplyLength);
            }
        }

        private void DropFrame()
        {
            _draining = false;
            _decoder.Reset();
            _headerBytes = 0;
            _frameLeft = 0;
        }

        private void Hold(byte[] buffer, int offset, int count)
        {
            if (_holdCount + count > _hold.Length)
            {
                byte[] grown = new byte[2 * (_holdCount + count)];
                Array.Copy(_hold, grown, _holdCount);
                _hold = grown;
            }

            Array.Copy(buffer, offset, _hold, _holdCount, count);
            _holdCount += count;
        }

        private void InterByteTimeout()
        {
            if (_draining)
            {
                _draining = false;
                return;
            }

            if (!InCommandPhase || !_decoder.InFrame)
            {
                return;
            }

            DropFrame();
            Reject(RejectReason.Truncated);
            if (_options.Variant == RomVariant.SpreadtrumQuirks)
            {
                ReplyData(Status.QuirkTruncated, _expected, 0);
            }
        }

        private void OnOversize()
        {
            Reject(RejectReason.Oversize);
            if (_options.Variant == RomVariant.SpreadtrumQuirks)
            {
                ReplyData(Status.QuirkOversize, _expected, 0);
            }
        }

        private void OnBadCrc()
        {
            Reject(RejectReason.BadCrc);
            if (!_begun)
            {
                // Nothing to name in a reply before BEGIN: both ROMs stay silent.
                return;
            }

            if (_options.Variant == RomVariant.SpreadtrumQuirks)
            {
                // The quirk ROM answers with a BEGIN_RSP-typed frame: status 1, then 0.
                Reply(FrameEncoder.EncodeBeginResponse(_tx, 0, Status.CrcError, 0), 0);
            }
            else
            {
                ReplyData(Status.CrcError, _expected, 0);
            }
        }

        private void OnFrame()
        {
            byte[] data = _decoder.Buffer;
            int at = _decoder.DataOffset;
            int length = _decoder.Length;
            switch (_decoder.Type)
            {
                case Command.DlBegin:
                    if (length != 4)
                    {
                        Reject(RejectReason.BadLength);
                        return;
                    }

                    StartDownload();
                    FramesAccepted++;
                    Reply(FrameEncoder.EncodeBeginResponse(_tx, 0, Status.Success, _options.Mtu), 0);
                    return;

                case Command.DlData:
                    OnData(data, at, length);
                    return;

                case Command.DlEnd:
                    OnEnd(length);
                    return;

                case Command.RunGsmSw:
                    if (length != 0)
                    {
                        Reject(RejectReason.BadLength);
                        return;
                    }

                    FramesAccepted++;
                    Reply(FrameEncoder.EncodeStatusResponse(_tx, 0, Command.RunGsmSwRsp, _options.EffectiveRunStatus), 0);
                    Phase = ModulePhase.RunningFirmware;
                    StartFirmware(_busy ? _pendingDueNs - _line.NowNs : 0);
                    return;

                default:
                    Reject(RejectReason.UnknownCommand);
                    return;
            }
        }

        private void StartDownload()
        {
            // Flash is erased from here on: a cut-off download leaves no valid firmware.
            _begun = true;
            Downloads++;
            _firmwareValid = false;
            _firmwareVersion = null;
            _image.Reset();
            _expected = 0;
            _oddSeen = false;
            _firstBlockLength = 0;
            _furthestAccepted = -1;
            _burstFill = 0;
            Phase = ModulePhase.Downloading;
        }

        private void OnEnd(int length)
        {
            if (length != 0)
            {
                Reject(RejectReason.BadLength);
                return;
            }

            if (Phase == ModulePhase.Done)
            {
                // A resent END (its answer was lost) gets the same answer again.
                FramesAccepted++;
                Reply(FrameEncoder.EncodeStatusResponse(_tx, 0, Command.DlEndRsp, Status.Success), 0);
                return;
            }

            if (!_begun)
            {
                Reject(RejectReason.NotStarted);
                Reply(FrameEncoder.EncodeStatusResponse(_tx, 0, Command.DlEndRsp, Status.PackageError), 0);
                return;
            }

            if (_options.ExpectedImageSize >= 0 && _image.Length < _options.ExpectedImageSize)
            {
                Reject(RejectReason.NotStarted);
                Reply(FrameEncoder.EncodeStatusResponse(_tx, 0, Command.DlEndRsp, Status.PackageError), 0);
                return;
            }

            FramesAccepted++;
            _begun = false;
            _firmwareValid = true;
            _firmwareVersion = _options.NewFirmwareVersion;
            Phase = ModulePhase.Done;
            Reply(FrameEncoder.EncodeStatusResponse(_tx, 0, Command.DlEndRsp, Status.Success), 0);
        }

        private void OnData(byte[] data, int at, int length)
        {
            if (!_begun)
            {
                Reject(RejectReason.NotStarted);
                ReplyData(Status.PackageError, 0, 0);
                return;
            }

            if (length < Wire.SequenceLength)
            {
                Reject(RejectReason.BadLength);
                ReplyData(Status.PackageError, _expected, 0);
                return;
            }

            uint sequence = BigEndian.ReadUInt32(data, at);
            int block = length - Wire.SequenceLength;
            if (sequence != _expected)
            {
                Reject(RejectReason.WrongSequence);
                ReplyData(Status.PackageError, _expected, 0);
                return;
            }

            BlockFault fault = _faults == null ? null : _faults.TakeFor((int)sequence);
            if (fault != null && fault.Kind == BlockFaultKind.PowerLoss)
            {
                LosePower();
                return;
            }

            if (fault != null && fault.Kind == BlockFaultKind.Status)
            {
                Reject(RejectReason.Injected);
                if (fault.Value == Status.FlashError)
                {
                    _begun = false;
                }

                ReplyData(fault.Value, sequence, 0);
                return;
            }

            if (!CheckBlock(sequence, block))
            {
                return;
            }

            if (sequence == 0)
            {
                _firstBlockLength = block;
            }

            DataAcceptedHandler accepted = DataAccepted;
            if (accepted != null)
            {
                accepted(data, at, length);
            }

            _image.Append(data, at + Wire.SequenceLength, block);
            _oddSeen = (block & 1) == 1;
            _expected = sequence + 1;
            if (sequence > _furthestAccepted)
            {
                _furthestAccepted = sequence;
            }
            FramesAccepted++;
            BlocksAccepted++;
            AnswerBlock(fault);
        }

        // The ROM's checks on an in-sequence block; false when it was refused (and answered).
        private bool CheckBlock(uint sequence, int block)
        {
            if (_oddSeen)
            {
                // The previous block was odd, so it was not the last: the image is misaligned.
                Reject(RejectReason.OddBlock);
                ReplyData(Status.PackageError, sequence, 0);
                return false;
            }

            int expectedSize = _options.ExpectedImageSize;
            if (expectedSize < 0)
            {
                return true;
            }

            if ((block & 1) == 1 && _image.Length + block < expectedSize)
            {
                Reject(RejectReason.OddBlock);
                ReplyData(Status.PackageError, sequence, 0);
                return false;
            }

            // Decision: an odd image ends with one 0xFF pad, so the limit is the size rounded up to even.
            if (_image.Length + block > ((expectedSize + 1) & ~1))
            {
                Reject(RejectReason.ImageTooLarge);
                if (_options.Variant == RomVariant.SpreadtrumQuirks)
                {
                    Hang();
                }
                else
                {
                    ReplyData(Status.PackageError, sequence, 0);
                }

                return false;
            }

            return true;
        }

        private void AnswerBlock(BlockFault fault)
        {
            int delayMs = FlashDelayMs();
            uint next = _expected;
            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case BlockFaultKind.Silence:
                        return;
                    case BlockFaultKind.Slow:
                        delayMs += fault.Value;
                        break;
                    case BlockFaultKind.DuplicateReply:
                        ReplyData(Status.Success, next, delayMs);
                        break;
                    case BlockFaultKind.ExtraReply:
                        _extraReplyLength = FrameEncoder.EncodeDataResponse(_extraReply, 0, Status.Success, next);
                        _timers.Arm(TimerExtraReply, _line.NowNs + (delayMs + fault.Value) * NsPerMs);
                        break;
                    case BlockFaultKind.NextBeyondSent:
                        // The host sends block k only after the ROM asked for it, so it cannot have
                        // sent beyond the furthest accepted + 1: this next is out of its bound.
                        next = (uint)(_furthestAccepted + 2 + fault.Value);
                        _expected = next;
                        break;
                    case BlockFaultKind.WrongNext:
                        next = (uint)fault.Value;
                        if (next < _expected && _firstBlockLength > 0)
                        {
                            // The ROM asks for an earlier block: it will rewrite from there.
                            _image.Truncate((int)next * _firstBlockLength);
                        }

                        _expected = next;
                        break;
                }
            }

            ReplyData(Status.Success, next, delayMs);
        }

        private int FlashDelayMs()
        {
            if (_options.Variant != RomVariant.SpreadtrumQuirks)
            {
                return _options.FlashWriteMs;
            }

            // Bursty: blocks are buffered and written every BurstBytes, which takes one long pause.
            _burstFill += _decoder.Length - Wire.SequenceLength;
            if (_options.BurstBytes > 0 && _burstFill >= _options.BurstBytes)
            {
                _burstFill -= _options.BurstBytes;
                return _options.BurstWriteMs;
            }

            return 0;
        }

        private void Hang()
        {
            Phase = ModulePhase.Hung;
            _timers.Clear();
            _pendingLength = 0;
            _busy = false;
            _holdCount = 0;
        }

        private void ReplyData(int status, uint next, int delayMs)
        {
            Reply(FrameEncoder.EncodeDataResponse(_tx, 0, status, next), delayMs);
        }

        private long _pendingDueNs;

        // Sends _tx now, or after delayMs (plus the plan's slow-answer delay); replies queue behind a pending one.
        private void Reply(int length, int delayMs)
        {
            if (_faults != null)
            {
                delayMs += _faults.ExtraReplyDelayMs;
            }

            if (delayMs <= 0 && !_busy)
            {
                _line.Send(_tx, 0, length);
                return;
            }

            if (_pendingLength + length > _pending.Length)
            {
                byte[] grown = new byte[2 * (_pendingLength + length)];
                Array.Copy(_pending, grown, _pendingLength);
                _pending = grown;
            }

            Array.Copy(_tx, 0, _pending, _pendingLength, length);
            _pendingLength += length;
            if (!_busy)
            {
                _busy = true;
                _pendingDueNs = _line.NowNs + delayMs * NsPerMs;
                _timers.Arm(TimerReply, _pendingDueNs);
            }
        }

        private void SendPendingReply()
        {
            if (_pendingLength > 0)
            {
                _line.Send(_pending, 0, _pendingLength);
            }

            _pendingLength = 0;
            _busy = false;
            if (!InCommandPhase)
            {
                _holdCount = 0;
                return;
            }

            // Now process what queued up meanwhile (swap buffers: processing may hold again).
            byte[] held = _hold;
            int n = _holdCount;
            _hold = _holdSpare;
            _holdSpare = held;
            _holdCount = 0;
            CommandBytes(held, 0, n);
        }
    }
}
