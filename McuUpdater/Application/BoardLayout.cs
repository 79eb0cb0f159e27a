using McuUpdater.Power;

namespace McuUpdater.Application
{
    /// <summary>What a board is, as data: its module slots, the PC's port, LEDs, start button, storage roots and defaults. A board's Program fills one in and hands it to <see cref="BoardRunner"/>.</summary>
    public sealed class BoardLayout
    {
        /// <summary>A board named <paramref name="name"/> with <paramref name="slots"/> (the first is the module in update and relay modes).</summary>
        public BoardLayout(string name, BoardSlot[] slots)
        {
            Name = name;
            Slots = slots;
            UpdateBufferBytes = 4096;
            RelayBufferBytes = 8192;
            SystemLed = ModulePowerPins.None;
            SystemLedActiveHigh = true;
            StartButton = ModulePowerPins.None;
            CardRoot = "D:\\";
            FlashRoot = "I:\\";
            ConfigFileName = "mcuupdater.cfg";
            Defaults = new UpdaterSettings();
        }

        /// <summary>The board's name in the debug output.</summary>
        public string Name { get; private set; }

        /// <summary>The module slots; the first one is used in update and relay modes, all of them on a bench.</summary>
        public BoardSlot[] Slots { get; private set; }

        /// <summary>The PC's UART in relay mode, or null when the board cannot relay.</summary>
        public string PcPort { get; set; }

        /// <summary>UART buffer bytes for the module in update and bench mode (responses are small, writes wait for room).</summary>
        public int UpdateBufferBytes { get; set; }

        /// <summary>UART buffer bytes on both relay ports (nanoFramework's 256-byte default overflows in 22 ms at 115200).</summary>
        public int RelayBufferBytes { get; set; }

        /// <summary>The board's own status LED, or <see cref="ModulePowerPins.None"/>.</summary>
        public int SystemLed { get; set; }

        /// <summary>True when the system LED lights at a high level.</summary>
        public bool SystemLedActiveHigh { get; set; }

        /// <summary>Bench mode's start button, or <see cref="ModulePowerPins.None"/> (then one round runs at boot).</summary>
        public int StartButton { get; set; }

        /// <summary>True when the pressed button reads high.</summary>
        public bool StartButtonPressedHigh { get; set; }

        /// <summary>The SD card's root (<c>D:\</c>).</summary>
        public string CardRoot { get; set; }

        /// <summary>Internal flash's root (<c>I:\</c>), used for the configuration when no card is there.</summary>
        public string FlashRoot { get; set; }

        /// <summary>The configuration file's name in the root (<c>mcuupdater.cfg</c>).</summary>
        public string ConfigFileName { get; set; }

        /// <summary>What the board does without a configuration file.</summary>
        public UpdaterSettings Defaults { get; set; }
    }
}
