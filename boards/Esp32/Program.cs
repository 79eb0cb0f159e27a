using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using McuUpdater.Application;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Storage;
using McuUpdater.Timing;
using nanoFramework.System.IO.FileSystem;

namespace McuUpdater.Boards.Esp32
{
    /// <summary>The ESP32 board app: pins, SD card, LED, then one call into the core — update the module, or relay a PC to it.</summary>
    public static class Program
    {
        // LED blink codes for failures a technician can read without a debugger.
        private const int BlinkConfig = 2;
        private const int BlinkUpdate = 3;
        private const int BlinkNoImage = 4;
        private const int BlinkCrash = 5;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            GpioController gpio = new GpioController();
            StatusLed led = new StatusLed(gpio, BoardPins.Led);
            try
            {
                Run(gpio, led);
            }
            catch (Exception e)
            {
                // Whatever escaped (a storage error, a port that would not open) must still show.
                Debug.WriteLine("stopped: " + e.Message);
                led.Fail(BlinkCrash);
            }
        }

        private static void Run(GpioController gpio, StatusLed led)
        {
            BoardPins.RouteUarts();
            bool card = MountCard();

            UpdaterSettings settings;
            try
            {
                settings = ConfigFile.Load(new FileDeviceStorage(), card ? BoardPins.CardConfig : BoardPins.FlashConfig, BoardPins.Defaults());
            }
            catch (ConfigException e)
            {
                Debug.WriteLine("configuration: " + e.Message);
                led.Fail(BlinkConfig);
                return;
            }

            int buffer = settings.Mode == UpdaterMode.Relay ? BoardPins.RelayBufferBytes : BoardPins.UpdateBufferBytes;
            using (GpioModulePower power = new GpioModulePower(gpio, false, BoardPins.ModulePower()))
            using (SerialPortLink module = new SerialPortLink(BoardPins.ModulePort, Wire.BaudRate, buffer, SystemClock.Instance))
            {
                if (settings.Mode == UpdaterMode.Relay)
                {
                    Relay(settings, module, power, led);
                }
                else if (settings.Mode == UpdaterMode.Bench)
                {
                    Bench(settings, gpio, module, power, led);
                }
                else
                {
                    Update(settings, module, power, led);
                }
            }
        }

        private static void Update(UpdaterSettings settings, SerialPortLink module, GpioModulePower power, StatusLed led)
        {
            led.Busy();
            UpdateJournal journal = new UpdateJournal(new FileJournalStore(settings.JournalFolder));
            // ESP32's Write blocks until the bytes have left: a writer thread sends frame k while the
            // engine reads and seals frame k+1 (never disposed: this thread ends in a sleep or a blink).
            WriterThreadLink link = new WriterThreadLink(module);
            FieldUpdater updater = new FieldUpdater(settings, new FileDeviceStorage(), journal, link, power, SystemClock.Instance);
            updater.Session.Events.Progress += (sender, bytesDone, bytesTotal, blocksDone, blocksTotal) => led.Progress();
            FieldReport report = updater.Run();
            Debug.WriteLine(report.Decision.Reason);
            if (report.ImageProblem != null)
            {
                Debug.WriteLine("image: " + report.ImageProblem);
            }

            if (report.JournalProblem != null)
            {
                Debug.WriteLine("journal: " + report.JournalProblem);
            }

            if (report.Result != null)
            {
                Debug.WriteLine("update: " + McuUpdater.Session.OutcomeNames.Name(report.Result.Outcome) + ": " + report.Result.Detail);
            }

            if (report.ModuleUpToDate || report.Decision.Action == FieldAction.NothingToInstall)
            {
                led.Done();
                Thread.Sleep(Timeout.Infinite);
            }

            led.Fail(report.Decision.RunsUpdate ? BlinkUpdate : BlinkNoImage);
        }

        private static void Relay(UpdaterSettings settings, SerialPortLink module, GpioModulePower power, StatusLed led)
        {
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = settings.RelayAutoPower;
            using (SerialPortLink pc = new SerialPortLink(BoardPins.PcPort, Wire.BaudRate, BoardPins.RelayBufferBytes, SystemClock.Instance))
            {
                RelayEngine relay = new RelayEngine(pc, module, settings.RelayAutoPower ? power : null, SystemClock.Instance, options);
                relay.Start();
                led.Done();
                while (relay.IsRunning)
                {
                    Thread.Sleep(1000);
                }

                Debug.WriteLine("relay stopped: " + (relay.Fault != null ? relay.Fault.Message : "no reason"));
                led.Fail(BlinkUpdate);
            }
        }

        // Two slots; each press of the start button flashes both modules and logs them.
        private static void Bench(UpdaterSettings settings, GpioController gpio, SerialPortLink module, GpioModulePower power, StatusLed led)
        {
            if (settings.ImagePath == null)
            {
                Debug.WriteLine("bench: no image configured");
                led.Fail(BlinkNoImage);
                return;
            }

            GpioPin button = gpio.OpenPin(BoardPins.StartButton, PinMode.InputPullUp);
            using (GpioModulePower power2 = new GpioModulePower(gpio, false, BoardPins.Slot2Power()))
            using (SerialPortLink module2 = new SerialPortLink(BoardPins.Slot2Port, Wire.BaudRate, BoardPins.UpdateBufferBytes, SystemClock.Instance))
            {
                BenchSlot[] slots = new BenchSlot[]
                {
                    new BenchSlot("slot 1", new WriterThreadLink(module), power, SystemClock.Instance, settings.ToUpdateOptions()),
                    new BenchSlot("slot 2", new WriterThreadLink(module2), power2, SystemClock.Instance, settings.ToUpdateOptions()),
                };
                BenchRig rig = new BenchRig(slots, new FileResultsLog(settings.ResultsPath));
                IDeviceStorage storage = new FileDeviceStorage();
                while (true)
                {
                    led.Done();
                    while (button.Read() == PinValue.High)
                    {
                        Thread.Sleep(50);
                    }

                    led.Busy();
                    int ok = rig.RunRound(storage, settings.ImagePath);
                    Debug.WriteLine("bench round " + rig.Rounds.ToString() + ": " + ok.ToString() + " of " + slots.Length.ToString() + " flashed");
                    if (ok < slots.Length)
                    {
                        // Blink the failures' count once, then wait for the next press.
                        led.Blink(slots.Length - ok);
                    }
                }
            }
        }

        // The card is optional: without it the board runs from internal flash (I:\).
        private static bool MountCard()
        {
            try
            {
                SDCardMmcParameters mmc = new SDCardMmcParameters();
                mmc.slotIndex = 0;
                mmc.dataWidth = SDCard.SDDataWidth._1_bit;
                CardDetectParameters detect = new CardDetectParameters();
                detect.enableCardDetectPin = false;
                SDCard card = new SDCard(mmc, detect);
                card.Mount();
                return card.IsMounted;
            }
            catch (Exception e)
            {
                Debug.WriteLine("no SD card: " + e.Message);
                return false;
            }
        }
    }
}
