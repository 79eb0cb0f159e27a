namespace McuUpdater.Simulator
{
    /// <summary>Where the simulated module is, for tests and traces.</summary>
    public enum ModulePhase
    {
        /// <summary>No power (or lost power until the host power-cycles it).</summary>
        Off = 0,

        /// <summary>Boot ROM running after power-on; listens for 0xB5 inside its window.</summary>
        Booting = 1,

        /// <summary>Answered 0x5B; waits for 0xA9 (documented two-stage sync).</summary>
        WaitSync2 = 2,

        /// <summary>In command mode, no download started.</summary>
        CommandMode = 3,

        /// <summary>BEGIN accepted; receiving blocks.</summary>
        Downloading = 4,

        /// <summary>END accepted; the image is complete.</summary>
        Done = 5,

        /// <summary>Stored or downloaded firmware booting/running (answers AT when it has a valid image).</summary>
        RunningFirmware = 6,

        /// <summary>Silent until the next power cycle (quirk ROM after data beyond the image size).</summary>
        Hung = 7,
    }
}
