namespace McuUpdater.Simulator
{
    /// <summary>Which boot ROM the simulator plays (protocol.md).</summary>
    public enum RomVariant
    {
        /// <summary>The vendor note's behaviour: two-stage sync, documented status replies.</summary>
        Documented = 0,

        /// <summary>"What real boot ROMs of this family do": single-stage sync, odd replies, bursty flash, hangs on excess data.</summary>
        SpreadtrumQuirks = 1,
    }
}
