namespace McuUpdater.Session
{
    /// <summary>What came back for a frame, as the download procedure sorts it.</summary>
    internal enum Reply
    {
        /// <summary>A well-formed response of the expected type with a status of 0–4; see <see cref="ResponseReader.Response"/>.</summary>
        Response = 0,

        /// <summary>Something that does not count: another type, an unknown status, a wrong length, a frame failing its CRC.</summary>
        NotAccepted = 1,

        /// <summary>Nothing usable before the deadline.</summary>
        Timeout = 2,
    }
}
