namespace McuUpdater.Power
{
    /// <summary>Control of the module's power: the supply and/or PWRKEY and reset lines, as the board wires them.</summary>
    /// <remarks>
    /// Calls must return promptly: the boot sync keeps ticking 0xB5 every 20 ms around them.
    /// </remarks>
    public interface IModulePower
    {
        /// <summary>Powers the module down (supply cut, or PWRKEY/reset per the board's scheme).</summary>
        void Off();

        /// <summary>Powers the module up for a download session; PWRKEY stays asserted until <see cref="Release"/>.</summary>
        void On();

        /// <summary>Ends the session: PWRKEY and reset back to their idle levels, module left powered and running.</summary>
        void Release();
    }
}
