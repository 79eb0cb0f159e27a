namespace McuUpdater.Session
{
    /// <summary>Where an update is, for a UI: raised by <see cref="UpdateEvents.PhaseChanged"/>.</summary>
    public enum UpdatePhase
    {
        /// <summary>Not started.</summary>
        Idle = 0,

        /// <summary>Checking the image (length, CRC, version) before the module is touched.</summary>
        Verifying = 1,

        /// <summary>Module off, waiting the off time.</summary>
        PowerCycling = 2,

        /// <summary>Ticking 0xB5 while the module powers on, waiting for 0x5B / 0x9A.</summary>
        Syncing = 3,

        /// <summary>CMD_DL_BEGIN sent, waiting for the MTU.</summary>
        Beginning = 4,

        /// <summary>Sending the image block by block.</summary>
        Downloading = 5,

        /// <summary>CMD_DL_END sent.</summary>
        Ending = 6,

        /// <summary>CMD_RUN_GSMSW sent: the module boots the new firmware.</summary>
        Running = 7,

        /// <summary>Asking the new firmware for its version over AT.</summary>
        CheckingVersion = 8,

        /// <summary>Finished; see <see cref="UpdateResult.Outcome"/>.</summary>
        Done = 9,
    }
}
