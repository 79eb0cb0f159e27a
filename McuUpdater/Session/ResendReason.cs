namespace McuUpdater.Session
{
    /// <summary>Why a frame was sent again (protocol.md, "Download procedure"); each counts toward the 3 sends of a frame.</summary>
    public enum ResendReason
    {
        /// <summary>No valid response within 3 s.</summary>
        Timeout = 0,

        /// <summary>DATA_RSP status 1: the module's CRC check failed.</summary>
        CrcError = 1,

        /// <summary>DATA_RSP status 4 asking for the same block again.</summary>
        PackageError = 2,

        /// <summary>A reply that does not count: unknown status, another frame type, a frame failing its CRC.</summary>
        NotAccepted = 3,

        /// <summary>DATA_RSP status 0 whose "next" is the block just sent.</summary>
        AskedAgain = 4,
    }
}
