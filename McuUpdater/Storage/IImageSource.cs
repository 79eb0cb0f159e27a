namespace McuUpdater.Storage
{
    /// <summary>The firmware to send: verified before the module is touched, then read block by block (seekable, so the download can go back).</summary>
    public interface IImageSource
    {
        /// <summary>Where the image comes from (file name), for messages.</summary>
        string Name { get; }

        /// <summary>Firmware bytes to send (known after <see cref="Verify"/>).</summary>
        long Length { get; }

        /// <summary>The firmware version the image declares, or null (raw BIN without one).</summary>
        string Version { get; }

        /// <summary>
        /// CRC-16/XMODEM that identifies the image once verified (a QuecFOTA package's own, over the
        /// whole file for a raw BIN); -1 before <see cref="Verify"/>.
        /// </summary>
        int Crc16 { get; }

        /// <summary>
        /// Checks the image (non-empty, length, CRC, and <paramref name="expectedVersion"/> when not
        /// null); throws <see cref="ImageException"/> naming what differs.
        /// </summary>
        void Verify(string expectedVersion);

        /// <summary>Moves to <paramref name="position"/> bytes into the firmware.</summary>
        void Seek(long position);

        /// <summary>Reads exactly <paramref name="count"/> firmware bytes at the current position; throws <see cref="ImageException"/> if the storage ends early.</summary>
        void ReadExactly(byte[] buffer, int offset, int count);
    }
}
