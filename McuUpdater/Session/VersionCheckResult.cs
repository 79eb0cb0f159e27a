namespace McuUpdater.Session
{
    /// <summary>How the version check over AT ended.</summary>
    public enum VersionCheckResult
    {
        /// <summary>AT+GMR reported the expected version.</summary>
        Match = 0,

        /// <summary>AT+GMR reported the same other version twice; see <see cref="AtVersionCheck.FoundVersion"/>.</summary>
        Mismatch = 1,

        /// <summary>The version was read; there was nothing to compare it with.</summary>
        ReadOnly = 2,

        /// <summary>No OK to AT within the boot timeout, or no version line in the AT+GMR reply.</summary>
        NoAnswer = 3,

        /// <summary>Cancelled while waiting.</summary>
        Cancelled = 4,

        /// <summary>AT+GMR answered, but never the expected version and never the same answer twice (a noisy line).</summary>
        Unconfirmed = 5,
    }
}
