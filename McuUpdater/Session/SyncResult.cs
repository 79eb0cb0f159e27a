namespace McuUpdater.Session
{
    /// <summary>How a boot synchronisation ended.</summary>
    public enum SyncResult
    {
        /// <summary>0x5B then 0x9A: the documented two-stage sync.</summary>
        Synced = 0,

        /// <summary>0x5B but no 0x9A within 100 ms: a single-stage ROM (or a lost byte); BEGIN is sent anyway.</summary>
        SyncedWithout9A = 1,

        /// <summary>No 0x5B on any power cycle.</summary>
        Failed = 2,

        /// <summary>Cancelled between ticks.</summary>
        Cancelled = 3,
    }
}
