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

        /// <summary>The update journal could not be written; the module was not touched.</summary>
        JournalFailed = 14,

        // 20–29: ports and power control
        /// <summary>Serial port does not exist.</summary>
        PortNotFound = 20,

        /// <summary>Serial port exists but cannot be opened (busy, permissions).</summary>
        PortUnavailable = 21,

        /// <summary>Serial port failed or vanished while in use.</summary>
        PortFailed = 22,

        /// <summary>Power control unavailable or malformed (--power gpio:CHIP:LINE, DTR/RTS).</summary>
        PowerControlUnavailable = 23,

        // 30–39: the module (one per UpdateOutcome of the engine; see ExitCodes.FromOutcome)
        /// <summary>Module silent at sync: no 0x5B on any power cycle (not powered, wrong port, not cycled). Outcome SyncFailed.</summary>
        NoSync = 30,

        /// <summary>The module stopped answering frames (3 sends without an accepted response) until the restarts ran out. Outcome ModuleSilent.</summary>
        ModuleSilent = 31,

        /// <summary>The module kept reporting flash errors (status 2). Outcome FlashErrorPersisted.</summary>
        FlashError = 32,

        /// <summary>The module's answers broke the protocol (BEGIN refused, impossible next, MTU too small). Outcome ProtocolError.</summary>
        ProtocolError = 33,

        /// <summary>After RUN the new firmware never answered AT. Outcome FirmwareSilent.</summary>
        FirmwareSilent = 34,

        /// <summary>The firmware (or the image) reports another version than expected. Outcome VersionMismatch.</summary>
        VersionMismatch = 35,

        /// <summary>The module answered but refused every copy of a frame (CRC errors): a noisy line. Outcome NoisyLine.</summary>
        NoisyLine = 36,

        /// <summary>Only bytes that never made a valid frame came back: wrong baud rate or wrong port. Outcome NoValidAnswer.</summary>
        NoValidAnswer = 37,

        /// <summary>The update failed for a reason this tool does not know (newer engine): see the message.</summary>
        UpdateFailed = 39,

        /// <summary>fetch: the server answered 404.</summary>
        FetchNotFound = 40,

        /// <summary>fetch: the server answered 5xx, another unusable status, or no usable HTTP.</summary>
        FetchServerError = 41,

        /// <summary>fetch: the download kept ending early; the part file is kept for the next fetch to resume.</summary>
        FetchInterrupted = 42,

        /// <summary>fetch: the module's network failed (SIM, registration, APN, DNS, connect).</summary>
        NetworkFailed = 43,

        // 50–59: relay, simulator, demo
        /// <summary>A relay link failed while relaying.</summary>
        RelayFailed = 50,

        /// <summary>The simulator stopped with an error.</summary>
        SimulatorFailed = 51,

        /// <summary>The demo's image did not arrive intact (received CRC differs).</summary>
        DemoMismatch = 52,

        /// <summary>Pseudo-terminals are not available on this system (demo --link pty; plain demo falls back to an in-process link).</summary>
        PseudoTerminalUnavailable = 53,

        // 60–69: trace files
        /// <summary>Trace file malformed (not JSON Lines in the documented format).</summary>
        TraceInvalid = 60,

        /// <summary>Interrupted by Ctrl+C (128 + SIGINT).</summary>
        Cancelled = 130,

        /// <summary>Stopped by SIGTERM (128 + 15: timeout, kill, systemd), handled like Ctrl+C.</summary>
        Terminated = 143,
    }
}
