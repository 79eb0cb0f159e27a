using McuUpdater.Session;

namespace McuUpdater.Application
{
    /// <summary>The device's settings: board defaults, overridden by the configuration file (see <see cref="ConfigFile"/>).</summary>
    public sealed class UpdaterSettings
    {
        /// <summary>Board defaults: update mode, journal on internal flash, the protocol's numbers.</summary>
        public UpdaterSettings()
        {
            Mode = UpdaterMode.Update;
            JournalFolder = "I:\\mcuupdater";
            MaxBlockSize = UpdateOptions.DefaultMaxBlockSize;
            SyncAttempts = 3;
            MaxRestarts = 3;
            CheckVersion = true;
            MaxAttempts = 5;
            RelayAutoPower = true;
            ResultsPath = "D:\\results.csv";
        }

        /// <summary><c>mode</c>: update | relay | bench.</summary>
        public UpdaterMode Mode { get; set; }

        /// <summary><c>image</c>: the QuecFOTA package (or .bin) to install, e.g. <c>D:\fw\module.pkg</c>; null for none.</summary>
        public string ImagePath { get; set; }

        /// <summary><c>expect_version</c>: the version the module must report afterwards (default: the package's own).</summary>
        public string ExpectedVersion { get; set; }

        /// <summary><c>journal</c>: folder of the persistent update journal.</summary>
        public string JournalFolder { get; set; }

        /// <summary><c>max_block</c>: frame buffer cap (default 8212 fits boards without PSRAM; 16372 for MTU 16384 with PSRAM).</summary>
        public int MaxBlockSize { get; set; }

        /// <summary><c>sync_attempts</c>: power cycles per sync.</summary>
        public int SyncAttempts { get; set; }

        /// <summary><c>max_restarts</c>: restarts from sync per attempt.</summary>
        public int MaxRestarts { get; set; }

        /// <summary><c>check_version</c>: read the version over AT after RUN.</summary>
        public bool CheckVersion { get; set; }

        /// <summary><c>max_attempts</c>: attempts at one pending image, across resets, before giving up (0 = never give up).</summary>
        public int MaxAttempts { get; set; }

        /// <summary><c>relay_auto_power</c>: in relay mode, power-cycle the module when the PC starts its sync.</summary>
        public bool RelayAutoPower { get; set; }

        /// <summary><c>results</c>: the bench rig's results log (CSV).</summary>
        public string ResultsPath { get; set; }

        /// <summary>The update session's options for these settings.</summary>
        public UpdateOptions ToUpdateOptions()
        {
            UpdateOptions o = new UpdateOptions();
            o.ExpectedVersion = ExpectedVersion;
            o.MaxBlockSize = MaxBlockSize;
            o.SyncAttempts = SyncAttempts;
            o.MaxRestarts = MaxRestarts;
            o.CheckVersion = CheckVersion;
            return o;
        }
    }
}
