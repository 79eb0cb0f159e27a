namespace McuUpdater.Modem
{
    /// <summary>How a step of the module's TCP/IP stack ended: one value per failure the fetcher must tell apart (at-tcpip.md).</summary>
    public enum SocketOutcome
    {
        /// <summary>The step succeeded.</summary>
        Ok = 0,

        /// <summary><c>AT+CPIN?</c> did not answer <c>+CPIN: READY</c> (no SIM, PIN needed, SIM failure).</summary>
        SimMissing = 1,

        /// <summary>The module did not register (stat 1 or 5) within the registration limit.</summary>
        NotRegistered = 2,

        /// <summary>The network denied registration (stat 3).</summary>
        Denied = 3,

        /// <summary>The context was refused: activation failed or the APN is not configured (561, 573, ERROR to QIACT/QICSGP).</summary>
        ApnRefused = 4,

        /// <summary>The host name did not resolve (565).</summary>
        DnsFailed = 5,

        /// <summary>The TCP connection could not be made (566, CONNECT FAIL).</summary>
        ConnectFailed = 6,

        /// <summary>The peer closed the connection (or the network cut it) and every buffered byte has been read.</summary>
        ClosedByPeer = 7,

        /// <summary>The network dropped the PDP context (<c>pdpdeact</c>, <c>+PDP DEACT</c>, 570): deactivate, then start over.</summary>
        PdpDropped = 8,

        /// <summary>The module restarted (<c>RDY</c> mid-session): every context and socket is gone; start over from the bring-up.</summary>
        ModuleRestarted = 9,

        /// <summary>A command, a URC or data did not come within its limit (also: no <c>OK</c> to <c>AT</c> at bring-up).</summary>
        Timeout = 10,

        /// <summary>The module answered <c>ERROR</c>, <c>+CME ERROR</c> or another failure the table has no name for; see the reason text.</summary>
        Error = 11,

        /// <summary>The bytes after a payload were not <c>CR LF OK</c> (a UART overrun shifted the count): drop the connection and resume from storage.</summary>
        Garbled = 12,

        /// <summary>The caller asked to stop.</summary>
        Cancelled = 13,
    }
}
