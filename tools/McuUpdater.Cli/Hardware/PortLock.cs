using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>
    /// One port, one owner, whatever the user: an advisory lock (flock) on the device and the UUCP
    /// lock file <c>/var/lock/LCK..NAME</c> holding our process id, which minicom, picocom and
    /// ModemManager honour. .NET's own exclusive open (TIOCEXCL) does not stop root, and two
    /// flashers on one port leave a module without firmware. Windows opens ports exclusively itself.
    /// </summary>
    public sealed class PortLock : IDisposable
    {
        /// <summary>Where UUCP lock files live (a test may point it elsewhere).</summary>
        public static string LockFolder { get; set; } = "/var/lock";

        private int _fd = -1;
        private string _lockFile;

        private PortLock()
        {
        }

        /// <summary>The device the lock is on (symbolic links resolved).</summary>
        public string Device { get; private set; }

        /// <summary>
        /// Takes <paramref name="port"/> for this process; throws <see cref="CliException"/>
        /// (PortUnavailable, naming the holder's process id when known) when another owner has it.
        /// </summary>
        public static PortLock Acquire(string port)
        {
            PortLock held = new PortLock { Device = Resolve(port) };
            if (OperatingSystem.IsWindows())
            {
                return held;
            }

            try
            {
                held.LockDevice(port);
                held.CreateLockFile(port);
                return held;
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }

        /// <summary>The device a port name means (a /dev/serial/by-id link and its target are one port).</summary>
        public static string Resolve(string port)
        {
            if (OperatingSystem.IsWindows())
            {
                return port.ToUpperInvariant();
            }

            string full = Path.GetFullPath(port);
            try
            {
                FileSystemInfo target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
                return target != null ? Path.GetFullPath(target.FullName) : full;
            }
            catch (IOException)
            {
                return full;
            }
        }

        /// <summary>The UUCP lock file's name for a device: /dev/ttyUSB0 → LCK..ttyUSB0, /dev/pts/3 → LCK..pts_3.</summary>
        public static string LockFileName(string device)
        {
            string name = device.StartsWith("/dev/", StringComparison.Ordinal) ? device.Substring(5) : Path.GetFileName(device);
            return "LCK.." + name.Replace('/', '_');
        }

        /// <summary>Releases the lock file and the device lock.</summary>
        public void Dispose()
        {
            if (_lockFile != null)
            {
                try
                {
                    if (ReadPid(_lockFile) == Environment.ProcessId)
                    {
                        File.Delete(_lockFile);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }

                _lockFile = null;
            }

            if (_fd >= 0)
            {
                close(_fd);
                _fd = -1;
            }
        }

        private void LockDevice(string port)
        {
            // Our own descriptor: flock locks belong to an open file description, so this one
            // conflicts with every other owner's, in this process or another.
            bool mac = OperatingSystem.IsMacOS();
            int flags = mac ? (0x20000 | 0x4 | 0x1000000) : (0x100 | 0x800 | 0x80000); // O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC
            _fd = open(Device, flags);
            if (_fd < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                int ebusy = 16;
                if (errno == ebusy)
                {
                    throw Busy(port, "opened exclusively");
                }

                // Not found or not permitted: the port's own open says which, with its exit code.
                return;
            }

            if (flock(_fd, LockExclusive | LockNonBlocking) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                int wouldBlock = mac ? 35 : 11;
                if (errno == wouldBlock)
                {
                    throw Busy(port, "locked");
                }
            }
        }

        private void CreateLockFile(string port)
        {
            if (!Directory.Exists(LockFolder))
            {
                return;
            }

            string path = Path.Combine(LockFolder, LockFileName(Device));
            for (int attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    using (FileStream file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                    {
                        // HDB UUCP format: the pid right-aligned in 10 characters, then a newline.
                        byte[] text = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture).PadLeft(10) + "\n");
                        file.Write(text, 0, text.Length);
                    }

                    _lockFile = path;
                    return;
                }
                catch (UnauthorizedAccessException)
                {
                    return; // not in the lock group: the device lock still holds
                }
                catch (IOException) when (File.Exists(path))
                {
                    int pid = ReadPid(path);
                    if (pid > 0 && pid != Environment.ProcessId && IsAlive(pid))
                    {
                        throw Busy(port, "held", pid, path);
                    }

                    // Stale (its process is gone) or left by this process before the device lock it no longer has.
                    try
                    {
                        File.Delete(path);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        return;
                    }
                }
                catch (IOException)
                {
                    return;
                }
            }
        }

        private CliException Busy(string port, string how, int pid = 0, string lockFile = null)
        {
            if (pid == 0 && Directory.Exists(LockFolder))
            {
                string path = Path.Combine(LockFolder, LockFileName(Device));
                pid = ReadPid(path);
                lockFile = pid > 0 ? path : null;
            }

            string holder = pid > 0 ? "process " + pid.ToString(CultureInfo.InvariantCulture) + " (" + ProcessName(pid) + ")" + (lockFile != null ? ", lock file " + lockFile : string.Empty) : "another process";
            return new CliException(ExitCode.PortUnavailable, "serial port " + port + " is busy: " + how + " by " + holder + "; one port, one owner");
        }

        private static int ReadPid(string path)
        {
            try
            {
                string text = File.ReadAllText(path).Trim();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid) ? pid : 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return 0;
            }
        }

        private static bool IsAlive(int pid)
        {
            if (kill(pid, 0) == 0)
            {
                return true;
            }

            const int EPERM = 1;
            return Marshal.GetLastPInvokeError() == EPERM; // alive, another user's
        }

        private static string ProcessName(int pid)
        {
            try
            {
                using System.Diagnostics.Process p = System.Diagnostics.Process.GetProcessById(pid);
                return p.ProcessName;
            }
            catch (Exception)
            {
                return "name unknown";
            }
        }

        private const int LockExclusive = 2;
        private const int LockNonBlocking = 4;

        [DllImport("libc", SetLastError = true)]
        private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int flock(int fd, int operation);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
