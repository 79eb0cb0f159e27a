namespace McuUpdater.Cli
{
    /// <summary>
    /// Process exit codes, banded by area and kept in 0–255 (all Linux and macOS keep). The README
    /// table is generated from <see cref="ExitCodes.All"/>; keep both in step.
    /// </summary>
    public enum ExitCode
    {
        /// <summary>Done.</summary>
        Ok = 0,

        // 1–9: the tool itself
        /// <summary>Unexpected internal error (a bug: please report with --verbose output).</summary>
        InternalError = 1,

        /// <summary>Bad command line: unknown verb/option, missing or malformed value.</summary>
        Usage = 2,

        // 10–19: the image
        /// <summary>Image or package file not found or not readable.</summary>
        ImageNotFound = 10,

        /// <summary>Image is not usable: empty, bad QuecFOTA header, CRC or length mismatch.</summary>
        ImageInvalid = 11,

        /// <summary>The image's MD5 does not match the _MD5.DAT file.</summary>
        ImageChecksumMismatch = 12,

        /// <summary>Output file could not be written (package -o, --trace, --vcd).</summary>
        OutputNotWritable = 13,

        // 20–29: ports and power control
        /// <summary>Serial port does not exist.</summary>
        PortNotFound = 20,

        /// <summary>Serial port exists but cannot be opened (busy, permissions).</summary>
        PortUnavailable = 21,

        /// <summary>Serial port failed or vanished while in use.</summary>
        PortFailed = 22,

        /// <summary>Power control unavailable or malformed (--power gpio:CHIP:LINE, DTR/RTS).</summary>
        PowerControlUnavailable = 23,

        // 30–49: the module (from the update engine's outcome)
        /// <summary>Module silent: no 0x5B answer to the sync ticks (not powered, wrong port, not cycled).</summary>
        NoSync = 30,

        /// <summary>Sync answered but the module never accepted CMD_DL_BEGIN.</summary>
        BeginFailed = 31,

        /// <summary>Data transfer failed: a block kept timing out or being refused after all retries and restarts.</summary>
        TransferFailed = 32,

        /// <summary>Module reported a flash error (status 2) on every attempt.</summary>
        FlashError = 33,

        /// <summary>Module broke the protocol (impossible next sequence, unexpected frames) on every attempt.</summary>
        ProtocolError = 34,

        /// <summary>CMD_DL_END was not accepted.</summary>
        EndFailed = 35,

        /// <summary>CMD_RUN_GSMSW was not answered.</summary>
        RunFailed = 36,

        /// <summary>The module booted but did not answer AT / AT+GMR.</summary>
        VersionNotReported = 37,

        /// <summary>The module reports a different firmware version than --expect-version.</summary>
        VersionMismatch = 38,

        /// <summary>The update failed for a reason not listed above (see the message).</summary>
        UpdateFailed = 39,

        // 50–59: relay, simulator, demo
        /// <summary>A relay link failed while relaying.</summary>
        RelayFailed = 50,

        /// <summary>The simulator stopped with an error.</summary>
        SimulatorFailed = 51,

        /// <summary>The demo's image did not arrive intact (received CRC differs).</summary>
        DemoMismatch = 52,

        /// <summary>Pseudo-terminals are not available on this system (demo needs Linux or macOS).</summary>
        PseudoTerminalUnavailable = 53,

        // 60–69: trace files
        /// <summary>Trace file malformed (not JSON Lines in the documented format).</summary>
        TraceInvalid = 60,

        /// <summary>Interrupted by Ctrl+C (128 + SIGINT).</summary>
        Cancelled = 130,
    }
}
