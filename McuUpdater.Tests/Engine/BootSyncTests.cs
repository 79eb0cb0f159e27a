using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    [TestClass]
    public class BootSyncTests
    {
        private static BootSync Sync(EngineRig rig)
        {
            return new BootSync(rig.Wire.HostLink, rig.Power, rig.Wire.Clock, rig.Options, null, null);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Sync_TicksEvery20MsPowersOnAfterFirstTicksAndStopsBeforeA9(int variant)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.SyncWindowOpenMs = 120;
            EngineRig rig = new EngineRig(sim, null, null);
            SyncTap tap = new SyncTap();
            rig.Wire.Tap = tap;
            SyncResult result = Sync(rig).Run();

            Assert.AreEqual((int)(variant == 0 ? SyncResult.Synced : SyncResult.SyncedWithout9A), (int)result, "two-stage only on the documented ROM");
            Assert.IsTrue(tap.B5Count >= 7, "ticked through the 120 ms before the window opened: " + tap.B5Count.ToString());
            for (int i = 1; i < tap.B5Count; i++)
            {
                Assert.AreEqual(20L, tap.B5[i] - tap.B5[i - 1], "0xB5 period, tick " + i.ToString());
            }

            Assert.AreEqual(500L, tap.B5[0] - tap.PowerOff, "off time before the first tick");
            Assert.AreEqual(tap.B5[1], tap.PowerOn, "powered on at the second tick");
            Assert.IsTrue(tap.A9 >= tap.Rsp5B, "0xA9 only after 0x5B");
            Assert.AreEqual(0, tap.B5AfterA9, "no 0xB5 after 0xA9");
            Assert.IsTrue(tap.A9 - tap.B5[tap.B5Count - 1] < 20, "ticker stopped at the 0x5B, before the next tick");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Sync_HonoursTheBoardOffTime(int variant)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.PowerOnMinOffMs = 800;

            // The module starts powered (first sync), so the next power cycle needs the full off time.
            EngineRig rig = new EngineRig(sim, null, null);
            Assert.IsTrue(Sync(rig).Run() != SyncResult.Failed, "first power-on");
            rig.Options.SyncAttempts = 1;
            Assert.AreEqual((int)SyncResult.Failed, (int)Sync(rig).Run(), "500 ms off is too short for this board");

            EngineRig patient = new EngineRig(sim, null, null);
            Assert.IsTrue(Sync(patient).Run() != SyncResult.Failed, "first power-on");
            patient.Options.PowerOffMs = 900;
            patient.Options.SyncAttempts = 1;
            Assert.IsTrue(Sync(patient).Run() != SyncResult.Failed, "900 ms off is enough");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void Sync_OffTimeStartsOnlyWhenTheTransmitSideHasDrained(int wire)
        {
            // An 8 KB frame (714 ms on the wire) was just handed over when a restart begins: on .NET
            // and STM32 Write queued it, on ESP32 the writer thread is still sending it.
            EngineRig rig = EngineRig.ForWire(wire, EngineRig.Simulator(0, 8224), null, null);
            SyncTap tap = new SyncTap();
            rig.Wire.Tap = tap;
            McuUpdater.Link.Transmitter transmitter = new McuUpdater.Link.Transmitter(rig.Wire.HostLink, rig.Wire.Clock, rig.Options.BaudRate);
            byte[] frame = new byte[8223];
            transmitter.WriteInBackground(frame, 0, frame.Length);
            BootSync sync = new BootSync(transmitter, rig.Power, rig.Wire.Clock, rig.Options, null, null);
            Assert.IsTrue(sync.Run() != SyncResult.Failed, "synced");
            long frameEndMs = (8223L * 10 * 1000 + 115199) / 115200;
            Assert.IsTrue(tap.PowerOff >= frameEndMs, "power off only once the frame has left (" + frameEndMs.ToString() + " ms): " + tap.PowerOff.ToString());
            Assert.IsTrue(tap.PowerOff <= frameEndMs + 2, "and no later than needed: " + tap.PowerOff.ToString());
            Assert.AreEqual(500L, tap.B5[0] - tap.PowerOff, "then the whole off time before the first tick");
        }

        [TestMethod]
        public void Sync_GivesUpOneSecondAfterPowerOn()
        {
            FaultPlan faults = new FaultPlan(1);
            faults.MissBootWindows = 1;
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), faults, null);
            SyncTap tap = new SyncTap();
            rig.Wire.Tap = tap;
            BootSync sync = Sync(rig);
            Assert.AreEqual((int)SyncResult.Synced, (int)sync.Run(), "second power cycle syncs");
            Assert.AreEqual(2, sync.Attempts, "two attempts");

            // First attempt: on at 520 ms, gave up at 1520, off again; second: 500 ms off, 20 ms of ticks.
            Assert.AreEqual(1520L + 500 + 20, tap.PowerOn, "second power-on after the 1 s sync timeout and the off time");
        }

        [TestMethod]
        public void Sync_IgnoresBootNoiseAndOldFirmwareChatter()
        {
            SimulatorOptions sim = EngineRig.Simulator(0, 1024);
            sim.BootNoise = new byte[] { 0xB6, 0x00, 0xFF, 0x9A, 0xAA, 0x5A };
            sim.BootNoiseAtMs = new int[] { 1, 2, 3, 4, 5, 6 };
            sim.SyncWindowOpenMs = 60;
            EngineRig rig = new EngineRig(sim, null, null);
            rig.UpdateAndCheck(EngineRig.Image(3000, 1), "noisy boot");
        }
    }
}
