namespace McuUpdater.Session
{
    /// <summary>How an update ended: one reason from the session up to the CLI's exit codes (values are stable).</summary>
    public enum UpdateOutcome
    {
        /// <summary>Image downloaded, started, and (if asked) the version matched.</summary>
        Success = 0,

        /// <summary>The image failed verification (empty, truncated, CRC, length, version); the module was not touched.</summary>
        ImageRejected = 1,

        /// <summary>No 0x5B from the boot ROM on any power cycle.</summary>
        SyncFailed = 2,

        /// <summary>The module kept reporting flash errors (status 2) until the restarts ran out.</summary>
        FlashErrorPersisted = 3,

        /// <summary>The module stopped answering frames (3 sends without an accepted response) until the restarts ran out.</summary>
        ModuleSilent = 4,

        /// <summary>The module's answers broke the protocol (BEGIN refused, impossible next sequence, MTU too small) until the restarts ran out.</summary>
        ProtocolError = 5,

        /// <summary>The new firmware runs but reports another version than expected.</summary>
        VersionMismatch = 6,

        /// <summary><see cref="UpdateSession.Cancel"/> was called.</summary>
        Cancelled = 7,

        /// <summary>After RUN the firmware never answered <c>AT</c> with <c>OK</c> within the boot timeout.</summary>
        FirmwareSilent = 8,

        /// <summary>The serial port or a pin failed (an I/O, timeout or closed-port exception from the link or the power control).</summary>
        LinkError = 9,

        /// <summary>The update journal could not record that an update is pending, so the module was not touched.</summary>
        JournalFailed = 10,

        /// <summary>The module answered but refused every copy of a frame (CRC errors, damaged answers) until the restarts ran out: a noisy line.</summary>
        NoisyLine = 11,

        /// <summary>Only bytes that never made a valid frame came back until the restarts ran out: wrong baud rate or wrong port.</summary>
        NoValidAnswer = 12,

        /// <summary>Something other than the link, a timeout or the storage failed (out of memory, a bug): the detail names the exception.</summary>
        InternalError = 13,
    }
}
