using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Ports;
using McuUpdater.Link;
using McuUpdater.Timing;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>Opens serial ports through the engine's <see cref="SerialPortLink"/>, turning failures into exit codes.</summary>
    public static class Ports
    {
        // The lock each open link holds, released when it closes.
        private static readonly Dictionary<SerialPortLink, PortLock> Locks = new Dictionary<SerialPortLink, PortLock>();

        /// <summary>Opens <paramref name="name"/> at <paramref name="baud"/> 8N1 with large buffers.</summary>
        public static SerialPortLink Open(string name, int baud)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CliException(ExitCode.Usage, "a serial port is required (--port); 'mcuupdater ports' lists them");
            }

            if (!OperatingSystem.IsWindows() && !File.Exists(name))
            {
                throw new CliException(ExitCode.PortNotFound, "serial port " + name + " does not exist ('mcuupdater ports' lists them)");
            }

            // One owner per port, taken before the port is opened (its open may already move DTR).
            PortLock held = PortLock.Acquire(name);
            try
            {
                // Modem lines are left alone: pseudo-terminals reject them (ENOTTY), and --power dtr/rts sets them itself.
                // A PC has memory to spare: the large buffer holds a whole MTU 16384 frame.
                SerialPortLink link = new SerialPortLink(name, baud, SerialPortLink.LargeBufferSize, SystemClock.Instance);
                lock (Locks)
                {
                    Locks[link] = held;
                }

                held = null;
                return link;
            }
            catch (FileNotFoundException ex)
            {
                throw new CliException(ExitCode.PortNotFound, "serial port " + name + " does not exist: " + ex.Message, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new CliException(ExitCode.PortUnavailable, "serial port " + name + " cannot be opened (in use, or no permission: on Linux add yourself to the 'dialout' group): " + ex.Message, ex);
            }
            catch (IOException ex)
            {
                throw new CliException(ExitCode.PortUnavailable, "serial port " + name + " cannot be opened: " + ex.Message, ex);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCode.PortNotFound, "serial port name " + name + " is not valid: " + ex.Message, ex);
            }
            finally
            {
                held?.Dispose();
            }
        }

        /// <summary>True when two port names mean one device (a by-id link and its target, or the same name twice).</summary>
        public static bool SamePort(string a, string b)
        {
            return PortLock.Resolve(a) == PortLock.Resolve(b);
        }

        /// <summary>True when an exception comes from a port that failed while in use (unplugged USB adapter, closed pty).</summary>
        public static bool IsPortFailure(Exception ex)
        {
            return ex is IOException || ex is InvalidOperationException || ex is UnauthorizedAccessException || ex is TimeoutException;
        }

        /// <summary>Closes a link, ignoring errors of a port that is already gone.</summary>
        public static void Close(SerialPortLink link)
        {
            if (link == null)
            {
                return;
            }

            try
            {
                link.Dispose();
            }
            catch (IOException)
            {
            }
            finally
            {
                PortLock held;
                lock (Locks)
                {
                    Locks.Remove(link, out held);
                }

                held?.Dispose();
            }
        }

        /// <summary>The port of a link (for DTR/RTS power).</summary>
        public static SerialPort PortOf(SerialPortLink link) => link.Port;
    }
}
