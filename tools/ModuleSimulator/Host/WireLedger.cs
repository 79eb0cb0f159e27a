using System;
using System.Collections.Generic;
using System.Text;
using McuUpdater.Protocol;

namespace McuUpdater.Simulator.Host
{
    /// <summary>
    /// What actually happened on a campaign's wire, so a run is judged by evidence: which DATA
    /// frames the module accepted with bytes the updater never wrote (damaged, yet CRC-16 matched),
    /// which sends were hit by a fault, and whether each power-on that the updater gave up on is
    /// explained by its faults.
    /// </summary>
    /// <remarks>
    /// Sits on the wire as both line-fault filters (wrapping the plan's, so it sees the host's bytes
    /// before and after the faults) and as the tap (power changes). A "send" is one frame (or AT
    /// command) the updater writes; a "run" is consecutive sends of the same frame. A send is hit
    /// when its bytes or its answer were altered, when the idle line made up a byte that can
    /// matter to it (a 0xAA head either way; anything during the sync or the AT dialogue, or while
    /// the ROM is inside a frame or draining after a bad one), or when
    /// a block or AT fault fired while it was the frame on the wire. A power-on the updater gave
    /// up on is explained when a fault that forces a restart fired in it (flash error, power loss,
    /// a next beyond what was sent), its boot window was missed by plan, its sync was spoilt (a
    /// sync word or answer forged or damaged) and it ended at BEGIN or before, or every send of its
    /// last frame was hit (the retry budget spent on faults).
    /// </remarks>
    public sealed class WireLedger : IWireTap
    {
        private const int NoKey = -1;
        private const int TextKeyBase = -1000;
        private const int MaxVariants = 4;

        private readonly FaultPlan _plan;
        private ModuleSimulator _module;
        private readonly IWireTap _inner;
        private readonly List<string> _unexplained = new List<string>();
        private readonly bool[] _faultSeen;

        // Frames the updater wrote: per sequence, the CRC-32s of the distinct DATA payloads.
        private uint[] _written = new uint[64 * MaxVariants];
        private byte[] _variants = new byte[64];
        private readonly HashSet<int> _damagedSeqs = new HashSet<int>();

        // Streaming parse of the host's clean bytes.
        private readonly byte[] _header = new byte[Wire.HeaderLength + Wire.SequenceLength];
        private int _headerBytes;
        private int _frameLeft;
        private int _frameType;
        private uint _frameCrc;
        private int _frameSeq;

        // The current power-on.
        private bool _inPass;
        private int _pass;
        private bool _restartForced;
        private bool _syncHit;
        private bool _anyFrame;
        private int _runKey = NoKey;
        private int _runSends;
        private int _runHits;
        private bool _sendHit;
        private bool _nextSendHit;
        private int _maxSeqInPass;
        private string _passNote;
        private bool _heldNoise;
        private int _gmrNoiseSeen;
        private int _extraRepliesSeen;
        private int _atNoiseSeen;

        /// <summary>Creates a ledger for a run with <paramref name="plan"/>, forwarding tap calls to <paramref name="inner"/> (may be null).</summary>
        public WireLedger(FaultPlan plan, IWireTap inner)
        {
            _plan = plan;
            _inner = inner;
            _faultSeen = new bool[plan.BlockFaults.Count];
        }

        /// <summary>DATA frames the module accepted whose bytes the updater never wrote.</summary>
        public int DamagedAccepted { get; private set; }

        /// <summary>DATA frames the module accepted.</summary>
        public int Accepted { get; private set; }

        /// <summary>Power-ons the updater gave up on (or ended the run in) that no recorded fault explains.</summary>
        public int UnexplainedPasses => _unexplained.Count;

        /// <summary>Power-ons the updater gave up on, explained by their faults.</summary>
        public int ExplainedPasses { get; private set; }

        /// <summary>Sends that a fault hit.</summary>
        public int HitSends { get; private set; }

        /// <summary>DATA frames sent beyond the furthest block sent in the same power-on plus one (protocol.md forbids it).</summary>
        public int SentBeyond { get; private set; }

        /// <summary>The first thing that went against protocol.md, or null.</summary>
        public string Violation { get; private set; }

        /// <summary>A sentence per unexplained power-on.</summary>
        public string UnexplainedText => string.Join("; ", _unexplained);

        /// <summary>True when an accepted DATA frame for block <paramref name="seq"/> was damaged on the wire.</summary>
        public bool DamagedAcceptedAt(int seq) => _damagedSeqs.Contains(seq);

        /// <summary>Installs the ledger on <paramref name="wire"/> around the plan's line faults, as its tap, and on the module.</summary>
        public void Attach(VirtualWire wire, ModuleSimulator module)
        {
            wire.HostToModuleFault = new Side(this, wire.HostToModuleFault, true);
            wire.ModuleToHostFault = new Side(this, wire.ModuleToHostFault, false);
            wire.Tap = this;
            module.DataAccepted = OnAccepted;
            _module = module;
        }

        /// <summary>Closes the last power-on; <paramref name="failed"/> when the run ended in failure (it must be explained too).</summary>
        public void Finish(bool failed)
        {
            EndPass(failed);
        }

        void IWireTap.OnHostToModule(byte[] buffer, int offset, int count, long timeNs) => _inner?.OnHostToModule(buffer, offset, count, timeNs);

        void IWireTap.OnModuleToHost(byte[] buffer, int offset, int count, long timeNs) => _inner?.OnModuleToHost(buffer, offset, count, timeNs);

        void IWireTap.OnPower(bool on, long timeNs)
        {
            _inner?.OnPower(on, timeNs);
            if (on)
            {
                if (!_inPass)
                {
                    BeginPass();
                }
            }
            else
            {
                EndPass(true);
            }
        }

        private void BeginPass()
        {
            _inPass = true;
            _heldNoise = false;
            _pass++;
            _restartForced = false;
            _syncHit = false;
            _anyFrame = false;
            _runKey = NoKey;
            _runSends = 0;
            _runHits = 0;
            _sendHit = false;
            _nextSendHit = false;
            _maxSeqInPass = -1;
            _passNote = null;
        }

        private void EndPass(bool mustExplain)
        {
            if (!_inPass)
            {
                return;
            }

            PollFaults();
            FinishSend();
            _inPass = false;
            if (!mustExplain)
            {
                return;
            }

            bool missedBoot = _pass <= _plan.MissBootWindows;
            bool budgetSpent = _runSends > 0 && _runHits == _runSends;

            // A forged sync leaves the ROM outside command mode: BEGIN then goes unanswered.
            bool syncSpoilt = _syncHit && (!_anyFrame || _runKey == Command.DlBegin << 20);
            if (_restartForced || missedBoot || syncSpoilt || budgetSpent)
            {
                ExplainedPasses++;
                return;
            }

            string last = _runKey == NoKey ? "no frame sent" : "last frame " + KeyName(_runKey) + ": " + _runHits + " of " + _runSends + " sends hit";
            _unexplained.Add("power-on " + _pass + " (" + last + (_passNote != null ? ", " + _passNote : string.Empty) + ")");
        }

        private static string KeyName(int key)
        {
            if (key < NoKey)
            {
                return "AT command of " + (TextKeyBase - key) + " bytes";
            }

            int type = key >> 20;
            return type == Command.DlData ? "DATA " + (key & 0xFFFFF) : "type " + type;
        }

        // A new frame or AT command goes out.
        private void StartSend(int key)
        {
            PollFaults();

            // A frame that starts while the ROM is still inside (or draining) a frame a fault
            // spoilt is read as part of that damage.
            bool spoiltByLast = _sendHit && _module != null && _module.InsideFrame;
            FinishSend();
            if (key == _runKey)
            {
                _runSends++;
            }
            else
            {
                _runKey = key;
                _runSends = 1;
                _runHits = 0;
            }

            _anyFrame = true;
            _sendHit = _nextSendHit || spoiltByLast;
            _nextSendHit = false;
        }

        private void FinishSend()
        {
            if (_runKey != NoKey && _sendHit)
            {
                _runHits++;
                HitSends++;
            }

            _sendHit = false;
        }

        private void Hit()
        {
            if (!_anyFrame)
            {
                _syncHit = true;
            }
            else
            {
                _sendHit = true;
            }
        }

        // Block and AT faults that fired since the last look hit the send on the wire.
        private void PollFaults()
        {
            var faults = _plan.BlockFaults;
            for (int i = 0; i < _faultSeen.Length; i++)
            {
                BlockFault f = (BlockFault)faults[i];
                if (!f.Fired || _faultSeen[i])
                {
                    continue;
                }

                _faultSeen[i] = true;
                Hit();
                if (f.Kind == BlockFaultKind.DuplicateReply || f.Kind == BlockFaultKind.Slow || f.Kind == BlockFaultKind.NoiseHeader)
                {
                    // Its second or late answer, or the ROM's answer to the noise, can land in the next exchange.
                    _nextSendHit = true;
                }
                bool forces = f.Kind == BlockFaultKind.PowerLoss
                    || f.Kind == BlockFaultKind.EarlyFlashError
                    || (f.Kind == BlockFaultKind.Status && f.Value == Status.FlashError)
                    || f.Kind == BlockFaultKind.NextBeyondSent;
                if (forces)
                {
                    _restartForced = true;
                }
            }

            if (_module != null && _module.ExtraRepliesSent != _extraRepliesSeen)
            {
                // An extra reply fired long ago lands in the exchange on the wire now.
                _extraRepliesSeen = _module.ExtraRepliesSent;
                Hit();
            }

            if (_plan.GmrAnswerNoiseFired != _gmrNoiseSeen || _plan.NoiseBeforeAtCommandsFired != _atNoiseSeen)
            {
                _gmrNoiseSeen = _plan.GmrAnswerNoiseFired;
                _atNoiseSeen = _plan.NoiseBeforeAtCommandsFired;
                Hit();
            }
        }

        private bool InText => _runKey < NoKey;

        // The host's bytes before the line's faults: frames are recorded, each frame or AT command is a send.
        private void HostBytes(byte[] buffer, int offset, int count)
        {
            if (_headerBytes == 0 && _frameLeft == 0 && count > 0 && (buffer[offset] == (byte)'\r' || buffer[offset] == (byte)'A'))
            {
                StartSend(TextKeyBase - count);
                return;
            }

            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (_frameLeft > 0)
                {
                    int take = Math.Min(_frameLeft, count - i);
                    FrameBytes(buffer, offset + i, take);
                    i += take - 1;
                    continue;
                }

                if (_headerBytes == 0 && b != Wire.Head)
                {
                    // Sync bytes between frames.
                    continue;
                }

                _header[_headerBytes++] = b;
                if (_headerBytes == Wire.HeaderLength)
                {
                    _frameType = BigEndian.ReadUInt16(_header, 1);
                    int length = BigEndian.ReadUInt16(_header, 3);
                    _frameCrc = Crc32.Initial;
                    if (_frameType != Command.DlData || length < Wire.SequenceLength)
                    {
                        _headerBytes = 0;
                        _frameType = 0;
                        _frameLeft = length + Wire.CrcLength;
                        StartSend(BigEndian.ReadUInt16(_header, 1) << 20);
                    }
                }
                else if (_headerBytes == _header.Length)
                {
                    // Header and sequence of a DATA frame: the sequence goes into the payload's CRC.
                    _headerBytes = 0;
                    _frameSeq = (int)BigEndian.ReadUInt32(_header, Wire.HeaderLength);
                    _frameCrc = Crc32.Update(Crc32.Initial, _header, Wire.HeaderLength, Wire.SequenceLength);
                    _frameLeft = BigEndian.ReadUInt16(_header, 3) - Wire.SequenceLength + Wire.CrcLength;
                    DataFrameStarts(_frameSeq);
                }
            }
        }

        private void DataFrameStarts(int seq)
        {
            if (seq > _maxSeqInPass + 1 && Violation == null)
            {
                SentBeyond++;
                Violation = "DATA " + seq + " sent when the furthest block sent since power-on was " + _maxSeqInPass;
            }
            else if (seq > _maxSeqInPass + 1)
            {
                SentBeyond++;
            }

            if (seq > _maxSeqInPass)
            {
                _maxSeqInPass = seq;
            }

            StartSend((Command.DlData << 20) | (seq & 0xFFFFF));
        }

        private void FrameBytes(byte[] buffer, int offset, int count)
        {
            int payload = _frameLeft - Wire.CrcLength;
            if (_frameType == Command.DlData && payload > 0)
            {
                _frameCrc = Crc32.Update(_frameCrc, buffer, offset, Math.Min(count, payload));
            }

            _frameLeft -= count;
            if (_frameLeft == 0 && _frameType == Command.DlData)
            {
                RecordWritten(_frameSeq, Crc32.Finish(_frameCrc));
            }
        }

        private void RecordWritten(int seq, uint crc)
        {
            if (seq >= _variants.Length)
            {
                int size = Math.Max(seq + 1, 2 * _variants.Length);
                Array.Resize(ref _variants, size);
                Array.Resize(ref _written, size * MaxVariants);
            }

            int n = _variants[seq];
            for (int i = 0; i < n; i++)
            {
                if (_written[(seq * MaxVariants) + i] == crc)
                {
                    return;
                }
            }

            if (n < MaxVariants)
            {
                _written[(seq * MaxVariants) + n] = crc;
                _variants[seq] = (byte)(n + 1);
            }
        }

        private void OnAccepted(byte[] data, int offset, int length)
        {
            Accepted++;
            int seq = (int)BigEndian.ReadUInt32(data, offset);
            uint crc = Crc32.Compute(data, offset, length);
            int n = seq < _variants.Length ? _variants[seq] : 0;
            for (int i = 0; i < n; i++)
            {
                if (_written[(seq * MaxVariants) + i] == crc)
                {
                    return;
                }
            }

            DamagedAccepted++;
            _damagedSeqs.Add(seq);
        }

        private void IdleNoise(bool towardsModule, byte b)
        {
            if (!_inPass)
            {
                return;
            }

            if (!_anyFrame)
            {
                // During the sync only a byte that forges a sync word or its answer matters (a 0x5B
                // from noise ends the ticker on a ROM that never heard 0xB5); a head spoils BEGIN.
                bool forges = towardsModule ? b == Wire.SyncWord1 || b == Wire.SyncWord2 : b == Wire.SyncWordRsp1 || b == Wire.SyncWordRsp2;
                _syncHit |= forges;
                _nextSendHit |= towardsModule && b == Wire.Head;
                return;
            }

            if (towardsModule && _module != null && _module.HoldingInput)
            {
                // The ROM reads it only after its pending answer: it spoils what comes then.
                _heldNoise = true;
            }

            if (b == Wire.Head || InText || (towardsModule && _module != null && _module.InsideFrame))
            {
                // A head the ROM (or the host's decoder) takes for a frame, a byte in an AT line, or
                // any byte while the ROM is inside a frame or draining after a bad one: it spoils
                // the exchange on the wire and, towards the module, the next one too.
                _sendHit = true;
                if (towardsModule)
                {
                    _nextSendHit = true;
                }
            }
        }

        /// <summary>One direction's filter: the plan's faults, seen before and after.</summary>
        private sealed class Side : ILineFault
        {
            private readonly WireLedger _ledger;
            private readonly ILineFault _inner;
            private readonly bool _towardsModule;

            public Side(WireLedger ledger, ILineFault inner, bool towardsModule)
            {
                _ledger = ledger;
                _inner = inner;
                _towardsModule = towardsModule;
            }

            public int MaxOutput(int count) => _inner == null ? count : _inner.MaxOutput(count);

            public int Apply(byte[] input, int offset, int count, byte[] output, int outputOffset, long timeNs)
            {
                if (_towardsModule)
                {
                    _ledger.HostBytes(input, offset, count);
                }
                else if (_ledger._heldNoise)
                {
                    // The ROM answers, then reads the noise that waited in its FIFO.
                    _ledger._heldNoise = false;
                    _ledger._sendHit = true;
                    _ledger._nextSendHit = true;
                }

                if (_inner == null)
                {
                    Array.Copy(input, offset, output, outputOffset, count);
                    return count;
                }

                int n = _inner.Apply(input, offset, count, output, outputOffset, timeNs);
                if (n != count || !input.AsSpan(offset, count).SequenceEqual(output.AsSpan(outputOffset, n)))
                {
                    _ledger.Hit();
                    if (_towardsModule)
                    {
                        // A dropped or extra byte shifts the ROM's framing into whatever comes next.
                        _ledger._nextSendHit = true;
                    }
                }

                return n;
            }

            public long NextIdleNoiseNs(long afterNs) => _inner == null ? long.MaxValue : _inner.NextIdleNoiseNs(afterNs);

            public byte IdleNoiseByte()
            {
                byte b = _inner.IdleNoiseByte();
                _ledger.IdleNoise(_towardsModule, b);
                return b;
            }
        }
    }
}
