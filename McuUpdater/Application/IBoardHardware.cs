using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>Everything <see cref="BoardRunner"/> opens on a board: ports, pins, storage, clock, debug output. <see cref="DeviceHardware"/> on a device, simulated in tests.</summary>
    public interface IBoardHardware
    {
        /// <summary>The board's clock (waits for the button, blink codes, the relay).</summary>
        IClock Clock { get; }

        /// <summary>The clock slot <paramref name="slot"/>'s update waits on: the board's clock on a device, each simulated module's own virtual time in tests.</summary>
        IClock SlotClock(int slot);

        /// <summary>Files (configuration, images).</summary>
        IDeviceStorage Storage { get; }

        /// <summary>Mounts the card at <paramref name="root"/> if the board must (ESP32) or checks the firmware did (STM32); false when there is none.</summary>
        bool MountCard(string root);

        /// <summary>
        /// Opens a UART at 115200 8N1 with <paramref name="bufferBytes"/> of receive and transmit buffer.
        /// <paramref name="sessionWrites"/> is true when an update session writes its frames through
        /// it (update and bench modes, not relay): where Write blocks until the bytes have left (ESP32),
        /// the board can give such a port a writer thread.
        /// </summary>
        ISerialLink OpenPort(string port, int bufferBytes, bool sessionWrites);

        /// <summary>Takes the module's power pins, at their safe levels.</summary>
        IModulePower OpenPower(ModulePowerPins pins);

        /// <summary>Opens an LED pin, dark.</summary>
        IStatusLed OpenLed(int pin, bool activeHigh);

        /// <summary>Opens the start button's pin.</summary>
        IStartButton OpenButton(int pin, bool pressedHigh);

        /// <summary>The update journal's store in <paramref name="folder"/>.</summary>
        IJournalStore OpenJournalStore(string folder);

        /// <summary>The bench's results log at <paramref name="path"/>.</summary>
        IResultsLog OpenResultsLog(string path);

        /// <summary>One line of debug output.</summary>
        void Log(string line);
    }
}
