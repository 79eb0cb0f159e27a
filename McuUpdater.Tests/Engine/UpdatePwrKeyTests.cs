using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>
    /// A board that wires only PWRKEY (no supply switch, no reset): the engine's power cycle is a key
    /// release and press, which a running module ignores until a press is long enough to switch it off.
    /// </summary>
    [TestClass]
    public class UpdatePwrKeyTests
    {
        private const int Length = 6 * 1012 + 7;

        private static EngineRig Rig(int variant, FaultPlan faults)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.PowerInput = PowerInput.PwrKey;
            return new EngineRig(sim, faults, null);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void PwrKeyOnly_ModuleOff_SyncsOnTheFirstPress(int variant)
        {
            EngineRig rig = Rig(variant, null);
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(Length, 31), "PWRKEY only, module off");
            Assert.AreEqual(1, rig.Power.Ons, "one press");
            Assert.AreEqual(1, rig.Module.PowerCycles, "the press booted the ROM");
            Assert.IsTrue(rig.Module.IsPowered, "releasing the press that started it leaves it running");
            Assert.AreEqual(0, r.Restarts, "no restart");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void PwrKeyOnly_ModuleRunning_SecondCycleSwitchesItOffAndOn(int variant)
        {
            EngineRig rig = Rig(variant, null);
            rig.Wire.Power.On();
            rig.Wire.RunFor(3000);
            rig.Wire.Power.Release();
            Assert.AreEqual((int)ModulePhase.RunningFirmware, (int)rig.Module.Phase, "the module runs its old firmware");

            rig.UpdateAndCheck(EngineRig.Image(Length, 32), "PWRKEY only, module running");
            Assert.AreEqual(2, rig.Power.Ons, "the first press only held the key of a running module");
            Assert.AreEqual(2, rig.Module.PowerCycles, "switched off by the long press, on by the next");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void PwrKeyOnly_RestartAfterFlashErrorNeedsTheLongPress(int variant)
        {
            EngineRig rig = Rig(variant, new FaultPlan(33).StatusAt(3, Status.FlashError));
            UpdateResult r = rig.UpdateAndCheck(EngineRig.Image(Length, 33), "PWRKEY only, flash error");
            Assert.AreEqual(1, r.Restarts, "one restart");
            Assert.AreEqual(2, rig.Module.Downloads, "downloaded twice");
            Assert.AreEqual(2, rig.Module.PowerCycles, "the module in download mode had to be switched off by a long press first");
            Assert.AreEqual(3, rig.Power.Ons, "press 1 booted it, press 2 was held on a running module, press 3 booted it again");
        }
    }
}
