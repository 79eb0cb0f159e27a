using System;
using System.IO.Ports;
using McuUpdater.Protocol;
using McuUpdater.Timing;

namespace McuUpdater.Link
{
    /// <summary>An <see cref="ISerialLink"/> over <c>System.IO.Ports.SerialPort</c> (same class on nanoFramework and .NET).</summary>
    /// <remarks>
    /// Reads only <c>min(BytesToRead, space)</c>: on ESP32 <c>Read</c> with a larger count blocks
    /// until all of it arrived or throws. While nothing is there it sleeps in short steps through
    /// the <see cref="IClock"/> until the timeout, so the caller's timeout is honoured exactly.
    /// </remarks>
    public sealed class SerialPortLink : ISerialLink, IDisposable
    {
        /// <summary>
        /// Default receive/transmit buffer: 4 KB, 355 ms of line time at 115200 (nanoFramework's 256-byte
        /// default overflows in 22 ms and loses data silently), and small enough for a board without PSRAM.
        /// </summary>
        /// <remarks>
        /// The buffer is native memory, not managed heap, but on ESP32 each port takes twice its size
        /// from the same internal RAM (nanoFramework's ring buffer plus the IDF driver's). Update mode
        /// needs little: responses are 13 bytes and ESP32 writes wait for the wire. A relay needs at
        /// least this on both ports. PCs and boards with PSRAM can take <see cref="LargeBufferSize"/>.
        /// </remarks>
        public const int DefaultBufferSize = 4096;

        /// <summary>Opt-in buffer for PCs and boards with PSRAM: a whole MTU 16384 frame and then some.</summary>
        public const int LargeBufferSize = 16 * 1024 + 1024;

        /// <summary>How long a read sleeps between looks at an empty port: short next to a 1.1 ms response.</summary>
        public const int DefaultPollIntervalMs = 1;

        private readonly SerialPort _port;
        private readonly bool _shouldDispose;
        private readonly IClock _clock;
        private bool _disposed;

        /// <summary>Wraps a port the caller configured and opened; <paramref name="shouldDispose"/> says whether we close it.</summary>
        public SerialPortLink(SerialPort port, bool shouldDispose, IClock clock)
        {
            if (port == null)
            {
                throw new ArgumentNullException("port");
            }

            _port = port;
            _shouldDispose = shouldDispose;
            _clock = clock == null ? SystemClock.Instance : clock;
            PollIntervalMs = DefaultPollIntervalMs;
        }

        /// <summary>Opens <paramref name="portName"/> at 115200 8N1 with <see cref="DefaultBufferSize"/> (4 KB) buffers; the link owns the port.</summary>
        public SerialPortLink(string portName)
            : this(portName, Wire.BaudRate, DefaultBufferSize, SystemClock.Instance)
        {
        }

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/> 8N1, buffers of <paramref name="bufferSize"/> bytes set before Open.</summary>
        public SerialPortLink(string portName, int baudRate, int bufferSize, IClock clock)
            : this(OpenPort(portName, baudRate, bufferSize), true, clock)
        {
        }

        /// <summary>The wrapped port (for a relay or diagnostics).</summary>
        public SerialPort Port
        {
            get { return _port; }
        }

        /// <summary>Sleep between looks at an empty port, in milliseconds.</summary>
        public int PollIntervalMs { get; set; }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > 0)
            {
                _port.Write(buffer, offset, count);
            }
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0)
            {
                return 0;
            }

            long deadline = _clock.NowMs + (timeoutMs > 0 ? timeoutMs : 0);
            while (true)
            {
                int available = _port.BytesToRead;
                if (available > 0)
                {
                    // Never ask for more than is there: ESP32 would block or throw TimeoutException.
                    return _port.Read(buffer, offset, available < count ? available : count);
                }

                long left = deadline - _clock.NowMs;
                if (left <= 0)
                {
                    return 0;
                }

                _clock.Sleep(left < PollIntervalMs ? (int)left : PollIntervalMs);
            }
        }

        /// <summary>Closes the port if this link owns it.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_shouldDispose)
            {
                // Through IDisposable: on .NET Dispose is inherited from Component, which the device lacks.
                ((IDisposable)_port).Dispose();
            }
        }

        private static SerialPort OpenPort(string portName, int baudRate, int bufferSize)
        {
            SerialPort port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);

            // Buffer sizes only take effect before Open (nanoFramework: one buffer shared by RX and TX).
            port.ReadBufferSize = bufferSize;
            port.WriteBufferSize = bufferSize;
            port.Handshake = Handshake.None;
            port.Open();
            return port;
        }
    }
}
