namespace McuUpdater.Simulator
{
    /// <summary>What the module's power input is wired to.</summary>
    public enum PowerInput
    {
        /// <summary>The supply: the module runs while the input is on.</summary>
        Supply,

        /// <summary>
        /// The PWRKEY line with the supply always present: a press held for
        /// <see cref="SimulatorOptions.PwrKeyOnHoldMs"/> turns an off module on; a press of at least
        /// <see cref="SimulatorOptions.PwrKeyOffHoldMs"/> that began while it ran turns it off when released.
        /// </summary>
        PwrKey,
    }
}
