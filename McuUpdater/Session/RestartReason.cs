namespace McuUpdater.Session
{
    /// <summary>Why the module was power-cycled and the procedure started again from sync.</summary>
    public enum RestartReason
    {
        /// <summary>No 0x5B within the sync timeout after power-on (the boot window was missed).</summary>
        SyncMissed = 0,

        /// <summary>Status 2 (flash error) in a DATA or END response.</summary>
        FlashError = 1,

        /// <summary>3 sends of one frame without an accepted response (or no answer to BEGIN after a single-stage sync).</summary>
        NoAcceptedResponse = 2,

        /// <summary>BEGIN_RSP with a status other than 0, or an MTU too small for a block.</summary>
        BeginRefused = 3,

        /// <summary>A "next sequence" outside 0..sent+1, a module that keeps rewinding, or END refused.</summary>
        ProtocolError = 4,

        /// <summary>3 sends of one frame, the module answering yet refusing them (CRC errors, damaged answers): a noisy line.</summary>
        LineNoise = 5,

        /// <summary>3 sends of one frame answered only by bytes that never made a valid frame, and none in this pass: wrong baud rate or wrong port.</summary>
        NoValidAnswer = 6,
    }
}
