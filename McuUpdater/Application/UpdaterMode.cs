namespace McuUpdater.Application
{
    /// <summary>What the MCU does after start-up.</summary>
    public enum UpdaterMode
    {
        /// <summary>Install the configured image (or finish a pending update), then let the module run.</summary>
        Update = 0,

        /// <summary>Relay a PC's UART to the module (PC-through-MCU flashing).</summary>
        Relay = 1,

        /// <summary>A bench rig: flash the configured image into every slot each time the start button is pressed.</summary>
        Bench = 2,
    }
}
