using McuUpdater.Fetch;
using McuUpdater.Modem;
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
            AtDialect = AtDialect.Qi;
            OtaPort = 80;
            OtaCheckMinutes = 1440;
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

        /// <summary><c>apn</c>: the access point the module's data context uses to fetch packages.</summary>
        public string Apn { get; set; }

        /// <summary><c>apn_user</c>: user name for the APN, or null.</summary>
        public string ApnUser { get; set; }

        /// <summary><c>apn_password</c>: password for the APN, or null.</summary>
        public string ApnPassword { get; set; }

        /// <summary><c>at_dialect</c>: the module's TCP/IP AT commands, <c>qi</c> (UGxx, EC2x, BG9x...) or <c>legacy</c> (M10, M66, M95, MC60...).</summary>
        public AtDialect AtDialect { get; set; }

        /// <summary><c>ota_host</c>: the HTTP server packages are fetched from (name or dotted IP); null = no fetching.</summary>
        public string OtaHost { get; set; }

        /// <summary><c>ota_port</c>: its TCP port.</summary>
        public int OtaPort { get; set; }

        /// <summary><c>ota_path</c>: the package's path on the server, e.g. <c>/fw/EC21.pkg</c>.</summary>
        public string OtaPath { get; set; }

        /// <summary><c>ota_check_minutes</c>: how often a board in update mode runs the fetch flow again.</summary>
        public int OtaCheckMinutes { get; set; }

        /// <summary>True when fetching packages over the module's TCP/IP is configured (<c>ota_host</c> set).</summary>
        public bool FetchConfigured
        {
            get { return OtaHost != null; }
        }

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

        /// <summary>The module's TCP/IP settings (dialect, APN, credentials) for these settings.</summary>
        public ModemSettings ToModemSettings()
        {
            ModemSettings m = new ModemSettings();
            m.Dialect = AtDialect;
            m.Apn = Apn == null ? string.Empty : Apn;
            m.User = ApnUser == null ? string.Empty : ApnUser;
            m.Password = ApnPassword == null ? string.Empty : ApnPassword;
            return m;
        }

        /// <summary>What to fetch and where to keep it, for these settings (<see cref="FetchConfigured"/> must be true).</summary>
        public FetchOptions ToFetchOptions()
        {
            FetchOptions f = new FetchOptions();
            f.Host = OtaHost;
            f.Port = OtaPort;
            f.Path = OtaPath;
            f.PackagePath = ImagePath;
            f.ExpectedVersion = ExpectedVersion;
            return f;
        }
    }
}
