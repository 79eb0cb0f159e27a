using System;

namespace McuUpdater.Simulator
{
    /// <summary>One direction of a UART in virtual time: a byte queue whose bytes arrive at exact, drift-free times.</summary>
    /// <remarks>
    /// Bytes written while the line is busy continue the current burst, and byte j of a burst
    /// arrives at <c>burstStart + (j + 1) * 10e9 / baud</c> (integer division), so a long transfer
    /// never accumulates rounding. Each write is kept as a record so delivery can stop at write
    /// boundaries (a frame written in one call reaches the module in one piece). The byte ring and
    /// the record ring are preallocated and only grow when a write does not fit.
    /// </remarks>
    internal sealed class PacedLine
    {
        // 10 bits per byte (start, 8 data, stop) times 1e9 ns per second.
        private const long BitNsPerByte = 10L * 1000000000L;

        private readonly long _baud;

        private byte[] _data;
        private int _head;
        private int _count;

        private long[] _recBurst;
        private long[] _recFirst;
        private int[] _recLen;
        private int _recHead;
        private int _recCount;
        private int _consumed;

        private long _burstStart;
        private long _burstBytes;
        private long _lastTakenArrival;

        public PacedLine(int baud, int capacity)
        {
            _baud = baud;
            _data = new byte[capacity];
            _recBurst = new long[64];
            _recFirst = new long[64];
            _recLen = new int[64];
        }

        /// <summary>Bytes queued and not yet taken.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Time the last queued byte has fully arrived; the line is idle from then on.</summary>
        public long FreeAtNs
        {
            get { return _burstStart + _burstBytes * BitNsPerByte / _baud; }
        }

        /// <summary>Time from which at most <paramref name="bytes"/> bytes of the current burst are still to arrive.</summary>
        public long BacklogAtMostNs(long bytes)
        {
            long arrived = _burstBytes - (bytes > 0 ? bytes : 0);
            return arrived <= 0 ? _burstStart : _burstStart + arrived * BitNsPerByte / _baud;
        }

        /// <summary>Arrival time of the last byte returned by <see cref="Take"/>.</summary>
        public long LastTakenArrivalNs
        {
            get { return _lastTakenArrival; }
        }

        /// <summary>Arrival of the next byte not yet taken, or <c>long.MaxValue</c>.</summary>
        public long NextArrivalNs
        {
            get { return _count == 0 ? long.MaxValue : Arrival(_recHead, _consumed); }
        }

        /// <summary>Arrival of the last byte of the oldest write, or <c>long.MaxValue</c>.</summary>
        public long RecordEndNs
        {
            get { return _count == 0 ? long.MaxValue : Arrival(_recHead, _recLen[_recHead] - 1); }
        }

        /// <summary>Arrival of the last byte of the next <paramref name="chunk"/> bytes of the oldest write, or <c>long.MaxValue</c>.</summary>
        public long ChunkEndNs(int chunk)
        {
            if (_count == 0)
            {
                return long.MaxValue;
            }

            int last = _consumed + chunk;
            if (last > _recLen[_recHead])
            {
                last = _recLen[_recHead];
            }

            return Arrival(_recHead, last - 1);
        }

        /// <summary>Bytes of the oldest write not yet taken.</summary>
        public int RecordRemaining
        {
            get { return _count == 0 ? 0 : _recLen[_recHead] - _consumed; }
        }

        /// <summary>Queues bytes at <paramref name="nowNs"/>; returns when the first of them starts on the line.</summary>
        public long Enqueue(byte[] buffer, int offset, int count, long nowNs)
        {
            if (nowNs >= FreeAtNs)
            {
                _burstStart = nowNs;
                _burstBytes = 0;
            }

            long start = FreeAtNs;
            if (count <= 0)
            {
                return start;
            }

            EnsureSpace(count);
            int tail = (_head + _count) % _data.Length;
            int first = _data.Length - tail;
            if (first >= count)
            {
                Array.Copy(buffer, offset, _data, tail, count);
            }
            else
            {
                Array.Copy(buffer, offset, _data, tail, first);
                Array.Copy(buffer, offset + first, _data, 0, count - first);
            }

            _count += count;
            if (_recCount == _recLen.Length)
            {
                GrowRecords();
            }

            int r = (_recHead + _recCount) % _recLen.Length;
            _recBurst[r] = _burstStart;
            _recFirst[r] = _burstBytes;
            _recLen[r] = count;
            _recCount++;
            _burstBytes += count;
            return start;
        }

        /// <summary>How many bytes of the oldest write, not yet taken, have arrived by <paramref name="timeNs"/>.</summary>
        public int ArrivedInRecord(long timeNs)
        {
            return _count == 0 ? 0 : ArrivedIn(_recHead, _consumed, timeNs);
        }

        /// <summary>Takes up to <paramref name="count"/> bytes, across writes, that have arrived by <paramref name="timeNs"/>.</summary>
        public int TakeArrived(long timeNs, byte[] buffer, int offset, int count)
        {
            int taken = 0;
            while (taken < count && _count > 0)
            {
                int remaining = RecordRemaining;
                int n = ArrivedInRecord(timeNs);
                if (n > count - taken)
                {
                    n = count - taken;
                }

                if (n == 0)
                {
                    break;
                }

                Take(buffer, offset + taken, n);
                taken += n;
                if (n < remaining)
                {
                    break;
                }
            }

            return taken;
        }

        /// <summary>Takes <paramref name="count"/> bytes (at most <see cref="RecordRemaining"/>) of the oldest write.</summary>
        public void Take(byte[] buffer, int offset, int count)
        {
            _lastTakenArrival = Arrival(_recHead, _consumed + count - 1);
            int first = _data.Length - _head;
            if (first >= count)
            {
                Array.Copy(_data, _head, buffer, offset, count);
            }
            else
            {
                Array.Copy(_data, _head, buffer, offset, first);
                Array.Copy(_data, 0, buffer, offset + first, count - first);
            }

            _head = (_head + count) % _data.Length;
            _count -= count;
            _consumed += count;
            if (_consumed == _recLen[_recHead])
            {
                _recHead = (_recHead + 1) % _recLen.Length;
                _recCount--;
                _consumed = 0;
            }
        }

        /// <summary>Discards every byte that has not arrived by <paramref name="timeNs"/>: the sender stopped (lost power).</summary>
        public void DropUnarrived(long timeNs)
        {
            int kept = 0;
            for (int i = 0; i < _recCount; i++)
            {
                int r = (_recHead + i) % _recLen.Length;
                int skip = i == 0 ? _consumed : 0;
                int arrived = ArrivedIn(r, skip, timeNs);
                kept += arrived;
                if (arrived < _recLen[r] - skip)
                {
                    _recLen[r] = skip + arrived;
                    _recCount = arrived > 0 ? i + 1 : i;
                    break;
                }
            }

            if (_recCount == 0)
            {
                _consumed = 0;
            }

            _count = kept;
            if (FreeAtNs > timeNs)
            {
                _burstStart = timeNs;
                _burstBytes = 0;
            }
        }

        /// <summary>Drops everything queued (e.g. when tests reset a line).</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _recHead = 0;
            _recCount = 0;
            _consumed = 0;
        }

        // Bytes of a record, after the first skip, that have arrived by timeNs.
        private int ArrivedIn(int record, int skip, long timeNs)
        {
            int remaining = _recLen[record] - skip;
            if (timeNs >= Arrival(record, _recLen[record] - 1))
            {
                return remaining;
            }

            long d = timeNs - _recBurst[record];
            if (d < 0)
            {
                return 0;
            }

            // Byte j of the burst has arrived when floor((j + 1) * P / baud) <= d, i.e. when
            // j + 1 <= ((d + 1) * baud - 1) / P.
            long arrived = ((d + 1) * _baud - 1) / BitNsPerByte - _recFirst[record] - skip;
            if (arrived <= 0)
            {
                return 0;
            }

            return arrived < remaining ? (int)arrived : remaining;
        }

        private long Arrival(int record, long index)
        {
            return _recBurst[record] + (_recFirst[record] + index + 1) * BitNsPerByte / _baud;
        }

        private void EnsureSpace(int count)
        {
            if (_count + count <= _data.Length)
            {
                return;
            }

            int size = _data.Length * 2;
            if (size < _count + count)
            {
                size = _count + count;
            }

            byte[] grown = new byte[size];
            int first = _data.Length - _head;
            if (first >= _count)
            {
                Array.Copy(_data, _head, grown, 0, _count);
            }
            else
            {
                Array.Copy(_data, _head, grown, 0, first);
                Array.Copy(_data, 0, grown, first, _count - first);
            }

            _data = grown;
            _head = 0;
        }

        private void GrowRecords()
        {
            int size = _recLen.Length * 2;
            long[] burst = new long[size];
            long[] firstIndex = new long[size];
            int[] len = new int[size];
            for (int i = 0; i < _recCount; i++)
            {
                int r = (_recHead + i) % _recLen.Length;
                burst[i] = _recBurst[r];
                firstIndex[i] = _recFirst[r];
                len[i] = _recLen[r];
            }

            _recBurst = burst;
            _recFirst = firstIndex;
            _recLen = len;
            _recHead = 0;
        }
    }
}
