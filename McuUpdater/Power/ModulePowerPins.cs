namespace McuUpdater.Power
{
    /// <summary>How a board wires the module's power: supply-enable, PWRKEY and reset pins, each optional, each with its active level.</summary>
    /// <remarks>
    /// "Active" is the level the MCU drives to assert the function (supply on, PWRKEY pressed, reset
    /// held). Boards that drive PWRKEY through an inverting transistor assert it with a high level
    /// even though the module pin goes low.
    /// </remarks>
    public sealed class ModulePowerPins
    {
        /// <summary>Pin number meaning "not wired".</summary>
        public const int None = -1;

        /// <summary>Creates a map with no pins wired and every active level high.</summary>
        public ModulePowerPins()
        {
            SupplyPin = None;
            PwrKeyPin = None;
            ResetPin = None;
            SupplyActiveHigh = true;
            PwrKeyActiveHigh = true;
            ResetActiveHigh = true;
        }

        /// <summary>Wires supply, PWRKEY and reset (each may be <see cref="None"/>), all asserted by a high level: the supply switch's enable and an NPN on PWRKEY and on RESET_N.</summary>
        public ModulePowerPins(int supplyPin, int pwrKeyPin, int resetPin)
            : this()
        {
            SupplyPin = supplyPin;
            PwrKeyPin = pwrKeyPin;
            ResetPin = resetPin;
        }

        /// <summary>Enables the module's supply (load switch / regulator enable), or <see cref="None"/>.</summary>
        public int SupplyPin { get; set; }

        /// <summary>True when a high level switches the supply on.</summary>
        public bool SupplyActiveHigh { get; set; }

        /// <summary>Drives the module's PWRKEY, or <see cref="None"/>.</summary>
        public int PwrKeyPin { get; set; }

        /// <summary>True when a high level presses PWRKEY.</summary>
        public bool PwrKeyActiveHigh { get; set; }

        /// <summary>Drives the module's reset, or <see cref="None"/>.</summary>
        public int ResetPin { get; set; }

        /// <summary>True when a high level holds the module in reset.</summary>
        public bool ResetActiveHigh { get; set; }
    }
}
