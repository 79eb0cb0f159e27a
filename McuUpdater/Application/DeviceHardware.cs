using System.Device.Gpio;
using System.Diagnostics;
using System.IO;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>
    /// A nanoFramework board's hardware through the portable APIs: GPIO pins, serial ports, files,
    /// the debug output. A board subclasses it only for what its target does differently (the ESP32
    /// routes UART pins and mounts its card; an STM32 target's firmware does both itself).
    /// </summary>
    public class DeviceHardware : IBoardHardware
    {
        private readonly GpioController _gpio = new GpioController();
        private readonly IDeviceStorage _storage = new FileDeviceStorage();

        /// <inheritdoc />
        public IClock Clock
        {
            get { return SystemClock.Instance; }
        }

        /// <inheritdoc />
        public IClock SlotClock(int slot)
        {
            return SystemClock.Instance;
        }

        /// <inheritdoc />
        public IDeviceStorage Storage
        {
            get { return _storage; }
        }

        /// <summary>The board's GPIO controller (shared by every pin the runner opens).</summary>
        protected GpioController Gpio
        {
            get { return _gpio; }
        }

        /// <summary>How long <see cref="MountCard"/> waits for the firmware to mount the card after boot.</summary>
        public const int CardWaitMs = 3000;

        /// <inheritdoc />
        /// <remarks>
        /// By default the firmware mounts the card by itself (STM32 targets with a card slot, from
        /// the slot's detect callback, which can come a little after the app starts): the card is
        /// there when its root appears within <see cref="CardWaitMs"/>.
        /// </remarks>
        public virtual bool MountCard(string root)
        {
            for (int waited = 0; waited < CardWaitMs; waited += 100)
            {
                if (Directory.Exists(root))
                {
                    return true;
                }

                SystemClock.Instance.Sleep(100);
            }

            return Directory.Exists(root);
        }

        /// <inheritdoc />
        public virtual ISerialLink OpenPort(string port, int bufferBytes, bool sessionWrites)
        {
            return new SerialPortLink(port, Wire.BaudRate, bufferBytes, SystemClock.Instance);
        }

        /// <inheritdoc />
        public IModulePower OpenPower(ModulePowerPins pins)
        {
            return new GpioModulePower(_gpio, false, pins);
        }

        /// <inheritdoc />
        public IStatusLed OpenLed(int pin, bool activeHigh)
        {
            return new GpioStatusLed(_gpio, pin, activeHigh);
        }

        /// <inheritdoc />
        public IStartButton OpenButton(int pin, bool pressedHigh)
        {
            return new GpioStartButton(_gpio, pin, pressedHigh);
        }

        /// <inheritdoc />
        public IJournalStore OpenJournalStore(string folder)
        {
            return new FileJournalStore(folder);
        }

        /// <inheritdoc />
        public IResultsLog OpenResultsLog(string path)
        {
            return new FileResultsLog(path);
        }

        /// <inheritdoc />
        public void Log(string line)
        {
            Debug.WriteLine(line);
        }
    }
}
