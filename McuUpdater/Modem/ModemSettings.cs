namespace McuUpdater.Modem
{
    /// <summary>What the module's TCP/IP stack needs from configuration, and the limits of at-tcpip.md.</summary>
    /// <remarks>The limits default to at-tcpip.md's tables; tests shorten them, products rarely should.</remarks>
    public sealed class ModemSettings
    {
        /// <summary>Which command set the module speaks.</summary>
        public AtDialect Dialect = AtDialect.Qi;

        /// <summary>Access point name.</summary>
        public string Apn = string.Empty;

        /// <summary>APN user name (may be empty).</summary>
        public string User = string.Empty;

        /// <summary>APN password (may be empty).</summary>
        public string Password = string.Empty;

        /// <summary>qi: authentication (0 none, 1 PAP, 2 CHAP, 3 PAP or CHAP).</summary>
        public int Authentication;

        /// <summary>qi: the PDP context id (1–16).</summary>
        public int ContextId = 1;

        /// <summary>qi: the connect id of the socket (0–11).</summary>
        public int ConnectId;

        /// <summary>Bring-up: give up when AT gets no OK for this long.</summary>
        public int AliveLimitMs = 10000;

        /// <summary>Bring-up: AT is repeated this often.</summary>
        public int AliveIntervalMs = 500;

        /// <summary>Registration: give up after this long without stat 1 or 5.</summary>
        public int RegistrationLimitMs = 90000;

        /// <summary>Registration: poll this often.</summary>
        public int RegistrationPollMs = 2000;

        /// <summary>Short commands (AT, ATE0, CPIN, QICSGP, unread, QIACT?).</summary>
        public int CommandTimeoutMs = 5000;

        /// <summary>Context activation (QIACT, QIREGAPP) and qi's wait for the +QIOPEN URC.</summary>
        public int ActivateTimeoutMs = 150000;

        /// <summary>qi: the +QIOPEN URC; legacy: CONNECT OK.</summary>
        public int OpenTimeoutMs = 150000;

        /// <summary>legacy: CONNECT OK after the OK to AT+QIOPEN.</summary>
        public int LegacyOpenTimeoutMs = 75000;

        /// <summary>Send and read commands.</summary>
        public int TransferTimeoutMs = 120000;

        /// <summary>Close.</summary>
        public int CloseTimeoutMs = 10000;

        /// <summary>Deactivation.</summary>
        public int DeactivateTimeoutMs = 40000;

        /// <summary>While waiting for data, ask for the unread count this often (some firmwares forget the recv URC).</summary>
        public int UnreadPollMs = 2000;

        /// <summary>Bytes asked for per read command (at most 1500).</summary>
        public int ReadChunk = 1500;

        /// <summary>Longest line the AT channel keeps; longer lines are counted and dropped.</summary>
        public int LineCapacity = 256;

        /// <summary>Send FAIL (module buffer full) is retried this many times, <see cref="SendRetryMs"/> apart.</summary>
        public int SendRetries = 5;

        /// <summary>Wait between send retries.</summary>
        public int SendRetryMs = 1000;

        /// <summary>qi: +QIOPEN error 563 (id still held) is answered with a close and this many more opens.</summary>
        public int ReopenAttempts = 2;
    }
}
