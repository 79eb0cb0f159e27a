using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>A module, its virtual wire and a scripted host, wired together for one test.</summary>
    public sealed class SimRig
    {
        /// <summary>Builds the rig; <paramref name="faults"/> may be null (its line faults are installed on the wire).</summary>
        public SimRig(SimulatorOptions options, FaultPlan faults)
        {
            Module = new ModuleSimulator(options, faults);
            Wire = new VirtualWire(Module);
            if (faults != null)
            {
                faults.ApplyTo(Wire);
            }

            Host = new ScriptedHost(Wire);
        }

        /// <summary>The simulated module.</summary>
        public ModuleSimulator Module { get; private set; }

        /// <summary>The wire between them.</summary>
        public VirtualWire Wire { get; private set; }

        /// <summary>The scripted updater.</summary>
        public ScriptedHost Host { get; private set; }

        /// <summary>0 = documented ROM, 1 = quirk ROM (DataRow-friendly); small MTU for the documented one so test data stays small.</summary>
        public static SimulatorOptions Options(int variant)
        {
            if (variant == 1)
            {
                return SimulatorOptions.SpreadtrumQuirks();
            }

            SimulatorOptions o = SimulatorOptions.Documented();
            o.Mtu = 1024;
            return o;
        }

        /// <summary>A deterministic test image.</summary>
        public static byte[] Image(int length, int seed)
        {
            byte[] image = new byte[length];
            uint x = (uint)(seed * 2654435761u) | 1;
            for (int i = 0; i < length; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                image[i] = (byte)x;
            }

            return image;
        }

        /// <summary>Power cycle, sync, BEGIN; asserts each step and returns the MTU.</summary>
        public int ConnectAndBegin()
        {
            Assert.IsTrue(Host.Connect(), "sync");
            int mtu = Host.Begin();
            Assert.IsTrue(mtu > 0, "BEGIN answered");
            return mtu;
        }
    }
}
