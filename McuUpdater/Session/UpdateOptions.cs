using McuUpdater.Protocol;

namespace McuUpdater.Session
{
    /// <summary>Settings of one update: board timings, sync and restart bounds, block cap, version check.</summary>
    /// <remarks>Protocol numbers default to <see cref="Wire"/> (protocol.md's Decisions); the rest are board or product settings.</remarks>
    public sealed class UpdateOptions
    {
        /// <summary>
        /// Default block cap: 8212, a full block at MTU 8224 (MTU − 11), so the two frame buffers take
        /// 16.4 KB and a session fits a board without PSRAM.
        /// </summary>
        /// <remarks>
        /// MTU 1024 and 8224 lose nothing to it. At MTU 16384 blocks are 8212 instead of 16372: the
        /// stop-and-wait bound B / (B + 24) drops from 99.85 % to 99.71 % of the line (0.4 s more for
        /// a 2.85 MB image), for 16.3 KB less heap. <see cref="LargeMaxBlockSize"/> opts in.
        /// </remarks>
        public const int DefaultMaxBlockSize = 8212;

        /// <summary>Opt-in block cap for MTU 16384 (the Spreadtrum ROM's) on PCs and boards with PSRAM: frame buffers of 32.8 KB.</summary>
        public const int LargeMaxBlockSize = 16372;

        /// <summary>Creates the defaults.</summary>
        public UpdateOptions()
        {
            ApplicationVersion = Wire.DefaultApplicationVersion;
            MaxBlockSize = DefaultMaxBlockSize;
            PowerOffMs = 500;
            TicksBeforePowerOn = 2;
            SyncTimeoutMs = 1000;
            SyncAttempts = 3;
            MaxRestarts = 3;
            ResponseTimeoutMs = Wire.ResponseTimeoutMs;
            BaudRate = Wire.BaudRate;
            CheckVersion = true;
            SendAte0 = true;
            BootTimeoutMs = 30000;
            AtIntervalMs = 500;
            AtResponseTimeoutMs = 1000;
        }

        /// <summary>Application version sent in CMD_DL_BEGIN (reserved by the module; 1 unless told).</summary>
        public uint ApplicationVersion { get; set; }

        /// <summary>Cap on the block payload (and the size of the two frame buffers); the MTU may lower it further.</summary>
        public int MaxBlockSize { get; set; }

        /// <summary>How long the module stays off before the sync (board setting: lets the supply discharge).</summary>
        public int PowerOffMs { get; set; }

        /// <summary>0xB5 ticks sent before the module is switched on, so the line is already ticking when the ROM listens.</summary>
        public int TicksBeforePowerOn { get; set; }

        /// <summary>How long after power-on to wait for 0x5B before the attempt counts as missed.</summary>
        public int SyncTimeoutMs { get; set; }

        /// <summary>Power cycles tried for one sync before giving up with <see cref="UpdateOutcome.SyncFailed"/>.</summary>
        public int SyncAttempts { get; set; }

        /// <summary>Restarts from sync (flash error, silence, protocol error) before giving up.</summary>
        public int MaxRestarts { get; set; }

        /// <summary>No valid response within this time: send the frame again (protocol.md: 3 s).</summary>
        public int ResponseTimeoutMs { get; set; }

        /// <summary>The UART's baud rate: a frame's time on the wire is added to <see cref="ResponseTimeoutMs"/>.</summary>
        public int BaudRate { get; set; }

        /// <summary>The version the new firmware must report; null takes the image's own version (QuecFOTA) if it has one.</summary>
        public string ExpectedVersion { get; set; }

        /// <summary>After RUN, ask the firmware for its version over AT (AT, ATE0, AT+GMR).</summary>
        public bool CheckVersion { get; set; }

        /// <summary>Send ATE0 before AT+GMR, so the reply carries no echo.</summary>
        public bool SendAte0 { get; set; }

        /// <summary>How long the new firmware may take to answer AT with OK after RUN.</summary>
        public int BootTimeoutMs { get; set; }

        /// <summary>Period of AT while waiting for the firmware to boot.</summary>
        public int AtIntervalMs { get; set; }

        /// <summary>How long to wait for the final OK/ERROR of one AT command.</summary>
        public int AtResponseTimeoutMs { get; set; }
    }
}
