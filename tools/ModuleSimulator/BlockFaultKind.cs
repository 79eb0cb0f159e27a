namespace McuUpdater.Simulator
{
    /// <summary>What a fault plan does to one chosen DATA block (by sequence number).</summary>
    public enum BlockFaultKind
    {
        /// <summary>Refuse the block with a chosen status (1, 2 or 4).</summary>
        Status = 0,

        /// <summary>Accept the block but never answer it.</summary>
        Silence = 1,

        /// <summary>Answer late by a chosen number of milliseconds.</summary>
        Slow = 2,

        /// <summary>Lose power when the block arrives: no answer, no firmware, until the host power-cycles.</summary>
        PowerLoss = 3,

        /// <summary>Accept the block but answer with a chosen "next" (and expect it from then on).</summary>
        WrongNext = 4,

        /// <summary>Accept the block and send its answer twice, back to back.</summary>
        DuplicateReply = 5,

        /// <summary>Accept the block, answer it, and send the same answer again a chosen number of milliseconds later.</summary>
        ExtraReply = 6,

        /// <summary>
        /// Just before the block's frame, line noise forms a header the ROM answers: the documented
        /// ROM reads a DATA frame too short for a sequence (status 4, "next" = the block), the quirk
        /// ROM an oversize length (status 6), after which it drains the line and the frame is lost.
        /// </summary>
        NoiseHeader = 7,

        /// <summary>Report a flash error (status 2) as soon as the block's header is in, while the rest is still on the wire, and drop the rest: the host restarts with its transmit side busy.</summary>
        EarlyFlashError = 8,

        /// <summary>
        /// Accept the block but answer with a "next" beyond anything the host can have sent (the
        /// furthest block accepted in this download + 2 + a chosen extra), and expect it from then
        /// on: a host that follows it leaves a hole in the image; protocol.md says restart.
        /// </summary>
        NextBeyondSent = 9,
    }
}
