namespace McuUpdater.Link
{
    /// <summary>A link that sends one buffer beside the caller (a writer thread), so the next frame is prepared while this one is on the wire.</summary>
    /// <remarks>
    /// Matters where <c>SerialPort.Write</c> blocks until the bytes have left (ESP32): without it,
    /// nothing overlaps a write on the same thread. The caller leaves the bytes untouched until
    /// <see cref="WaitWritten"/> returned true; a plain <see cref="ISerialLink.Write"/> on the same
    /// link waits for the background write first, so bytes never interleave.
    /// </remarks>
    public interface IBackgroundWriter
    {
        /// <summary>Starts sending <paramref name="count"/> bytes and returns at once (after the previous background write, if any, has finished).</summary>
        void BeginWrite(byte[] buffer, int offset, int count);

        /// <summary>Waits up to <paramref name="timeoutMs"/> for the last <see cref="BeginWrite"/> to finish; true when it has (or none was started).</summary>
        bool WaitWritten(int timeoutMs);
    }
}
