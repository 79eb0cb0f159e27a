using McuUpdater.Power;

namespace McuUpdater.Application
{
    /// <summary>One module position on a board: its UART, its power pins with their levels and timing, and its LED.</summary>
    public sealed class BoardSlot
    {
        /// <summary>A slot with no LED and the protocol's power-off time.</summary>
        public BoardSlot(string name, string port, ModulePowerPins power)
        {
            Name = name;
            Port = port;
            Power = power;
            Led = ModulePowerPins.None;
            LedActiveHigh = true;
        }

        /// <summary>The slot's name in logs ("slot 1").</summary>
        public string Name { get; private set; }

        /// <summary>The module's UART ("COM2").</summary>
        public string Port { get; private set; }

        /// <summary>Supply, PWRKEY and reset pins, each with its active level.</summary>
        public ModulePowerPins Power { get; private set; }

        /// <summary>How long the module stays off in a power cycle (ms), when the board's supply needs other than the default (a big capacitor); 0 keeps the default.</summary>
        public int PowerOffMs { get; set; }

        /// <summary>The slot's LED pin, or <see cref="ModulePowerPins.None"/>.</summary>
        public int Led { get; set; }

        /// <summary>True when the slot's LED lights at a high level.</summary>
        public bool LedActiveHigh { get; set; }
    }
}
