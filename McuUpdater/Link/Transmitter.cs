using System;
using McuUpdater.Timing;

namespace McuUpdater.Link
{
    /// <summary>The updater's transmit side: writes through the link (beside the caller when the link can) and knows when each write starts and has left the wire.</summary>
    /// <remarks>
    /// <c>SerialPort.Write</c> blocks until the bytes have left on ESP32 and queues them on STM32 and
    /// .NET, and the device has no <c>BytesToWrite</c>: so the time of every write is kept here, from
    /// its start (now, or when what was queued before it has gone) plus its bytes at the baud rate.
    /// Reply matching times a frame from that start, whichever way Write behaves, and a restart
    /// waits for that end before the module's off time begins.
    /// </remarks>
    public sealed class Transmitter
    {
        // Longest a write may take beyond its own wire time before the port counts as stuck.
        private const int WriteSlackMs = 2000;

        private readonly ISerialLink _link;
        private readonly IBackgroundWriter _background;
        private readonly IClock _clock;
        private readonly int _baud;
        private long _endUs;
        private int _backgroundCount;

        /// <summary>Wraps <paramref name="link"/>; writes in the background when it is an <see cref="IBackgroundWriter"/>.</summary>
        public Transmitter(ISerialLink link, IClock clock, int baud)
        {
            if (link == null || clock == null)
            {
                throw new ArgumentNullException(link == null ? "link" : "clock");
            }

            _link = link;
            _background = link as IBackgroundWriter;
            _clock = clock;
            _baud = baud > 0 ? baud : McuUpdater.Protocol.Wire.BaudRate;
        }

        /// <summary>The link written to (and read from by the session).</summary>
        public ISerialLink Link
        {
            get { return _link; }
        }

        /// <summary>Clock time (ms) the last write started on the wire.</summary>
        public long LastStartMs { get; private set; }

        /// <summary>Clock time (ms, rounded up) by which everything written has left the wire.</summary>
        public long EndMs
        {
            get { return (_endUs + 999) / 1000; }
        }

        /// <summary>Writes <paramref name="count"/> bytes (after a background write still going); returns as the link's Write does.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            Start(count);
            _link.Write(buffer, offset, count);
        }

        /// <summary>
        /// Sends <paramref name="count"/> bytes beside the caller when the link can (the caller leaves
        /// them untouched until the next write or <see cref="WaitWritten"/>), else as <see cref="Write"/>.
        /// </summary>
        public void WriteInBackground(byte[] buffer, int offset, int count)
        {
            if (_background == null)
            {
                Write(buffer, offset, count);
                return;
            }

            if (count <= 0)
            {
                return;
            }

            WaitWritten();
            Start(count);
            _backgroundCount = count;
            _background.BeginWrite(buffer, offset, count);
        }

        /// <summary>Waits until a background write has been handed to the port; throws when the port does not take it in time.</summary>
        public void WaitWritten()
        {
            if (_background == null || _backgroundCount == 0)
            {
                return;
            }

            if (!_background.WaitWritten((int)WireTimeMs(_backgroundCount) + WriteSlackMs))
            {
                throw new InvalidOperationException("the serial port did not send " + _backgroundCount.ToString() + " bytes within " + (WireTimeMs(_backgroundCount) + WriteSlackMs).ToString() + " ms");
            }

            _backgroundCount = 0;
        }

        /// <summary>Waits, at most <paramref name="maxMs"/>, until everything written has left the wire (so silence on the line starts now).</summary>
        public void Drain(int maxMs)
        {
            long until = _clock.NowMs + maxMs;
            WaitWritten();

            if (EndMs <= _clock.NowMs)
            {
                return;
            }

            // One more ms: the clock's ms are whole, a write may have started late in one.
            long end = EndMs + 1;
            long left = (end < until ? end : until) - _clock.NowMs;
            if (left > 0)
            {
                _clock.Sleep((int)left);
            }
        }

        /// <summary>Time <paramref name="count"/> bytes take on the wire: 10 bits a byte at the baud rate, rounded up.</summary>
        public long WireTimeMs(int count)
        {
            return ((long)count * 10 * 1000 + _baud - 1) / _baud;
        }

        private void Start(int count)
        {
            long nowUs = _clock.NowMs * 1000;
            long start = nowUs > _endUs ? nowUs : _endUs;
            LastStartMs = start / 1000;
            _endUs = start + ((long)count * 10 * 1000000 + _baud - 1) / _baud;
        }
    }
}
