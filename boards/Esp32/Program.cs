using McuUpdater.Application;
using McuUpdater.Power;

namespace McuUpdater.Boards.Esp32
{
    /// <summary>The ESP32 board app: an ESP32-DevKitC with an SD slot (SDMMC, 1-bit). Its pin map, then the runner; wiring and modes are in README.md.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // Slot 1, the module in every mode: UART2 on GPIO 17 (TX) / 16 (RX); supply enable
            // GPIO 25, PWRKEY GPIO 26 and RESET_N GPIO 27, each through an NPN (high = asserted).
            BoardSlot slot1 = new BoardSlot("slot 1", "COM2", new ModulePowerPins(25, 26, 27));
            slot1.Led = 22;

            // Slot 2, bench mode only: UART3 on GPIO 4 (TX) / 5 (RX), which is the PC's port in
            // relay mode; supply GPIO 32, PWRKEY GPIO 33, no reset line.
            BoardSlot slot2 = new BoardSlot("slot 2", "COM3", new ModulePowerPins(32, 33, ModulePowerPins.None));
            slot2.Led = 23;

            BoardLayout board = new BoardLayout("ESP32-DevKitC", new BoardSlot[] { slot1, slot2 });
            board.PcPort = "COM3";
            board.UpdateBufferBytes = 4096;   // responses are small; writes wait for room
            board.RelayBufferBytes = 8192;    // 710 ms of line time per port; two fit without PSRAM
            board.SystemLed = 21;             // not GPIO 2: that is the SD slot's D0
            board.StartButton = 0;            // the DevKitC's BOOT button, pressed = low
            board.StartButtonPressedHigh = false;

            // Without a configuration file: install D:\fw\module.pkg once if it is there.
            board.Defaults.ImagePath = "D:\\fw\\module.pkg";
            board.Defaults.JournalFolder = "I:\\mcuupdater";
            board.Defaults.MaxBlockSize = 8212;

            Esp32Hardware hardware = new Esp32Hardware();
            hardware.RouteUart("COM2", 17, 16);
            hardware.RouteUart("COM3", 4, 5);
            BoardRunner.Run(board, hardware);
        }
    }
}
