using System.IO;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>The real update engine against a simulated module on a virtual wire, for one test.</summary>
    public sealed class EngineRig
    {
        /// <summary>The version the simulated module reports after a completed download.</summary>
        public const string NewVersion = "M10ER01A08W32";

        /// <summary>Builds module, wire (with the plan's line faults), counted power and a session.</summary>
        public EngineRig(SimulatorOptions simulator, FaultPlan faults, UpdateOptions options)
            : this(simulator, faults, options, WireMode.DotNet)
        {
        }

        /// <summary>Builds the rig with the updater's UART behaving as <paramref name="mode"/> says.</summary>
        public EngineRig(SimulatorOptions simulator, FaultPlan faults, UpdateOptions options, WireMode mode)
            : this(simulator, faults, options, mode, McuUpdater.Protocol.Wire.BaudRate)
        {
        }

        /// <summary>Builds the rig on a line running at <paramref name="lineBaud"/> (the session still assumes its options' baud rate: a faster line stands for an unpaced link).</summary>
        public EngineRig(SimulatorOptions simulator, FaultPlan faults, UpdateOptions options, WireMode mode, int lineBaud)
            : this(simulator, faults, options, mode, lineBaud, true)
        {
        }

        /// <summary>As above; without <paramref name="writerThread"/> the session writes on its own thread (on ESP32: nothing overlaps a write).</summary>
        public EngineRig(SimulatorOptions simulator, FaultPlan faults, UpdateOptions options, WireMode mode, int lineBaud, bool writerThread)
        {
            Module = new ModuleSimulator(simulator, faults);
            Wire = new VirtualWire(Module, lineBaud, mode);
            if (faults != null)
            {
                faults.ApplyTo(Wire);
            }

            Power = new CountingPower(Wire.Power);
            Options = options == null ? DefaultsFor(simulator.Mtu) : options;
            Session = new UpdateSession(writerThread ? Wire.HostLink : Wire.HostLinkWithoutWriter, Power, Wire.Clock, Options);
        }

        /// <summary>The simulated module.</summary>
        public ModuleSimulator Module { get; private set; }

        /// <summary>The wire.</summary>
        public VirtualWire Wire { get; private set; }

        /// <summary>Power calls, counted.</summary>
        public CountingPower Power { get; private set; }

        /// <summary>The session's settings.</summary>
        public UpdateOptions Options { get; private set; }

        /// <summary>The session under test.</summary>
        public UpdateSession Session { get; private set; }

        /// <summary>Update options for tests: defaults with 8 KB frames, expecting <see cref="NewVersion"/>.</summary>
        public static UpdateOptions Defaults()
        {
            UpdateOptions o = new UpdateOptions();
            o.ExpectedVersion = NewVersion;

            // Two frame buffers of 8 KB, not 16 KB: these tests also run on a device's heap; the
            // few that need 16 KB frames ask for them.
            o.MaxBlockSize = 8212;
            return o;
        }

        /// <summary>
        /// Test rows name the wire by number: 0 = .NET, 1 = ESP32, 2 = STM32 (see <see cref="WireMode"/>),
        /// 3 = .NET with a line ten times faster than the session assumes (an unpaced simulator, a fast USB link),
        /// 4 = ESP32 without a writer thread (every write blocks the session).
        /// </summary>
        public static EngineRig ForWire(int wire, SimulatorOptions simulator, FaultPlan faults, UpdateOptions options)
        {
            if (wire == 3)
            {
                return new EngineRig(simulator, faults, options, WireMode.DotNet, 10 * McuUpdater.Protocol.Wire.BaudRate);
            }

            if (wire == 4)
            {
                return new EngineRig(simulator, faults, options, WireMode.Esp32, McuUpdater.Protocol.Wire.BaudRate, false);
            }

            return new EngineRig(simulator, faults, options, (WireMode)wire);
        }

        /// <summary>
        /// <see cref="Defaults"/> with frame buffers no larger than a module of MTU
        /// <paramref name="mtu"/> can take: the block size is the same, the two buffers smaller.
        /// </summary>
        public static UpdateOptions DefaultsFor(int mtu)
        {
            UpdateOptions o = Defaults();
            int block = McuUpdater.Protocol.Wire.BlockSizeForMtu(mtu, o.MaxBlockSize);
            if (block > 0)
            {
                // An MTU that carries no block keeps the default: those tests are about refusing it.
                o.MaxBlockSize = block;
            }

            return o;
        }

        /// <summary>Simulator options for a documented (0) or quirks (1) ROM.</summary>
        public static SimulatorOptions Simulator(int variant, int mtu)
        {
            SimulatorOptions o = variant == 1 ? SimulatorOptions.SpreadtrumQuirks() : SimulatorOptions.Documented();
            o.Mtu = mtu;
            o.NewFirmwareVersion = NewVersion;
            return o;
        }

        /// <summary>A deterministic image of <paramref name="length"/> bytes.</summary>
        public static byte[] Image(int length, uint seed)
        {
            byte[] image = new byte[length];
            new Support.TestRandom(seed).Fill(image, 0, length);
            return image;
        }

        /// <summary>Runs the session on <paramref name="image"/> as a raw BIN.</summary>
        public UpdateResult Update(byte[] image)
        {
            return Session.Run(new BinImage(new MemoryStream(image), "test.bin"));
        }

        /// <summary>Runs a whole update and asserts it ended in success with the image byte-exact in the module.</summary>
        public UpdateResult UpdateAndCheck(byte[] image, string what)
        {
            UpdateResult r = Update(image);
            ExpectOutcome(UpdateOutcome.Success, r, what);
            Assert.IsTrue(Module.ImageMatches(image), what + ": byte-exact image in the module");
            Assert.AreEqual((image.Length + 1) & ~1, Module.ReceivedImageLength, what + ": image plus at most one pad byte");
            Assert.IsTrue(Module.HasValidFirmware, what + ": module has valid firmware");
            Assert.AreEqual(NewVersion, r.FirmwareVersion, what + ": version read over AT");
            Assert.AreEqual(1, Power.Releases, what + ": power released once");
            return r;
        }

        /// <summary>Asserts the outcome, showing the session's sentence on failure.</summary>
        public static void ExpectOutcome(UpdateOutcome expected, UpdateResult r, string what)
        {
            Assert.AreEqual((int)expected, (int)r.Outcome, what + ": outcome " + OutcomeNames.Name(r.Outcome) + " (" + r.Detail + ")");
        }

        /// <summary>Block size the session will use with this rig's MTU.</summary>
        public int BlockSize
        {
            get { return McuUpdater.Protocol.Wire.BlockSizeForMtu(Module.Mtu, Options.MaxBlockSize); }
        }

        /// <summary>Blocks an image of <paramref name="length"/> bytes takes with this rig's block size.</summary>
        public int BlockCount(int length)
        {
            int block = BlockSize;
            return (length + block - 1) / block;
        }
    }
}
