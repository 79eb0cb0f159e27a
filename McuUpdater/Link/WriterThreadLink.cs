using System;
using System.Threading;

namespace McuUpdater.Link
{
    /// <summary>Wraps a link whose Write blocks until the bytes have left (ESP32) so one buffer at a time is written by a writer thread while the caller prepares the next.</summary>
    /// <remarks>
    /// A thread is justified here: the UART sending frame k and the CPU reading and sealing frame
    /// k+1 really happen at once, and on ESP32 nothing overlaps a Write on the caller's own thread.
    /// No copy: the caller's double buffer (<c>BlockFrames</c>) is the thread's buffer, handed over
    /// by reference. Reads go straight to the wrapped link (a UART is full duplex). The thread starts
    /// at the first background write and ends on <see cref="Dispose"/>; the wrapped link is not disposed.
    /// </remarks>
    public sealed class WriterThreadLink : ISerialLink, IBackgroundWriter, IDisposable
    {
        /// <summary>Longest a plain <see cref="Write"/> waits for a background write still going before the port counts as stuck.</summary>
        public const int StuckWriteMs = 30000;

        private readonly ISerialLink _link;
        private readonly AutoResetEvent _start = new AutoResetEvent(false);
        private readonly ManualResetEvent _idle = new ManualResetEvent(true);
        private Thread _thread;
        private byte[] _buffer;
        private int _offset;
        private int _count;
        private Exception _failure;
        private bool _stopping;

        /// <summary>Wraps <paramref name="link"/>, whose Write may block until its bytes have left.</summary>
        public WriterThreadLink(ISerialLink link)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            _link = link;
        }

        /// <summary>Background writes done since construction.</summary>
        public int BackgroundWrites { get; private set; }

        /// <inheritdoc />
        public void BeginWrite(byte[] buffer, int offset, int count)
        {
            WaitIdle();
            if (count <= 0)
            {
                return;
            }

            if (_stopping)
            {
                throw new ObjectDisposedException("WriterThreadLink");
            }

            _buffer = buffer;
            _offset = offset;
            _count = count;
            _idle.Reset();
            if (_thread == null)
            {
                _thread = new Thread(Run);
                _thread.Start();
            }

            _start.Set();
        }

        /// <inheritdoc />
        public bool WaitWritten(int timeoutMs)
        {
            if (!_idle.WaitOne(timeoutMs < 0 ? 0 : timeoutMs, false))
            {
                return false;
            }

            ThrowFailure();
            return true;
        }

        /// <summary>Writes on the caller's thread, after a background write still going.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            WaitIdle();
            _link.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _link.Read(buffer, offset, count, timeoutMs);
        }

        /// <summary>Lets a background write finish (bounded), then ends the writer thread.</summary>
        public void Dispose()
        {
            if (_stopping)
            {
                return;
            }

            _idle.WaitOne(StuckWriteMs, false);
            _stopping = true;
            _start.Set();
            if (_thread != null)
            {
                _thread.Join(StuckWriteMs);
            }
        }

        private void WaitIdle()
        {
            if (!_idle.WaitOne(StuckWriteMs, false))
            {
                throw new InvalidOperationException("the serial port did not finish a write of " + _count.ToString() + " bytes within " + StuckWriteMs.ToString() + " ms");
            }

            ThrowFailure();
        }

        // A write that failed on the writer thread fails the caller's next call, once.
        private void ThrowFailure()
        {
            Exception failure = _failure;
            if (failure != null)
            {
                _failure = null;
                throw new InvalidOperationException("serial port write failed: " + failure.Message);
            }
        }

        private void Run()
        {
            while (true)
            {
                _start.WaitOne();
                if (_stopping)
                {
                    return;
                }

                try
                {
                    _link.Write(_buffer, _offset, _count);
                    BackgroundWrites++;
                }
                catch (Exception e)
                {
                    _failure = e;
                }

                _buffer = null;
                _idle.Set();
            }
        }
    }
}
