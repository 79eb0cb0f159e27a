using System.Collections;
using System.IO;
using McuUpdater.Application;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Application
{
    /// <summary>A board for <see cref="BoardRunner"/> with simulated ports, pins, files, journal, results log and debug output.</summary>
    public sealed class SimulatedBoard : IBoardHardware
    {
        private readonly ArrayList _portNames = new ArrayList();
        private readonly ArrayList _ports = new ArrayList();
        private readonly ArrayList _powerPins = new ArrayList();
        private readonly ArrayList _powers = new ArrayList();
        private readonly ArrayList _slotClocks = new ArrayList();

        /// <summary>A board on <paramref name="clock"/> over shared files and journal (they survive a reset; the board object does not).</summary>
        public SimulatedBoard(IClock clock, MemoryDeviceStorage files, MemoryJournalStore journal)
        {
            Clock = clock;
            Files = files;
            Journal = journal;
            Results = new MemoryResultsLog();
            Lines = new ArrayList();
            Leds = new ArrayList();
            SessionPorts = new ArrayList();
            CardPresent = true;
        }

        public IClock Clock { get; private set; }

        /// <summary>The files (card and internal flash alike).</summary>
        public MemoryDeviceStorage Files { get; private set; }

        /// <summary>The journal's store.</summary>
        public MemoryJournalStore Journal { get; private set; }

        /// <summary>The bench's results.</summary>
        public MemoryResultsLog Results { get; private set; }

        /// <summary>Debug output, one line each.</summary>
        public ArrayList Lines { get; private set; }

        /// <summary>LEDs the runner opened, in order.</summary>
        public ArrayList Leds { get; private set; }

        /// <summary>Ports opened for an update session's writes (update and bench modes).</summary>
        public ArrayList SessionPorts { get; private set; }

        /// <summary>What <see cref="OpenButton"/> returns.</summary>
        public IStartButton Button { get; set; }

        /// <summary>Whether the card mounts.</summary>
        public bool CardPresent { get; set; }

        public IDeviceStorage Storage
        {
            get { return Files; }
        }

        /// <summary>Wires a port; slots also get their power and clock, in slot order.</summary>
        public void AddPort(string name, ISerialLink link)
        {
            _portNames.Add(name);
            _ports.Add(link);
        }

        /// <summary>Wires a slot: its port, its power pins' module, the clock its session waits on.</summary>
        public void AddSlot(string port, ISerialLink link, ModulePowerPins pins, IModulePower power, IClock clock)
        {
            AddPort(port, link);
            _powerPins.Add(pins);
            _powers.Add(power);
            _slotClocks.Add(clock);
        }

        public IClock SlotClock(int slot)
        {
            return (IClock)_slotClocks[slot];
        }

        public bool MountCard(string root)
        {
            return CardPresent;
        }

        public ISerialLink OpenPort(string port, int bufferBytes, bool sessionWrites)
        {
            int i = _portNames.IndexOf(port);
            if (i < 0)
            {
                throw new IOException("no port " + port + " on this board");
            }

            if (sessionWrites)
            {
                SessionPorts.Add(port);
            }

            return (ISerialLink)_ports[i];
        }

        public IModulePower OpenPower(ModulePowerPins pins)
        {
            int i = _powerPins.IndexOf(pins);
            if (i < 0)
            {
                throw new IOException("no module wired to these power pins");
            }

            return (IModulePower)_powers[i];
        }

        public IStatusLed OpenLed(int pin, bool activeHigh)
        {
            RecordingLed led = new RecordingLed(pin);
            Leds.Add(led);
            return led;
        }

        public IStartButton OpenButton(int pin, bool pressedHigh)
        {
            return Button;
        }

        public IJournalStore OpenJournalStore(string folder)
        {
            return Journal;
        }

        public IResultsLog OpenResultsLog(string path)
        {
            return Results;
        }

        public void Log(string line)
        {
            lock (Lines)
            {
                Lines.Add(line);
            }
        }

        /// <summary>The first debug line that starts with <paramref name="prefix"/>, or null.</summary>
        public string Line(string prefix)
        {
            lock (Lines)
            {
                for (int i = 0; i < Lines.Count; i++)
                {
                    string line = (string)Lines[i];
                    if (line.IndexOf(prefix) == 0)
                    {
                        return line;
                    }
                }
            }

            return null;
        }

        /// <summary>The LED opened for <paramref name="pin"/>, or null.</summary>
        public RecordingLed Led(int pin)
        {
            for (int i = 0; i < Leds.Count; i++)
            {
                RecordingLed led = (RecordingLed)Leds[i];
                if (led.Pin == pin)
                {
                    return led;
                }
            }

            return null;
        }

        /// <summary>Writes the configuration file the runner reads from the card.</summary>
        public void Configure(string text)
        {
            Files.Put("D:\\mcuupdater.cfg", System.Text.Encoding.UTF8.GetBytes(text));
        }
    }
}
