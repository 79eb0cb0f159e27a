namespace McuUpdater.Link
{
    /// <summary>The byte pipe to the module's UART: write, and read what has arrived within a timeout.</summary>
    /// <remarks>
    /// Deliberately tiny (the esp-serial-flasher "port" idea): a real <c>SerialPort</c>, the
    /// simulator's virtual wire and a relay's pseudo-terminal all fit behind it.
    /// </remarks>
    public interface ISerialLink
    {
        /// <summary>Queues <paramref name="count"/> bytes for transmission.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Returns between 1 and <paramref name="count"/> bytes as soon as any are available, or 0
        /// when none arrived within <paramref name="timeoutMs"/> (0 = only what is already there).
        /// Never waits for the whole count.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);
    }
}
