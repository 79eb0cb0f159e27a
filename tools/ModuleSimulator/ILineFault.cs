namespace McuUpdater.Simulator
{
    /// <summary>A fault filter on one direction of a line: may drop, duplicate, corrupt or insert bytes.</summary>
    public interface ILineFault
    {
        /// <summary>
        /// Most bytes <see cref="Apply"/> can write for <paramref name="count"/> input bytes, so the
        /// caller can size its buffer once.
        /// </summary>
        int MaxOutput(int count);

        /// <summary>
        /// Filters <paramref name="count"/> bytes about to go on the line at <paramref name="timeNs"/>
        /// into <paramref name="output"/>; returns how many bytes go on the line instead.
        /// </summary>
        int Apply(byte[] input, int offset, int count, byte[] output, int outputOffset, long timeNs);

        /// <summary>
        /// Time after <paramref name="afterNs"/> at which the line next makes up a byte on its own
        /// (idle-line noise), or <c>long.MaxValue</c> for never.
        /// </summary>
        long NextIdleNoiseNs(long afterNs);

        /// <summary>The byte the line makes up when idle noise is due.</summary>
        byte IdleNoiseByte();
    }
}
