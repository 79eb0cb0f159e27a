using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>The simulator's power input wired to PWRKEY (supply always on): hold times switch the module.</summary>
    [TestClass]
    public class SimulatorPwrKeyTests
    {
        private static SimRig Rig()
        {
            SimulatorOptions o = SimRig.Options(0);
            o.PowerInput = PowerInput.PwrKey;
            o.PwrKeyOnHoldMs = 500;
            o.PwrKeyOffHoldMs = 650;
            return new SimRig(o, null);
        }

        [TestMethod]
        public void PwrKey_ShortPressLeavesTheModuleOff()
        {
            SimRig rig = Rig();
            rig.Wire.Power.On();
            rig.Wire.RunFor(499);
            rig.Wire.Power.Off();
            rig.Wire.RunFor(1000);
            Assert.AreEqual((int)ModulePhase.Off, (int)rig.Module.Phase, "499 ms is not long enough");
            Assert.AreEqual(0, rig.Module.PowerCycles, "never booted");
        }

        [TestMethod]
        public void PwrKey_HeldPressBootsAndTheWindowCountsFromThere()
        {
            SimRig rig = Rig();
            rig.Wire.Power.On();
            rig.Wire.RunFor(499);
            Assert.AreEqual((int)ModulePhase.Off, (int)rig.Module.Phase, "still off at 499 ms");
            rig.Wire.RunFor(1);
            Assert.AreEqual((int)ModulePhase.Booting, (int)rig.Module.Phase, "booting at 500 ms");
            rig.Wire.RunFor(300);
            Assert.IsTrue(rig.Host.SyncStage1(100), "0xB5 at 300 ms after boot is inside the 350 ms window, 800 ms after the press");
            Assert.AreEqual(1, rig.Module.PowerCycles, "one power-on");
        }

        [TestMethod]
        public void PwrKey_ReleasingThePressThatStartedTheModuleKeepsItOn()
        {
            SimRig rig = Rig();
            rig.Wire.Power.On();
            rig.Wire.RunFor(2000);
            rig.Wire.Power.Release();
            rig.Wire.RunFor(3000);
            Assert.AreEqual((int)ModulePhase.RunningFirmware, (int)rig.Module.Phase, "a 2 s press that switched it on does not switch it off");
            Assert.IsTrue(rig.Host.At("AT", 500).IndexOf("OK") >= 0, "the firmware answers");
        }

        [TestMethod]
        [DataRow(300, true)]
        [DataRow(649, true)]
        [DataRow(650, false)]
        [DataRow(2000, false)]
        public void PwrKey_LongPressOnARunningModuleTurnsItOffOnRelease(int holdMs, bool staysOn)
        {
            SimRig rig = Rig();
            rig.Wire.Power.On();
            rig.Wire.RunFor(600);
            rig.Wire.Power.Off();
            rig.Wire.RunFor(100);
            rig.Wire.Power.On();
            rig.Wire.RunFor(holdMs);
            Assert.IsTrue(rig.Module.IsPowered, "still on while the key is held");
            rig.Wire.Power.Off();
            rig.Wire.RunFor(10);
            Assert.AreEqual(staysOn, rig.Module.IsPowered, "held " + holdMs.ToString() + " ms");
            Assert.AreEqual(1, rig.Module.PowerCycles, "the second press never booted the ROM again");
        }
    }
}
