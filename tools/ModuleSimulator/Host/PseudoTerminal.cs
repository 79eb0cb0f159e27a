using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using McuUpdater.Link;

namespace McuUpdater.Simulator.Host
{
    /// <summary>A Linux pseudo-terminal pair opened in-process: the master as a byte link/stream, the slave as a device path for SerialPort.</summary>
    /// <remarks>
    /// The slave path (e.g. /dev/pts/7) opens like a serial device: <c>new SerialPort(path, 115200,
    /// Parity.None, 8, StopBits.One)</c>. The pair is put in raw mode so no byte is echoed or
    /// translated (0x0D, 0x11/0x13 and 0x03 all occur in frames). A pty has no baud rate and no
    /// power line: bytes move instantly, and the runner senses "power" from line idleness.
    /// </remarks>
    public sealed class PseudoTerminal : ISerialLink, IDisposable
    {
        private const int O_RDWR = 2;
        private const int O_NOCTTY = 0x100;
        private const short POLLIN = 0x001;
        private const short POLLHUP = 0x010;
        private const int TCSANOW = 0;
        private const int EINTR = 4;
        private const int EAGAIN = 11;
        private const int EIO = 5;

        private int _master;
        private int _slaveKeepAlive = -1;
        private Stream _stream;
        private byte[] _scratch;

        /// <summary>Opens a new pair; throws on platforms without posix_openpt.</summary>
        public PseudoTerminal()
        {
            _master = posix_openpt(O_RDWR | O_NOCTTY);
            if (_master < 0)
            {
                throw new IOException("posix_openpt failed, errno " + Marshal.GetLastPInvokeError());
            }

            if (grantpt(_master) != 0 || unlockpt(_master) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                close(_master);
                throw new IOException("grantpt/unlockpt failed, errno " + errno);
            }

            byte[] name = new byte[128];
            if (ptsname_r(_master, name, name.Length) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                close(_master);
                throw new IOException("ptsname_r failed, errno " + errno);
            }

            int length = Array.IndexOf(name, (byte)0);
            SlavePath = Encoding.ASCII.GetString(name, 0, length < 0 ? name.Length : length);

            // Keep one slave descriptor open for the pair's lifetime: otherwise the master reads
            // EIO / polls HUP whenever the serial port on the other side is closed and reopened.
            _slaveKeepAlive = open(SlavePath, O_RDWR | O_NOCTTY);
            MakeRaw(_slaveKeepAlive >= 0 ? _slaveKeepAlive : _master);
        }

        /// <summary>The slave device path, for SerialPort.</summary>
        public string SlavePath { get; private set; }

        /// <summary>The master side as a blocking stream (reads wait for at least one byte).</summary>
        public Stream Stream
        {
            get
            {
                if (_stream == null)
                {
                    _stream = new MasterStream(this);
                }

                return _stream;
            }
        }

        /// <summary>Writes all bytes to the master (they appear at the slave).</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = WriteSome(buffer, offset, count);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == EINTR || errno == EAGAIN)
                    {
                        Thread.Sleep(1);
                        continue;
                    }

                    throw new IOException("write to pty master failed, errno " + errno);
                }

                offset += n;
                count -= n;
            }
        }

        /// <summary>Returns what the slave side has written, waiting up to <paramref name="timeoutMs"/> for the first byte.</summary>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0)
            {
                return 0;
            }

            PollFd fd = new PollFd { Fd = _master, Events = POLLIN };
            int ready = poll(ref fd, 1, timeoutMs < 0 ? -1 : timeoutMs);
            if (ready <= 0)
            {
                return 0;
            }

            if ((fd.Revents & POLLIN) == 0)
            {
                // Hang-up without data (no slave open): behave like a quiet line, not a busy loop.
                if ((fd.Revents & POLLHUP) != 0 && timeoutMs > 0)
                {
                    Thread.Sleep(Math.Min(timeoutMs, 10));
                }

                return 0;
            }

            int n = ReadSome(buffer, offset, count);
            if (n < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR || errno == EAGAIN || errno == EIO)
                {
                    return 0;
                }

                throw new IOException("read from pty master failed, errno " + errno);
            }

            return n;
        }

        /// <summary>Closes both sides.</summary>
        public void Dispose()
        {
            if (_slaveKeepAlive >= 0)
            {
                close(_slaveKeepAlive);
                _slaveKeepAlive = -1;
            }

            if (_master >= 0)
            {
                close(_master);
                _master = -1;
            }
        }

        private static void MakeRaw(int fd)
        {
            // struct termios is 60 bytes on Linux; a larger opaque buffer is safe for tcgetattr.
            byte[] termios = new byte[256];
            if (tcgetattr(fd, termios) == 0)
            {
                cfmakeraw(termios);
                tcsetattr(fd, TCSANOW, termios);
            }
        }

        // P/Invoke takes whole arrays, so ranges not at 0 go through a scratch buffer (host only).
        private int WriteSome(byte[] buffer, int offset, int count)
        {
            if (offset == 0)
            {
                return (int)write(_master, buffer, (IntPtr)count);
            }

            byte[] scratch = Scratch(count);
            Array.Copy(buffer, offset, scratch, 0, count);
            return (int)write(_master, scratch, (IntPtr)count);
        }

        private int ReadSome(byte[] buffer, int offset, int count)
        {
            if (offset == 0)
            {
                return (int)read(_master, buffer, (IntPtr)count);
            }

            byte[] scratch = Scratch(count);
            int n = (int)read(_master, scratch, (IntPtr)count);
            if (n > 0)
            {
                Array.Copy(scratch, 0, buffer, offset, n);
            }

            return n;
        }

        private byte[] Scratch(int count)
        {
            if (_scratch == null || _scratch.Length < count)
            {
                _scratch = new byte[Math.Max(count, 4096)];
            }

            return _scratch;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int posix_openpt(int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int grantpt(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int unlockpt(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int ptsname_r(int fd, byte[] buf, int buflen);

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int tcgetattr(int fd, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        private static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        private static extern void cfmakeraw(byte[] termios);

        [DllImport("libc", SetLastError = true)]
        private static extern int poll(ref PollFd fds, int nfds, int timeout);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr read(int fd, [Out] byte[] buf, IntPtr count);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr write(int fd, byte[] buf, IntPtr count);

        // Blocking Stream view of the master, for code that wants a Stream.
        private sealed class MasterStream : Stream
        {
            private readonly PseudoTerminal _pty;

            public MasterStream(PseudoTerminal pty)
            {
                _pty = pty;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                while (true)
                {
                    int n = _pty.Read(buffer, offset, count, 100);
                    if (n > 0 || _pty._master < 0)
                    {
                        return n;
                    }
                }
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                _pty.Write(buffer, offset, count);
            }
        }
    }
}
