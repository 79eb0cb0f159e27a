namespace McuUpdater.Simulator
{
    /// <summary>How the simulated module behaves; plain fields with the defaults of the documented ROM.</summary>
    /// <remarks>Start from <see cref="Documented"/> or <see cref="SpreadtrumQuirks"/> and change what a test needs.</remarks>
    public sealed class SimulatorOptions
    {
        /// <summary>Which boot ROM to play.</summary>
        public RomVariant Variant = RomVariant.Documented;

        /// <summary>MTU advertised in BEGIN_RSP: the largest whole frame accepted (1024, 8224, 16384 seen).</summary>
        public int Mtu = 8224;

        /// <summary>Bytes beyond the MTU a frame may still have (the quirk ROM accepts MTU + 256).</summary>
        public int MtuSlack;

        /// <summary>The boot ROM starts listening for 0xB5 this long after power-on.</summary>
        public int SyncWindowOpenMs;

        /// <summary>The boot ROM stops listening and boots the stored firmware this long after power-on.</summary>
        public int SyncWindowCloseMs = 350;

        /// <summary>After 0x5B, 0xA9 must come within this time (documented ROM), else it boots the stored firmware.</summary>
        public int Sync2TimeoutMs = 300;

        /// <summary>Bytes the module emits while booting (before the sync), at <see cref="BootNoiseAtMs"/>.</summary>
        public byte[] BootNoise = new byte[] { 0xB6, 0x00, 0xFF };

        /// <summary>When each <see cref="BootNoise"/> byte is sent, in ms after power-on (ascending).</summary>
        public int[] BootNoiseAtMs = new int[] { 1, 2, 3 };

        /// <summary>What the updater's power control drives: the supply (default) or only PWRKEY.</summary>
        public PowerInput PowerInput = PowerInput.Supply;

        /// <summary>PWRKEY input: a press held this long turns an off module on; its boot (and sync window) starts then.</summary>
        public int PwrKeyOnHoldMs = 500;

        /// <summary>PWRKEY input: a press at least this long, begun while the module runs, turns it off when released.</summary>
        public int PwrKeyOffHoldMs = 650;

        /// <summary>A power-on only counts after the module was off at least this long (discharge / PWRKEY timing); 0 = always.</summary>
        public int PowerOnMinOffMs;

        /// <summary>A frame with no byte for this long is cut short (quirk ROM answers status 7).</summary>
        public int InterByteTimeoutMs = 50;

        /// <summary>Flash-write time per accepted block: DATA_RSP comes this late (documented ROM).</summary>
        public int FlashWriteMs = 5;

        /// <summary>Quirk ROM: bytes buffered before a burst flash write.</summary>
        public int BurstBytes = 64 * 1024;

        /// <summary>Quirk ROM: how late the DATA_RSP is that triggers a burst write.</summary>
        public int BurstWriteMs = 400;

        /// <summary>Announced image size; data beyond it (after the odd-length pad) is refused, or hangs the quirk ROM. -1 = unknown.</summary>
        public int ExpectedImageSize = -1;

        /// <summary>Received images up to this size are kept byte for byte; longer ones only by length and CRC-32.</summary>
        public int KeepImageLimit = 4 * 1024 * 1024;

        /// <summary>Version the stored firmware reports before any download.</summary>
        public string OldFirmwareVersion = "M10ER01A07W32";

        /// <summary>Version a completed download reports after RUN.</summary>
        public string NewFirmwareVersion = "M10ER01A08W32";

        /// <summary>False: the module starts with no valid firmware (silent after boot).</summary>
        public bool HasFirmwareInitially = true;

        /// <summary>Firmware boot time, from RUN (or the closed sync window) until AT commands are answered.</summary>
        public int FirmwareBootMs = 1500;

        /// <summary>Status in RUN_GSMSW_RSP; -1 = per variant (documented 0, quirk ROM 3 like the vendor's example).</summary>
        public int RunStatus = -1;

        /// <summary>The firmware echoes commands until ATE0.</summary>
        public bool AtEcho = true;

        /// <summary>The TCP/IP AT command set the firmware speaks (the other dialect's commands answer ERROR).</summary>
        public McuUpdater.Modem.AtDialect AtDialect = McuUpdater.Modem.AtDialect.Qi;

        /// <summary>The network behind the module's sockets (<see cref="MemoryNetwork"/>, or Host/TcpSimNetwork); null: every open fails with 565.</summary>
        public ISimNetwork Network;

        /// <summary>False: AT+CPIN? answers +CME ERROR: 10 (SIM not inserted).</summary>
        public bool SimPresent = true;

        /// <summary>Registration stat once registered: 1 home, 5 roaming, 3 denied, 2 searching forever.</summary>
        public int RegistrationStat = 1;

        /// <summary>Stat 2 (searching) until this long after the firmware booted.</summary>
        public int RegisteredAfterMs;

        /// <summary>The only APN the network accepts; null accepts any.</summary>
        public string AcceptedApn;

        /// <summary>Time from the OK to AT+QIOPEN to its +QIOPEN / CONNECT OK URC.</summary>
        public int ConnectDelayMs = 100;

        /// <summary>Bytes the module buffers per socket before it stops taking from the network.</summary>
        public int SocketBufferBytes = 8192;

        /// <summary>How often the module takes bytes from the network while a socket is open.</summary>
        public int NetworkTickMs = 5;

        /// <summary>The firmware prints RDY when it has booted (real modules do; off by default so older byte-exact tests keep their wire).</summary>
        public bool AnnounceRdy;

        /// <summary>The documented ROM with defaults.</summary>
        public static SimulatorOptions Documented()
        {
            return new SimulatorOptions();
        }

        /// <summary>The quirk ROM: single-stage sync, 300 ms window, MTU 16384 with 256 bytes slack, bursty flash.</summary>
        public static SimulatorOptions SpreadtrumQuirks()
        {
            SimulatorOptions o = new SimulatorOptions();
            o.Variant = RomVariant.SpreadtrumQuirks;
            o.Mtu = 16384;
            o.MtuSlack = 256;
            o.SyncWindowCloseMs = 300;
            o.FlashWriteMs = 0;
            return o;
        }

        /// <summary>The RUN status this configuration answers with.</summary>
        public int EffectiveRunStatus
        {
            get
            {
                if (RunStatus >= 0)
                {
                    return RunStatus;
                }

                return Variant == RomVariant.SpreadtrumQuirks ? McuUpdater.Protocol.Status.InDownloadMode : McuUpdater.Protocol.Status.Success;
            }
        }
    }
}
