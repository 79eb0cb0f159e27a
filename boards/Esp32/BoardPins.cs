using McuUpdater.Application;
using McuUpdater.Power;
using nanoFramework.Hardware.Esp32;

namespace McuUpdater.Boards.Esp32
{
    /// <summary>The wiring of the reference board: an ESP32-DevKitC with an SD slot (SDMMC, 1-bit), the module on UART2 and the PC on UART1.</summary>
    /// <remarks>Change this file (and only this file) for another ESP32 board.</remarks>
    internal static class BoardPins
    {
        /// <summary>UART buffers for the module in update and bench mode: responses are small and writes wait for room, so 4 KB will do.</summary>
        public const int UpdateBufferBytes = 4096;

        /// <summary>UART buffers on both relay ports: 710 ms of line time each, twice design.md's minimum, and two ports of it fit a board without PSRAM.</summary>
        public const int RelayBufferBytes = 8192;

        /// <summary>The module's main UART (boot ROM and AT firmware).</summary>
        public const string ModulePort = "COM2";

        /// <summary>The PC's UART in relay mode (a USB-UART adapter on GPIO 4/5, not the debug UART COM1).</summary>
        public const string PcPort = "COM3";

        /// <summary>Status LED (on = busy, off = done, blinking = failed); not GPIO 2, which is the SD slot's D0.</summary>
        public const int Led = 21;

        /// <summary>Configuration on the card, else on internal flash.</summary>
        public const string CardConfig = "D:\\mcuupdater.cfg";

        /// <summary>Configuration on internal flash (used when no card is mounted).</summary>
        public const string FlashConfig = "I:\\mcuupdater.cfg";

        /// <summary>Routes the UART pins; must run before the ports are created.</summary>
        public static void RouteUarts()
        {
            Configuration.SetPinFunction(17, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(16, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(4, DeviceFunction.COM3_TX);
            Configuration.SetPinFunction(5, DeviceFunction.COM3_RX);
        }

        /// <summary>Supply enable on GPIO 25 (high = on), PWRKEY on GPIO 26 through an NPN (high = pressed), reset on GPIO 27 through an NPN (high = held).</summary>
        public static ModulePowerPins ModulePower()
        {
            ModulePowerPins pins = new ModulePowerPins();
            pins.SupplyPin = 25;
            pins.SupplyActiveHigh = true;
            pins.PwrKeyPin = 26;
            pins.PwrKeyActiveHigh = true;
            pins.ResetPin = 27;
            pins.ResetActiveHigh = true;
            return pins;
        }

        /// <summary>Bench mode's start button (the DevKitC's BOOT button, pressed = low).</summary>
        public const int StartButton = 0;

        /// <summary>Bench mode: the second slot's module UART (replaces the PC's UART; no relay on a bench).</summary>
        public const string Slot2Port = "COM3";

        /// <summary>Bench mode: the second slot's supply on GPIO 32 and PWRKEY on GPIO 33 (no reset line).</summary>
        public static ModulePowerPins Slot2Power()
        {
            ModulePowerPins pins = new ModulePowerPins();
            pins.SupplyPin = 32;
            pins.SupplyActiveHigh = true;
            pins.PwrKeyPin = 33;
            pins.PwrKeyActiveHigh = true;
            return pins;
        }

        /// <summary>What the board does without a configuration file: install <c>D:\fw\module.pkg</c> if present.</summary>
        public static UpdaterSettings Defaults()
        {
            UpdaterSettings s = new UpdaterSettings();
            s.ImagePath = "D:\\fw\\module.pkg";
            s.JournalFolder = "I:\\mcuupdater";
            s.MaxBlockSize = 8212;
            return s;
        }
    }
}
