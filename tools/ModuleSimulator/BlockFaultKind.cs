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
    }
}
