using System;

namespace McuUpdater.Relay
{
    /// <summary>Settings of a <see cref="RelayEngine"/>; defaults suit 115200 baud and the protocol's timings.</summary>
    /// <remarks>
    /// <para>Memory (an ESP32 without PSRAM leaves 100–250 KB of managed heap): with the defaults a
    /// relay allocates two 1 KB chunk buffers and nothing else; a tap that asks for frames adds a
    /// decoder per direction (host→module <see cref="MaxFrameDataLength"/> + 7 bytes, module→host
    /// 263 bytes). The McuUpdater.Bench <c>memory</c> command prints the figures.</para>
    /// <para>Port buffers are not set here: they belong to the serial ports and must be sized before
    /// the ports are opened. On nanoFramework the default <c>ReadBufferSize</c> of 256 bytes fills in
    /// 22 ms at 115200 (11 520 B/s) and then loses data silently (ESP32 flushes everything, STM32
    /// drops bytes). A relay must set at least 4096 bytes (355 ms of line time) on both ports, more
    /// when a tap or other threads can delay the pump. <see cref="McuUpdater.Link.SerialPortLink"/>
    /// opens its ports with <see cref="McuUpdater.Link.SerialPortLink.DefaultBufferSize"/> (4 KB,
    /// that minimum). Those buffers live in the native heap, not the managed one: on ESP32 a port
    /// costs twice its size there (nanoFramework's ring buffer and the IDF driver's).</para>
    /// </remarks>
    public sealed class RelayOptions
    {
        /// <summary>Bytes moved per read, one buffer per direction, allocated once (default 1024: 89 ms of line time).</summary>
        public int ChunkSize = 1024;

        /// <summary>How long one pump read waits for bytes before the loop checks timers and Stop (default 5 ms).</summary>
        /// <remarks>Reads return as soon as any byte arrives, so this bounds the timer/Stop reaction, not the latency.</remarks>
        public int ReadTimeoutMs = 5;

        /// <summary>Power-cycle the module when the host starts sending 0xB5 after a quiet line (default false: bytes only).</summary>
        public bool AutoPowerCycle;

        /// <summary>How long the host line must have been quiet before a 0xB5 starts a power cycle (default 200 ms).</summary>
        /// <remarks>
        /// The sync ticker sends 0xB5 every 20 ms, so one stream of ticks causes one cycle; a new
        /// stream after a pause (the updater restarting from sync) causes the next one. Frames
        /// start with 0xAA and AT commands with 'A', so neither can start a cycle.
        /// </remarks>
        public int SyncQuietMs = 200;

        /// <summary>How long the module stays off in a power cycle before it is powered on again (default 500 ms, protocol.md).</summary>
        /// <remarks>The updater must keep ticking 0xB5 longer than this plus the boot ROM's listening window (about 350 ms).</remarks>
        public int PowerOffMs = 500;

        /// <summary>No byte in either direction for this long ends the session: power released to normal (default 10 000 ms).</summary>
        /// <remarks>Longer than the updater's 3 s response timeout, so a slow module is not released mid-download.</remarks>
        public int SessionIdleMs = 10000;

        /// <summary>End the session (release power) as soon as the module answers CMD_RUN_GSMSW (default true).</summary>
        public bool ReleaseAfterRun = true;

        /// <summary>
        /// Largest data length of a host→module frame decoded for a tap (default 8216: a DATA frame at
        /// MTU 8224); the decoder is allocated only for a tap that wants host frames.
        /// </summary>
        /// <remarks>
        /// Longer frames are still relayed byte for byte and counted, but not shown to the tap. Opt
        /// in to <see cref="LargeFrameDataLength"/> to show MTU 16384 DATA frames (16.6 KB: PCs and
        /// boards with PSRAM).
        /// </remarks>
        public int MaxFrameDataLength = DefaultFrameDataLength;

        /// <summary>The default <see cref="MaxFrameDataLength"/>: sequence 4 + block 8212, a full DATA frame at MTU 8224.</summary>
        public const int DefaultFrameDataLength = 8216;

        /// <summary>The opt-in <see cref="MaxFrameDataLength"/> for MTU 16384: the quirk ROM accepts frames of up to its MTU + 256.</summary>
        public const int LargeFrameDataLength = 16384 + 256;

        /// <summary>Throws when a setting is out of range.</summary>
        public void Validate()
        {
            if (ChunkSize < 1)
            {
                throw new ArgumentOutOfRangeException("ChunkSize", "at least 1");
            }

            if (ReadTimeoutMs < 1)
            {
                throw new ArgumentOutOfRangeException("ReadTimeoutMs", "at least 1 ms");
            }

            if (SyncQuietMs < 0 || PowerOffMs < 0 || SessionIdleMs < 1)
            {
                throw new ArgumentOutOfRangeException("SessionIdleMs", "times must not be negative; SessionIdleMs at least 1");
            }

            if (MaxFrameDataLength < 16 || MaxFrameDataLength > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("MaxFrameDataLength", "16 to 65535");
            }
        }
    }
}
