using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>A restart's off time starts only when every frame still queued has left, also when two are queued (found by the fault campaign, seeds 23000 and 47339).</summary>
    [TestClass]
    public class RestartDrainTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void Restart_WaitsForBothQueuedFramesBeforeTheOffTime(int wire)
        {
            // Block 0's answer comes late, after its resend has started; the session then queues
            // block 1 behind that resend, and the ROM reports a flash error on the resend's header:
            // two 16 KB frames are still leaving when the restart begins.
            SimulatorOptions sim = EngineRig.Simulator(1, 16384);
            sim.ExpectedImageSize = 32083;
            UpdateOptions options = EngineRig.Defaults();
            options.MaxBlockSize = 16372;
            FaultPlan faults = new FaultPlan(41).SlowAt(0, 3650).EarlyFlashErrorAt(1);
            EngineRig rig = EngineRig.ForWire(wire, sim, faults, options);
            OffTimeTap tap = new OffTimeTap();
            rig.Wire.Tap = tap;
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(32083, 41), "flash error with two frames queued");
            Assert.AreEqual(1, r.Restarts, "only the flash error restarts");
            Assert.IsTrue(tap.BytesAfterPowerOff == 0, "host bytes on the line after power-off: " + tap.BytesAfterPowerOff.ToString());
        }

        /// <summary>Counts host bytes still on the line after the first power-off that followed a frame.</summary>
        private sealed class OffTimeTap : IWireTap
        {
            private long _lineFreeNs;
            private bool _sawFrame;

            public long BytesAfterPowerOff;

            public void OnHostToModule(byte[] buffer, int offset, int count, long timeNs)
            {
                if (count > 100)
                {
                    _sawFrame = true;
                }

                // Ticks and A9 go out after the off time on purpose; only frames count.
                _lineFreeNs = timeNs + (count * 86806L);
            }

            public void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs)
            {
            }

            public void OnPower(bool on, long timeNs)
            {
                if (!on && _sawFrame && _lineFreeNs > timeNs)
                {
                    BytesAfterPowerOff += (_lineFreeNs - timeNs) / 86806L;
                }
            }
        }
    }
}
