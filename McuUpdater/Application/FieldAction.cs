namespace McuUpdater.Application
{
    /// <summary>What a product in the field does with its module at start-up.</summary>
    public enum FieldAction
    {
        /// <summary>The configured image was installed and confirmed before: leave the module alone.</summary>
        UpToDate = 0,

        /// <summary>Install the configured image.</summary>
        Install = 1,

        /// <summary>An update was cut off or failed: run it again (the module may have no working firmware).</summary>
        Resume = 2,

        /// <summary>No image is configured or present, and nothing is pending.</summary>
        NothingToInstall = 3,

        /// <summary>An update is pending but its image is gone: the module may stay without firmware until one is supplied.</summary>
        PendingWithoutImage = 4,

        /// <summary>The pending update failed <see cref="UpdaterSettings.MaxAttempts"/> times: stop retrying and report.</summary>
        GaveUp = 5,
    }
}
