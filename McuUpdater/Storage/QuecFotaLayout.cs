namespace McuUpdater.Storage
{
    /// <summary>Offsets and sizes of the vendor's QuecFOTA package (protocol.md, "QuecFOTA package").</summary>
    /// <remarks>Decision (protocol.md): CRC16 and length are big-endian like the wire; readers also accept a little-endian length.</remarks>
    public static class QuecFotaLayout
    {
        /// <summary>ASCII text at the start of every package, zero-filled to <see cref="HeadLength"/>.</summary>
        public const string Magic = "QuectFOTAPackageV0.1";

        /// <summary>Head field size.</summary>
        public const int HeadLength = 30;

        /// <summary>CRC-16/XMODEM over version + length + firmware.</summary>
        public const int CrcOffset = 30;

        /// <summary>ASCII version, zero-filled.</summary>
        public const int VersionOffset = 32;

        /// <summary>Version field size.</summary>
        public const int VersionLength = 30;

        /// <summary>Firmware length, u32.</summary>
        public const int LengthOffset = 62;

        /// <summary>Where the raw BIN starts; also the size of the whole header.</summary>
        public const int FirmwareOffset = 66;
    }
}
