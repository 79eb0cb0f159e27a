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
        {
            Module = new ModuleSimulator(simulator, faults);
            Wire = new VirtualWire(Module);
            if (faults != null)
            {
                faults.ApplyTo(Wire);
            }

            Power = new CountingPower(Wire.Power);
            Options = options == null ? DefaultsFor(simulator.Mtu) : options;
            Session = new UpdateSession(Wire.HostLink, Power, Wire.Clock, Options);
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

        /// <summary>0 = documented ROM, 1 = quirk ROM, advertising <paramref name="mtu"/>.</summary>
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
