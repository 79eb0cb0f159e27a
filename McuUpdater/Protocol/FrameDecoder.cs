using System;

namespace McuUpdater.Protocol
{
    /// <summary>
    /// Streaming frame decoder: takes any chunking of the byte stream, resynchronises on 0xAA,
    /// bounds the length, checks the CRC, and counts what it had to throw away.
    /// </summary>
    /// <remarks>
    /// Every byte from a candidate head onward is kept in one preallocated buffer, so when a
    /// candidate fails (oversize length or bad CRC) the scan restarts at the byte after its head
    /// instead of losing a real frame that began inside it. A completed frame stays readable
    /// (<see cref="Buffer"/> at <see cref="DataOffset"/>) until the next call to <see cref="Feed"/>.
    /// Nothing is allocated after construction.
    /// </remarks>
    public sealed class FrameDecoder
    {
        private const int StateHead = 0;
        private const int StateType = 1;
        private const int StateLength = 2;
        private const int StateData = 3;
        private const int StateCrc = 4;

        private readonly byte[] _raw;
        private readonly int _maxDataLength;

        // _raw[_start.._end) holds the current candidate (from its head) followed by bytes still to
        // be re-scanned after a failure; _pos is the next byte to process.
        private int _start;
        private int _pos;
        private int _end;

        private int _state;
        private int _fieldBytes;
        private int _dataRemaining;
        private ushort _crc;

        /// <summary>Creates a decoder that accepts frames with up to <paramref name="maxDataLength"/> data bytes.</summary>
        public FrameDecoder(int maxDataLength)
        {
            if (maxDataLength < 0 || maxDataLength > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("maxDataLength", "0 to 65535");
            }

            _maxDataLength = maxDataLength;
            _raw = new byte[Wire.FrameOverhead + maxDataLength];
        }

        /// <summary>Largest data length accepted; longer frames are rejected as oversize.</summary>
        public int MaxDataLength
        {
            get { return _maxDataLength; }
        }

        /// <summary>True right after <see cref="Feed"/> completed a frame; cleared by the next call.</summary>
        public bool HasFrame { get; private set; }

        /// <summary>Type field of the completed frame.</summary>
        public ushort Type { get; private set; }

        /// <summary>Data length of the completed frame.</summary>
        public int Length { get; private set; }

        /// <summary>The buffer holding the completed frame.</summary>
        public byte[] Buffer
        {
            get { return _raw; }
        }

        /// <summary>Where the completed frame's data starts in <see cref="Buffer"/>.</summary>
        public int DataOffset { get; private set; }

        /// <summary>Where the completed frame's head byte is in <see cref="Buffer"/>.</summary>
        public int FrameOffset { get; private set; }

        /// <summary>Frames completed with a good CRC.</summary>
        public long Frames { get; private set; }

        /// <summary>Bytes thrown away while hunting for a head (noise, heads of failed candidates).</summary>
        public long DiscardedBytes { get; private set; }

        /// <summary>Candidates whose CRC did not match.</summary>
        public long BadCrcFrames { get; private set; }

        /// <summary>Candidates whose length exceeded <see cref="MaxDataLength"/>.</summary>
        public long OversizeFrames { get; private set; }

        /// <summary>True while a frame has been started but not finished (useful to tell "cut short" from silence).</summary>
        public bool InFrame
        {
            get { return _state != StateHead; }
        }

        /// <summary>Reads a big-endian u16 at <paramref name="index"/> of the completed frame's data.</summary>
        public ushort DataUInt16(int index)
        {
            return BigEndian.ReadUInt16(_raw, DataOffset + index);
        }

        /// <summary>Reads a big-endian u32 at <paramref name="index"/> of the completed frame's data.</summary>
        public uint DataUInt32(int index)
        {
            return BigEndian.ReadUInt32(_raw, DataOffset + index);
        }

        /// <summary>Drops any partial frame and pending bytes (e.g. after a timeout or a power cycle).</summary>
        public void Reset()
        {
            _start = 0;
            _pos = 0;
            _end = 0;
            _state = StateHead;
            HasFrame = false;
        }

        /// <summary>Zeroes the counters.</summary>
        public void ResetCounters()
        {
            Frames = 0;
            DiscardedBytes = 0;
            BadCrcFrames = 0;
            OversizeFrames = 0;
        }

        /// <summary>
        /// Consumes input until a frame completes or the input is used up; returns how many input
        /// bytes were consumed. After a frame, call again with the rest (and once more with none
        /// while <see cref="HasFrame"/> is true: bytes re-scanned after a failure may hold another).
        /// </summary>
        public int Feed(byte[] input, int offset, int count)
        {
            HasFrame = false;
            int consumed = 0;
            while (true)
            {
                if (_pos == _end)
                {
                    if (consumed == count)
                    {
                        return consumed;
                    }

                    consumed += Append(input, offset + consumed, count - consumed);
                }

                if (Step())
                {
                    return consumed;
                }
            }
        }

        // Moves input into _raw for processing: one byte when hunting for a head, otherwise as much
        // of the current field as is available (type and length together), so a frame is copied in
        // four blocks — head, header, data, CRC — never byte by byte.
        private int Append(byte[] input, int offset, int count)
        {
            if (_state == StateHead)
            {
                _start = 0;
                _pos = 0;
                _end = 0;
            }
            else if (_start > 0 && _end + count > _raw.Length)
            {
                Compact();
            }

            int take = 1;
            if (_state == StateData && _dataRemaining > 1)
            {
                take = _dataRemaining;
            }
            else if (_state == StateType)
            {
                take = 4 - _fieldBytes;
            }
            else if (_state == StateLength || _state == StateCrc)
            {
                take = 2 - _fieldBytes;
            }

            if (take > count)
            {
                take = count;
            }

            int space = _raw.Length - _end;
            if (take > space)
            {
                take = space;
            }

            Array.Copy(input, offset, _raw, _end, take);
            _end += take;
            return take;
        }

        private void Compact()
        {
            int n = _end - _start;
            Array.Copy(_raw, _start, _raw, 0, n);
            _pos -= _start;
            _end = n;
            _start = 0;
        }

        // Processes bytes in _raw[_pos.._end); returns true when a frame completed.
        private bool Step()
        {
            while (_pos < _end)
            {
                switch (_state)
                {
                    case StateHead:
                        if (_raw[_pos] == Wire.Head)
                        {
                            _start = _pos;
                            _state = StateType;
                            _fieldBytes = 0;
                            _crc = Crc16Xmodem.Initial;
                        }
                        else
                        {
                            DiscardedBytes++;
                            _start = _pos + 1;
                        }

                        _pos++;
                        break;

                    case StateType:
                        _crc = Crc16Xmodem.Update(_crc, _raw[_pos]);
                        _pos++;
                        if (++_fieldBytes == 2)
                        {
                            _state = StateLength;
                            _fieldBytes = 0;
                        }

                        break;

                    case StateLength:
                        _crc = Crc16Xmodem.Update(_crc, _raw[_pos]);
                        _pos++;
                        if (++_fieldBytes == 2)
                        {
                            int length = BigEndian.ReadUInt16(_raw, _start + 3);
                            if (length > _maxDataLength)
                            {
                                OversizeFrames++;
                                Reject();
                                break;
                            }

                            _dataRemaining = length;
                            _fieldBytes = 0;
                            _state = length == 0 ? StateCrc : StateData;
                        }

                        break;

                    case StateData:
                        int n = _end - _pos;
                        if (n > _dataRemaining)
                        {
                            n = _dataRemaining;
                        }

                        _crc = Crc16Xmodem.Update(_crc, _raw, _pos, n);
                        _pos += n;
                        _dataRemaining -= n;
                        if (_dataRemaining == 0)
                        {
                            _state = StateCrc;
                        }

                        break;

                    default:
                        _pos++;
                        if (++_fieldBytes == 2)
                        {
                            return Finish();
                        }

                        break;
                }
            }

            return false;
        }

        private bool Finish()
        {
            ushort received = BigEndian.ReadUInt16(_raw, _pos - 2);
            if (received != _crc)
            {
                BadCrcFrames++;
                Reject();
                return false;
            }

            Frames++;
            HasFrame = true;
            FrameOffset = _start;
            Type = BigEndian.ReadUInt16(_raw, _start + 1);
            Length = BigEndian.ReadUInt16(_raw, _start + 3);
            DataOffset = _start + Wire.HeaderLength;
            _state = StateHead;
            _start = _pos;
            return true;
        }

        // The candidate at _start was not a frame: drop its head and scan again from the next byte.
        private void Reject()
        {
            DiscardedBytes++;
            _start++;
            _pos = _start;
            _state = StateHead;
        }
    }
}
