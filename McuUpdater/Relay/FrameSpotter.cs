using System;
using McuUpdater.Protocol;

namespace McuUpdater.Relay
{
    /// <summary>
    /// Finds frame boundaries in a relayed byte stream for the relay's counters, gap timing and
    /// CMD_RUN_GSMSW detection, at a cost per frame rather than per byte.
    /// </summary>
    /// <remarks>
    /// <para>Unlike <see cref="FrameDecoder"/> it never keeps the stream: heads are found with
    /// <c>Array.IndexOf</c> (a native scan on nanoFramework, not an interpreted loop), and only a
    /// candidate's header and, for short frames (responses, BEGIN/END/RUN), its data and CRC are
    /// copied — in blocks — into a small buffer where the CRC is checked; a short candidate that
    /// fails is scanned again from the byte after its head, as the decoder does. A long frame
    /// (DATA) is delimited by its length and skipped unread: checking its CRC would cost every
    /// byte, and the relay only needs to know where it ends.</para>
    /// <para>Used by one pump thread; nothing is allocated after construction.</para>
    /// </remarks>
    public sealed class FrameSpotter
    {
        /// <summary>Data length up to which a frame is held and CRC-checked: every response (6) and command but DATA.</summary>
        public const int CheckedDataLength = 16;

        // Array.IndexOf compares a boxed value of the element type: boxed once here, so a scan allocates nothing.
        private static readonly object HeadByte = Wire.Head;

        private const int StateHunt = 0;
        private const int StateHeld = 1;
        private const int StateSkip = 2;

        private readonly int _maxDataLength;
        private readonly int _watchedType;
        private readonly byte[] _held = new byte[Wire.FrameOverhead + CheckedDataLength];

        private int _state;
        private int _heldCount;
        private int _heldTarget;
        private int _skipRemaining;

        /// <summary>Creates a spotter that takes lengths up to <paramref name="maxDataLength"/> and counts frames of <paramref name="watchedType"/> separately (-1: none).</summary>
        public FrameSpotter(int maxDataLength, int watchedType)
        {
            _maxDataLength = maxDataLength;
            _watchedType = watchedType;
        }

        /// <summary>Frames delimited: short ones with a good CRC, long ones by a head and a length in bounds.</summary>
        public long Frames { get; private set; }

        /// <summary>Short frames of the watched type with a good CRC.</summary>
        public long WatchedFrames { get; private set; }

        /// <summary>Bytes examined one at a time by managed code (header fields and the CRC of short frames): a device-independent cost measure.</summary>
        public long ByteSteps { get; private set; }

        /// <summary>True while a frame has begun and not ended.</summary>
        public bool InFrame
        {
            get { return _state != StateHunt; }
        }

        /// <summary>Index of the first frame head (0xAA) in <paramref name="count"/> bytes from <paramref name="offset"/>, or -1: a native scan on nanoFramework.</summary>
        public static int FindHead(byte[] buffer, int offset, int count)
        {
            return Array.IndexOf(buffer, HeadByte, offset, count);
        }

        /// <summary>Follows <paramref name="count"/> more bytes of the stream.</summary>
        public void Scan(byte[] buffer, int offset, int count)
        {
            int at = offset;
            int end = offset + count;
            while (at < end)
            {
                if (_state == StateHunt)
                {
                    int head = FindHead(buffer, at, end - at);
                    if (head < 0)
                    {
                        return;
                    }

                    int next = InPlace(buffer, head, end);
                    if (next >= 0)
                    {
                        at = next;
                        continue;
                    }

                    _held[0] = Wire.Head;
                    _heldCount = 1;
                    _heldTarget = Wire.HeaderLength;
                    _state = StateHeld;
                    at = head + 1;
                }
                else if (_state == StateSkip)
                {
                    int take = end - at < _skipRemaining ? end - at : _skipRemaining;
                    at += take;
                    _skipRemaining -= take;
                    if (_skipRemaining == 0)
                    {
                        Frames++;
                        _state = StateHunt;
                    }
                }
                else
                {
                    int take = _heldTarget - _heldCount;
                    take = end - at < take ? end - at : take;
                    Array.Copy(buffer, at, _held, _heldCount, take);
                    _heldCount += take;
                    at += take;
                    Settle();
                }
            }
        }

        /// <summary>Forgets a frame in progress (the line was reset).</summary>
        public void Reset()
        {
            _state = StateHunt;
            _heldCount = 0;
        }

        // The common case, a candidate whose header (and short body) is all in this chunk, settled
        // where it lies without copying: returns where to go on, or -1 when it runs past the chunk.
        private int InPlace(byte[] buffer, int head, int end)
        {
            if (end - head < Wire.HeaderLength)
            {
                return -1;
            }

            int length = BigEndian.ReadUInt16(buffer, head + 3);
            if (length > _maxDataLength)
            {
                ByteSteps += Wire.HeaderLength - 1;
                return head + 1;
            }

            if (length > CheckedDataLength)
            {
                ByteSteps += Wire.HeaderLength - 1;
                _skipRemaining = length + Wire.CrcLength;
                _state = StateSkip;
                return head + Wire.HeaderLength;
            }

            int body = Wire.HeaderLength + length;
            if (end - head < body + Wire.CrcLength)
            {
                return -1;
            }

            ByteSteps += body + Wire.CrcLength - 1;
            if (Crc16Xmodem.Compute(buffer, head + 1, body - 1) != BigEndian.ReadUInt16(buffer, head + body))
            {
                return head + 1;
            }

            Frames++;
            if (BigEndian.ReadUInt16(buffer, head + 1) == _watchedType)
            {
                WatchedFrames++;
            }

            return head + body + Wire.CrcLength;
        }

        // Acts on the held bytes until more input is needed: parses a complete header, checks a
        // complete short frame, and on a failed candidate rescans what it held.
        private void Settle()
        {
            while (_state == StateHeld && _heldCount >= _heldTarget)
            {
                if (_heldTarget == Wire.HeaderLength)
                {
                    ByteSteps += Wire.HeaderLength - 1;
                    int length = BigEndian.ReadUInt16(_held, 3);
                    if (length > _maxDataLength)
                    {
                        Rescan(1);
                    }
                    else if (length > CheckedDataLength)
                    {
                        // Whatever was held beyond the header (after a rescan) is part of the body
                        // being skipped; a long body is always longer than what the buffer holds.
                        _skipRemaining = length + Wire.CrcLength - (_heldCount - Wire.HeaderLength);
                        _heldCount = 0;
                        _state = StateSkip;
                    }
                    else
                    {
                        _heldTarget = Wire.FrameOverhead + length;
                    }

                    continue;
                }

                int body = _heldTarget - Wire.CrcLength;
                ByteSteps += body + Wire.CrcLength - 1;
                ushort crc = Crc16Xmodem.Compute(_held, 1, body - 1);
                if (crc != BigEndian.ReadUInt16(_held, body))
                {
                    Rescan(1);
                    continue;
                }

                Frames++;
                if (BigEndian.ReadUInt16(_held, 1) == _watchedType)
                {
                    WatchedFrames++;
                }

                // A frame found on a rescan may have bytes of the next one held behind it.
                Rescan(_heldTarget);
            }
        }

        // Goes on with the held bytes from index from: after a failed candidate the byte after its
        // head, after a frame the byte after its CRC. Hunts again when no head is among them.
        private void Rescan(int from)
        {
            int head = _heldCount > from ? FindHead(_held, from, _heldCount - from) : -1;
            if (head < 0)
            {
                _state = StateHunt;
                _heldCount = 0;
                return;
            }

            _heldCount -= head;
            Array.Copy(_held, head, _held, 0, _heldCount);
            _heldTarget = Wire.HeaderLength;
            _state = StateHeld;
        }
    }
}
