using System;
using System.Diagnostics;
using System.Threading;
using McuUpdater.Link;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>
    /// Paces a link that has no baud rate of its own (a pseudo-terminal) at a real UART's line rate,
    /// from the module's side: bytes the host wrote become readable one byte time apart (10 bits at
    /// the baud), and bytes the module writes are held until their last bit would have left the
    /// wire. With it, the simulator on a pty behaves in time like a module on a 115200 UART.
    /// </summary>
    public sealed class LineRateLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly double _byteTicks;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly byte[] _pending = new byte[64 * 1024];
        private readonly long[] _arrival = new long[64 * 1024];
        private int _head;
        private int _count;
        private double _rxFree;
        private double _txFree;

        /// <summary>Wraps <paramref name="inner"/> (the module side of the pty) at <paramref name="baud"/> 8N1.</summary>
        public LineRateLink(ISerialLink inner, int baud)
        {
            _inner = inner;
            _byteTicks = 10.0 * Stopwatch.Frequency / baud;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            // The bytes reach the other side when their last bit has left: wait for that, then hand them over.
            double now = _clock.ElapsedTicks;
            double start = Math.Max(now, _txFree);
            _txFree = start + (count * _byteTicks);
            WaitUntil(_txFree);
            _inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long deadline = _clock.ElapsedTicks + (timeoutMs * Stopwatch.Frequency / 1000);
            while (true)
            {
                Fill();
                long now = _clock.ElapsedTicks;
                int ready = 0;
                while (ready < _count && ready < count && _arrival[(_head + ready) % _pending.Length] <= now)
                {
                    ready++;
                }

                if (ready > 0)
                {
                    for (int i = 0; i < ready; i++)
                    {
                        buffer[offset + i] = _pending[_head];
                        _head = (_head + 1) % _pending.Length;
                    }

                    _count -= ready;
                    return ready;
                }

                if (now >= deadline)
                {
                    return 0;
                }

                // Wait for the next byte's arrival (or new bytes, or the deadline), 1 ms at a time at most.
                // Bytes pending: sleep 1 ms and hand over what arrived meanwhile (about 11 bytes at
                // 115200), instead of spinning per byte; a UART FIFO interrupt does much the same.
                if (_count > 0)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    // Nothing pending: block in the inner read (returns as soon as a byte comes).
                    int got = _inner.Read(_scratch, 0, Math.Min(_scratch.Length, _pending.Length - _count), (int)Math.Max(1, (deadline - now) * 1000 / Stopwatch.Frequency));
                    Stamp(_scratch, got);
                }
            }
        }

        private readonly byte[] _scratch = new byte[4096];

        private void Fill()
        {
            int space = _pending.Length - _count;
            if (space <= 0)
            {
                return;
            }

            int got = _inner.Read(_scratch, 0, Math.Min(_scratch.Length, space), 0);
            Stamp(_scratch, got);
        }

        // Each byte arrives one byte time after the previous one, or after it was read if the line was idle.
        private void Stamp(byte[] data, int count)
        {
            if (count <= 0)
            {
                return;
            }

            double now = _clock.ElapsedTicks;
            double t = Math.Max(now, _rxFree);
            for (int i = 0; i < count; i++)
            {
                t += _byteTicks;
                int at = (_head + _count) % _pending.Length;
                _pending[at] = data[i];
                _arrival[at] = (long)t;
                _count++;
            }

            _rxFree = t;
        }

        private void WaitUntil(double ticks)
        {
            while (true)
            {
                double left = ticks - _clock.ElapsedTicks;
                if (left <= 0)
                {
                    return;
                }

                int ms = (int)(left * 1000 / Stopwatch.Frequency);
                if (ms >= 1)
                {
                    Thread.Sleep(ms);
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }
        }
    }
}
