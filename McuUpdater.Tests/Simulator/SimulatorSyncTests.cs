using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class SimulatorSyncTests
    {
        [TestMethod]
        public void Sync_DocumentedRomAnswersBothStagesInsideWindow()
        {
            ModuleSimulator module = new ModuleSimulator(SimulatorOptions.Documented());
            ScriptedHost host = new ScriptedHost(new VirtualWire(module));
            host.PowerCycle(500);
            Assert.IsTrue(host.SyncStage1(400), "0x5B inside the window");
            Assert.AreEqual((int)ModulePhase.WaitSync2, (int)module.Phase, "waits for 0xA9");
            Assert.IsTrue(host.SyncStage2(100), "0x9A after 0xA9");
            Assert.AreEqual((int)ModulePhase.CommandMode, (int)module.Phase, "command mode");
            Assert.AreEqual(1, module.Syncs, "one sync");
        }

        [TestMethod]
        public void Sync_BootNoiseComesBeforeTheAnswer()
        {
            SimulatorOptions options = SimulatorOptions.Documented();
            options.SyncWindowOpenMs = 10;
            ModuleSimulator module = new ModuleSimulator(options);
            ScriptedHost host = new ScriptedHost(new VirtualWire(module));
            host.PowerCycle(500);
            Assert.IsTrue(host.SyncStage1(400), "sync once the window opens");
            Assert.AreEqual(3, host.NoiseSeen, "B6 00 FF came first and were discarded by the host");
        }

        [TestMethod]
        public void Sync_QuirkRomIsInCommandModeAfterOneByte()
        {
            ModuleSimulator module = new ModuleSimulator(SimulatorOptions.SpreadtrumQuirks());
            ScriptedHost host = new ScriptedHost(new VirtualWire(module));
            host.PowerCycle(500);
            Assert.IsTrue(host.SyncStage1(300), "0x5B");
            Assert.AreEqual((int)ModulePhase.CommandMode, (int)module.Phase, "command mode at once");
            Assert.IsFalse(host.SyncStage2(100), "no 0x9A from a single-stage ROM");
            Assert.AreEqual(16384, host.Begin(), "BEGIN works right after, MTU 16384");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Sync_AfterWindowBootsStoredFirmware(int variant)
        {
            SimulatorOptions options = variant == 0 ? SimulatorOptions.Documented() : SimulatorOptions.SpreadtrumQuirks();
            ModuleSimulator module = new ModuleSimulator(options);
            VirtualWire wire = new VirtualWire(module);
            ScriptedHost host = new ScriptedHost(wire);
            host.PowerCycle(500);
            wire.Clock.Sleep(400);
            Assert.IsFalse(host.SyncStage1(200), "no answer after the window");
            Assert.AreEqual((int)ModulePhase.RunningFirmware, (int)module.Phase, "stored firmware runs");
            wire.Clock.Sleep(options.FirmwareBootMs);
            host.Drain(10);
            string reply = host.At("AT+GMR", 50);
            Assert.AreEqual("AT+GMR\r\r\n" + options.OldFirmwareVersion + "\r\n\r\nOK\r\n", reply, "old version, echo on");
        }

        [TestMethod]
        public void Sync_WindowOpensLateIgnoresEarlyBytes()
        {
            SimulatorOptions options = SimulatorOptions.Documented();
            options.SyncWindowOpenMs = 100;
            ModuleSimulator module = new ModuleSimulator(options);
            ScriptedHost host = new ScriptedHost(new VirtualWire(module));
            host.PowerCycle(500);
            Assert.IsFalse(host.SyncStage1(80), "nothing before 100 ms");
            Assert.IsTrue(host.SyncStage1(100), "answered once the window is open");
            Assert.IsTrue(host.NowMs - 500 >= 100, "answer after the window opened");
        }

        [TestMethod]
        public void Sync_MissingSecondStageBootsStoredFirmware()
        {
            SimulatorOptions options = SimulatorOptions.Documented();
            ModuleSimulator module = new ModuleSimulator(options);
            VirtualWire wire = new VirtualWire(module);
            ScriptedHost host = new ScriptedHost(wire);
            host.PowerCycle(500);
            Assert.IsTrue(host.SyncStage1(400), "stage 1");
            wire.Clock.Sleep(options.Sync2TimeoutMs + 1);
            Assert.AreEqual((int)ModulePhase.RunningFirmware, (int)module.Phase, "gave up waiting for 0xA9");
        }

        [TestMethod]
        public void Sync_PowerOnTooSoonAfterOffIsIgnored()
        {
            SimulatorOptions options = SimulatorOptions.Documented();
            options.PowerOnMinOffMs = 300;
            ModuleSimulator module = new ModuleSimulator(options);
            VirtualWire wire = new VirtualWire(module);
            ScriptedHost host = new ScriptedHost(wire);
            wire.Power.On();
            host.PowerCycle(100);
            Assert.AreEqual(1, module.IgnoredPowerOns, "100 ms off is not enough");
            Assert.IsFalse(host.SyncStage1(400), "a dark module does not answer");
            host.PowerCycle(300);
            Assert.IsTrue(host.SyncStage1(400), "300 ms off is enough");
            Assert.AreEqual(2, module.PowerCycles, "two real power-ons");
        }

        [TestMethod]
        public void Sync_NoFirmwareMeansSilenceAfterWindow()
        {
            SimulatorOptions options = SimulatorOptions.Documented();
            options.HasFirmwareInitially = false;
            ModuleSimulator module = new ModuleSimulator(options);
            VirtualWire wire = new VirtualWire(module);
            ScriptedHost host = new ScriptedHost(wire);
            host.PowerCycle(500);
            wire.Clock.Sleep(2000);
            Assert.AreEqual(3, host.Drain(10), "only the boot noise");
            Assert.AreEqual("", host.At("AT", 500), "nothing answers");
            Assert.IsFalse(module.HasValidFirmware, "no firmware");
        }

        [TestMethod]
        public void Sync_ModulePhaseIsOffWithoutPower()
        {
            ModuleSimulator module = new ModuleSimulator(SimulatorOptions.Documented());
            VirtualWire wire = new VirtualWire(module);
            Assert.AreEqual((int)ModulePhase.Off, (int)module.Phase, "starts off");
            wire.Power.On();
            Assert.AreEqual((int)ModulePhase.Booting, (int)module.Phase, "boots on power");
            wire.Power.Off();
            Assert.AreEqual((int)ModulePhase.Off, (int)module.Phase, "off again");
        }
    }
}
