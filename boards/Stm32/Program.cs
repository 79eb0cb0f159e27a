using McuUpdater.Application;
using McuUpdater.Power;

namespace McuUpdater.Boards.Stm32
{
    /// <summary>
    /// The STM32 board app for an OrgPal PalThree (firmware target ORGPAL_PALTHREE): its pin map,
    /// then the runner. The firmware fixes the UART pins, mounts the card at D:\ and internal
    /// flash at I:\ by itself; wiring and modes are in README.md.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // STM32 GPIO numbers are port * 16 + pin (PA0 = 0, PB8 = 24, PG6 = 102, PH13 = 125).
            // Slot 1, the module in every mode: USART6 (COM6: TX PC6, RX PC7) on connector IO0;
            // supply enable IO0 P7 (PH13), PWRKEY IO0 P8 (PH14), RESET_N IO0 P13 (PG9), each through an NPN.
            BoardSlot slot1 = new BoardSlot("slot 1", "COM6", new ModulePowerPins(125, 126, 105));
            slot1.Led = 127;                  // IO0 P12 (PH15)

            // Slot 2, bench mode only: USART3 (COM3: TX PB10, RX PB11) on connector IO1, which is
            // the PC's port in relay mode; supply IO1 P7 (PB8), PWRKEY IO1 P8 (PB9), no reset line.
            BoardSlot slot2 = new BoardSlot("slot 2", "COM3", new ModulePowerPins(24, 25, ModulePowerPins.None));
            slot2.Led = 122;                  // IO1 P13 (PH10)

            BoardLayout board = new BoardLayout("OrgPal PalThree", new BoardSlot[] { slot1, slot2 });
            board.PcPort = "COM3";
            board.UpdateBufferBytes = 4096;
            board.RelayBufferBytes = 8192;    // STM32 drops new bytes when full: 710 ms of line time
            board.SystemLed = 102;            // LED1 (PG6)
            board.StartButton = 0;            // the user button (PA0)
            board.StartButtonPressedHigh = true;

            // Without a configuration file: install D:\fw\module.pkg once if it is there.
            board.Defaults.ImagePath = "D:\\fw\\module.pkg";
            board.Defaults.JournalFolder = "I:\\mcuupdater";
            board.Defaults.MaxBlockSize = 8212;

            // Nothing board-specific beyond the pins: no pin routing, no card mounting.
            BoardRunner.Run(board, new DeviceHardware());
        }
    }
}
