namespace McuUpdater.Storage
{
    /// <summary>What is wrong with an image (see <see cref="ImageException"/>).</summary>
    public enum ImageProblem
    {
        /// <summary>No firmware bytes.</summary>
        Empty = 0,

        /// <summary>Fewer bytes than the header (or manifest) says.</summary>
        Truncated = 1,

        /// <summary>Not a QuecFOTA package: the head text differs.</summary>
        BadHeader = 2,

        /// <summary>The stored CRC16 does not match the content.</summary>
        CrcMismatch = 3,

        /// <summary>The declared length matches neither byte order of the file size.</summary>
        LengthMismatch = 4,

        /// <summary>The image's version is not the expected one.</summary>
        VersionMismatch = 5,

        /// <summary>The stream cannot be read or cannot seek.</summary>
        NotSeekable = 6,
    }
}
