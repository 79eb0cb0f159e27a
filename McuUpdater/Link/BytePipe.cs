using System;
using System.Threading;

namespace McuUpdater.Link
{
    /// <summary>
    /// A bounded, thread-safe, one-way byte queue: one writer thread and one reader thread, with a
    /// read that returns what is there or waits up to a timeout — the shape of a UART receive buffer.
    /// </summary>
    /// <remarks>
    /// The ring buffer is allocated once. A write that finds the pipe full waits for the reader
    /// (like a UART with hardware flow control) instead of dropping bytes, so tests can compare
    /// every byte; <see cref="Close"/> releases a blocked writer or reader.
    /// </remarks>
    public sealed class BytePipe
    {
        private readonly byte[] _ring;
        private readonly object _lock = new object();
        private readonly AutoResetEvent _dataAvailable = new AutoResetEvent(false);
        private readonly AutoResetEvent _spaceAvailable = new AutoResetEvent(false);
        private int _head;
        private int _count;
        private bool _closed;

        /// <summary>Creates a pipe holding up to <paramref name="capacity"/> bytes.</summary>
        public BytePipe(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1 byte");
            }

            _ring = new byte[capacity];
        }

        /// <summary>Bytes queued and not yet read.</summary>
        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        /// <summary>True after <see cref="Close"/>.</summary>
        public bool IsClosed
        {
            get { return _closed; }
        }

        /// <summary>Queues all <paramref name="count"/> bytes, waiting for space when the pipe is full.</summary>
        /// <exception cref="ObjectDisposedException">The pipe was closed.</exception>
        public void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n;
                lock (_lock)
                {
                    if (_closed)
                    {
                        throw new ObjectDisposedException("BytePipe");
                    }

                    n = _ring.Length - _count;
                    if (n > count)
                    {
                        n = count;
                    }

                    int tail = (_head + _count) % _ring.Length;
                    int first = _ring.Length - tail;
                    if (first > n)
                    {
                        first = n;
                    }

                    Array.Copy(buffer, offset, _ring, tail, first);
                    Array.Copy(buffer, offset + first, _ring, 0, n - first);
                    _count += n;
                }

                if (n > 0)
                {
                    _dataAvailable.Set();
                    offset += n;
                    count -= n;
                }
                else
                {
                    _spaceAvailable.WaitOne(10, false);
                }
            }
        }

        /// <summary>
        /// Returns 1 to <paramref name="count"/> bytes as soon as any are queued, or 0 when none came
        /// within <paramref name="timeoutMs"/> (0 = only what is there) or the pipe is closed.
        /// </summary>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (true)
            {
                int n;
                lock (_lock)
                {
                    n = _count < count ? _count : count;
                    int first = _ring.Length - _head;
                    if (first > n)
                    {
                        first = n;
                    }

                    Array.Copy(_ring, _head, buffer, offset, first);
                    Array.Copy(_ring, 0, buffer, offset + first, n - first);
                    _head = (_head + n) % _ring.Length;
                    _count -= n;
                    if (_count == 0)
                    {
                        _head = 0;
                    }
                }

                if (n > 0)
                {
                    _spaceAvailable.Set();
                    return n;
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || _closed)
                {
                    return 0;
                }

                _dataAvailable.WaitOne((int)remaining, false);
            }
        }

        /// <summary>Drops everything queued.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _head = 0;
                _count = 0;
            }

            _spaceAvailable.Set();
        }

        /// <summary>Closes the pipe: writers throw, readers return what is left and then 0.</summary>
        public void Close()
        {
            _closed = true;
            _dataAvailable.Set();
            _spaceAvailable.Set();
        }
    }
}
