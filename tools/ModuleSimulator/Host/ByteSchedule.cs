using System;

namespace McuUpdater.Simulator.Host
{
    /// <summary>A byte queue in which every byte carries the time it is due (arrives, or has fully left the wire).</summary>
    /// <remarks>
    /// Bytes added while earlier ones are still due later continue that burst one byte time apart;
    /// on an idle line the first byte is due one byte time after it was added. Grows when a burst
    /// does not fit, so nothing the module sends is ever lost; the reader bounds what it adds with
    /// <see cref="Space"/>.
    /// </remarks>
    internal sealed class ByteSchedule
    {
        private byte[] _data;
        private long[] _due;
        private int _head;
        private int _count;
        private long _lastDueNs;

        public ByteSchedule(int capacity)
        {
            _data = new byte[capacity];
            _due = new long[capacity];
        }

        /// <summary>Bytes queued.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Bytes that fit without growing.</summary>
        public int Space
        {
            get { return _data.Length - _count; }
        }

        /// <summary>Due time of the oldest byte, or <c>long.MaxValue</c> when empty.</summary>
        public long NextDueNs
        {
            get { return _count == 0 ? long.MaxValue : _due[_head]; }
        }

        /// <summary>Queues bytes at <paramref name="nowNs"/>, each <paramref name="byteTimeNs"/> after the one before.</summary>
        public void Add(byte[] buffer, int offset, int count, long nowNs, long byteTimeNs)
        {
            if (_count + count > _data.Length)
            {
                Grow(_count + count);
            }

            long t = Math.Max(nowNs, _lastDueNs);
            for (int i = 0; i < count; i++)
            {
                t += byteTimeNs;
                int at = (_head + _count) % _data.Length;
                _data[at] = buffer[offset + i];
                _due[at] = t;
                _count++;
            }

            _lastDueNs = t;
        }

        /// <summary>The oldest byte, left in the queue.</summary>
        public byte Peek()
        {
            return _data[_head];
        }

        /// <summary>Removes and returns the oldest byte.</summary>
        public byte Take()
        {
            byte b = _data[_head];
            _head = (_head + 1) % _data.Length;
            _count--;
            return b;
        }

        /// <summary>Drops every queued byte; the line is idle from now on.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
            _lastDueNs = 0;
        }

        private void Grow(int needed)
        {
            int size = Math.Max(needed, 2 * _data.Length);
            byte[] data = new byte[size];
            long[] due = new long[size];
            for (int i = 0; i < _count; i++)
            {
                int from = (_head + i) % _data.Length;
                data[i] = _data[from];
                due[i] = _due[from];
            }

            _data = data;
            _due = due;
            _head = 0;
        }
    }
}
