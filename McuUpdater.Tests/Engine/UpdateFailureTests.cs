using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Faults that do not go away: the update ends cleanly with the right outcome, power released.</summary>
    [TestClass]
    public class UpdateFailureTests
    {
        private static EngineRig Rig(int variant, FaultPlan faults, int wire)
        {
            return EngineRig.ForWire(wire, EngineRig.Simulator(variant, 1024), faults, null);
        }

        private static void ExpectReleased(EngineRig rig)
        {
            Assert.AreEqual(1, rig.Power.Releases, "power released once");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_FailsWithFlashErrorPersistedWhenRestartsRunOut(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(1);
            for (int i = 0; i < 4; i++)
            {
                faults.StatusAt(2, Status.FlashError);
            }

            EngineRig rig = Rig(variant, faults, wire);
            UpdateResult r = rig.Update(EngineRig.Image(5000, 1));
            EngineRig.ExpectOutcome(UpdateOutcome.FlashErrorPersisted, r, "flash error 4 times");
            Assert.AreEqual(3, r.Restarts, "MaxRestarts = 3");
            Assert.AreEqual(4, rig.Module.Downloads, "4 passes");
            Assert.IsTrue(r.Detail.IndexOf("block 2") >= 0, "detail names the block: " + r.Detail);
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_FailsWithModuleSilentWhenPowerKeepsFailing(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(2);
            for (int i = 0; i < 2; i++)
            {
                faults.PowerLossAt(1);
            }

            EngineRig rig = Rig(variant, faults, wire);
            rig.Options.MaxRestarts = 1;
            UpdateResult r = rig.Update(EngineRig.Image(5000, 2));
            EngineRig.ExpectOutcome(UpdateOutcome.ModuleSilent, r, "power loss twice, one restart allowed");
            Assert.AreEqual(1, r.Restarts, "one restart");
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_FailsWithProtocolErrorWhenNextKeepsJumpingAhead(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(3);
            for (int i = 0; i < 3; i++)
            {
                faults.WrongNextAt(1, 4);
            }

            EngineRig rig = Rig(variant, faults, wire);
            rig.Options.MaxRestarts = 2;
            UpdateResult r = rig.Update(EngineRig.Image(5000, 3));
            EngineRig.ExpectOutcome(UpdateOutcome.ProtocolError, r, "next beyond sent + 1");
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_FailsWithProtocolErrorWhenModuleKeepsGoingBack(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(4);
            for (int i = 0; i < 8; i++)
            {
                faults.WrongNextAt(3, 1);
            }

            EngineRig rig = Rig(variant, faults, wire);
            rig.Options.MaxRestarts = 0;
            UpdateResult r = rig.Update(EngineRig.Image(5000, 4));
            EngineRig.ExpectOutcome(UpdateOutcome.ProtocolError, r, "endless rewinds are bounded");
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Sync_FailsAfterConfiguredPowerCycles(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(5);
            faults.MissBootWindows = 100;
            EngineRig rig = Rig(variant, faults, wire);
            rig.Options.SyncAttempts = 4;
            UpdateResult r = rig.Update(EngineRig.Image(100, 5));
            EngineRig.ExpectOutcome(UpdateOutcome.SyncFailed, r, "window always missed");
            Assert.AreEqual(4, r.PowerCycles, "SyncAttempts power cycles");
            Assert.AreEqual(4, rig.Power.Ons, "4 power-ons");
            Assert.IsTrue(rig.Module.HasValidFirmware, "old firmware untouched");
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_ReportsVersionMismatch(int variant, int wire)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.NewFirmwareVersion = "M10ER01A09W32";
            EngineRig rig = EngineRig.ForWire(wire, sim, null, null);
            byte[] image = EngineRig.Image(3000, 6);
            UpdateResult r = rig.Update(image);
            EngineRig.ExpectOutcome(UpdateOutcome.VersionMismatch, r, "other version");
            Assert.AreEqual("M10ER01A09W32", r.FirmwareVersion, "found version");
            Assert.IsTrue(r.Detail.IndexOf(EngineRig.NewVersion) >= 0, "detail names the expected version: " + r.Detail);
            Assert.IsTrue(rig.Module.ImageMatches(image), "the image was still written");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_ReportsFirmwareSilentWhenBootTakesTooLong(int variant, int wire)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            sim.FirmwareBootMs = 20000;
            EngineRig rig = EngineRig.ForWire(wire, sim, null, null);
            rig.Options.BootTimeoutMs = 5000;
            UpdateResult r = rig.Update(EngineRig.Image(3000, 7));
            EngineRig.ExpectOutcome(UpdateOutcome.FirmwareSilent, r, "no OK within the boot timeout");
            ExpectReleased(rig);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_CancelBetweenFramesEndsCancelledAndReleasesPower(int variant, int wire)
        {
            EngineRig rig = Rig(variant, null, wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            Canceller canceller = new Canceller(rig.Session, 3);
            events.OnEachProgress = canceller.OnProgress;
            UpdateResult r = rig.Update(EngineRig.Image(10000, 8));
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, r, "cancelled at block 3");
            Assert.AreEqual(3L, r.DataFramesSent, "no frame after the cancel");
            Assert.AreEqual("Done", events.Phases.Substring(events.Phases.Length - 4), "ends in Done");
            ExpectReleased(rig);
        }

        [TestMethod]
        public void Update_CancelledBeforeStartNeverTouchesTheModule()
        {
            EngineRig rig = Rig(0, null, 0);
            rig.Session.Cancel();
            UpdateResult r = rig.Update(EngineRig.Image(100, 9));
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, r, "cancelled first");
            Assert.AreEqual(0, rig.Power.Calls, "no power change");
            Assert.AreEqual(0L, rig.Wire.HostBytesWritten, "nothing written");
        }
    }
}
