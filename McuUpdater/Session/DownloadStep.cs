namespace McuUpdater.Session
{
    /// <summary>How one pass of the download procedure (BEGIN … END) ended.</summary>
    public enum DownloadStep
    {
        /// <summary>END answered with status 0: the image is in the module.</summary>
        Completed = 0,

        /// <summary>Power-cycle and start again from sync; see <see cref="Downloader.RestartReason"/>.</summary>
        Restart = 1,

        /// <summary>Cancelled between frames.</summary>
        Cancelled = 2,
    }
}
