using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Each simulator fault on its own, for both ROM variants and on every wire (rows: variant, wire as in <see cref="EngineRig.ForWire"/>): the update still ends with a byte-exact image.</summary>
    [TestClass]
    public class UpdateFaultTests
    {
        private const int Mtu = 1024;
        private const int Length = 10 * 1012 + 501;

        private static EngineRig Rig(int variant, FaultPlan faults, int wire)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, Mtu);
            sim.ExpectedImageSize = Length;
            return EngineRig.ForWire(wire, sim, faults, null);
        }

        private static byte[] Image()
        {
            return EngineRig.Image(Length, 11);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_ResendsBlockOnStatus1(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(1).StatusAt(4, Status.CrcError), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "status 1");
            Assert.AreEqual(1, r.Resends, "block 4 sent again once");
            Assert.AreEqual(1, events.Resends, "resend event");
            Assert.AreEqual(0, r.Restarts, "no restart");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_ResendsBlockOnStatus4(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(2).StatusAt(4, Status.PackageError), wire);
            UpdateResult r = rig.UpdateAndCheck(Image(), "status 4");
            Assert.AreEqual(1, r.Resends, "block 4 sent again once");
            Assert.AreEqual(0, r.Restarts, "no restart");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_RestartsFromSyncOnFlashError(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(3).StatusAt(6, Status.FlashError), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "status 2");
            Assert.AreEqual(1, r.Restarts, "one restart");
            Assert.AreEqual("FlashError", events.RestartReasons, "restart reason");
            Assert.AreEqual(2, r.PowerCycles, "power-cycled again");
            Assert.AreEqual(2, rig.Module.Downloads, "the download began twice");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_ResendsAfterTimeoutWhenModuleIsSilent(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(4).SilenceAt(3), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "silence");
            Assert.AreEqual(1, events.TimeoutResends, "one resend after 3 s");
            Assert.AreEqual(0, r.Restarts, "no restart");
            Assert.IsTrue(r.DownloadMs >= Wire.ResponseTimeoutMs, "waited the 3 s timeout");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_WaitsForSlowAnswerWithinTimeout(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(5).SlowAt(2, 2500), wire);
            UpdateResult r = rig.UpdateAndCheck(Image(), "slow answer");
            Assert.AreEqual(0, r.Resends, "2.5 s is inside the 3 s timeout");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_ResendsWhenAnswerIsLaterThanTimeout(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(6).SlowAt(2, 3500), wire);
            UpdateResult r = rig.UpdateAndCheck(Image(), "late answer");
            Assert.AreEqual(1, r.Resends, "block 2 sent again after 3 s, and nothing else");
            Assert.AreEqual((long)(rig.BlockCount(Length) + 1), r.DataFramesSent, "every block once, block 2 twice");
            Assert.AreEqual(1, r.StaleReplies, "the module's answer to the second copy of block 2 was recognised as late");
            Assert.AreEqual(0, r.Restarts, "no restart");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_AnAnswerThatNeverCameDoesNotSwallowALaterRealOne(int variant, int wire)
        {
            // Block 3 is never answered (its resend is); block 6's status 4 is a real request to
            // send it again, not the late answer to block 3's first copy.
            EngineRig rig = Rig(variant, new FaultPlan(13).SilenceAt(3).StatusAt(6, Status.PackageError), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "silence then status 4");
            Assert.AreEqual(2, r.Resends, "one resend after the silence, one for status 4: " + events.ResendLog);
            Assert.AreEqual(1, events.TimeoutResends, "only one 3 s wait");
            Assert.AreEqual(0, r.StaleReplies, "no answer was taken for a late one");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_NoiseWithAFrameHeadIsNotAReply(int variant, int wire)
        {
            // A noise byte 0xAA makes the bytes after it look like a header; one whose length no
            // response can have is noise, not a "not accepted" reply worth a resend.
            // Two 8 KB blocks with noise every millisecond: noise over as many frames' answers as
            // five blocks at 2 ms gave, in less than half the heap (image and the module's copy).
            SimulatorOptions sim = EngineRig.Simulator(variant, 8224);
            byte[] image = EngineRig.Image(2 * 8212, 14);
            sim.ExpectedImageSize = image.Length;
            FaultPlan plan = new FaultPlan(14);
            plan.ModuleToHost.IdleNoiseMs = 1;
            EngineRig rig = EngineRig.ForWire(wire, sim, plan, null);
            UpdateResult r = rig.UpdateAndCheck(image, "a noisy line towards the host");
            Assert.IsTrue(plan.ModuleToHost.IdleNoiseInserted > 1000, "plenty of noise: " + plan.ModuleToHost.IdleNoiseInserted.ToString());
            Assert.AreEqual(0, r.Resends, "no resend for noise");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_RestartsAfterPowerLossMidDownload(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(7).PowerLossAt(5), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "power loss");
            Assert.AreEqual(1, r.Restarts, "one restart");
            Assert.AreEqual("NoAcceptedResponse", events.RestartReasons, "restart after 3 silent sends");
            Assert.AreEqual(2, events.Resends, "block 5 sent 3 times (2 resends), then the restart");
            Assert.AreEqual(5 + 3 + 11, (int)r.DataFramesSent, "blocks 0-4, block 5 three times, then all 11 again");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_FollowsNextBackToAnEarlierBlock(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(8).WrongNextAt(6, 3), wire);
            UpdateResult r = rig.UpdateAndCheck(Image(), "next goes back");
            Assert.AreEqual(0, r.Restarts, "a step back within 0..sent+1 is legal");
            Assert.AreEqual(11 + 4, (int)r.DataFramesSent, "11 blocks, 3..6 sent twice");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Download_RestartsWhenNextIsBeyondWhatWasSent(int variant, int wire)
        {
            EngineRig rig = Rig(variant, new FaultPlan(9).WrongNextAt(4, 9), wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "next too far");
            Assert.AreEqual(1, r.Restarts, "protocol error restarts");
            Assert.AreEqual("ProtocolError", events.RestartReasons, "reason");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Sync_CatchesBootWindowOnLaterPowerCycle(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(10);
            faults.MissBootWindows = 2;
            EngineRig rig = Rig(variant, faults, wire);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(), "missed windows");
            Assert.AreEqual(3, r.PowerCycles, "third power cycle synced");
            Assert.AreEqual("SyncMissed SyncMissed", events.RestartReasons, "two missed windows reported");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Update_ToleratesSlowBootRom(int variant, int wire)
        {
            FaultPlan faults = new FaultPlan(11);
            faults.ExtraReplyDelayMs = 40;
            EngineRig rig = Rig(variant, faults, wire);
            rig.UpdateAndCheck(Image(), "slow ROM");
        }

        [TestMethod]
        [DataRow(0, 1, 0)]
        [DataRow(1, 1, 0)]
        [DataRow(0, 2, 0)]
        [DataRow(1, 2, 0)]
        [DataRow(0, 3, 0)]
        [DataRow(1, 3, 0)]
        [DataRow(0, 4, 0)]
        [DataRow(1, 4, 0)]
        [DataRow(0, 5, 0)]
        [DataRow(1, 5, 0)]
        [DataRow(0, 1, 1)]
        [DataRow(1, 1, 1)]
        [DataRow(0, 2, 1)]
        [DataRow(1, 2, 1)]
        [DataRow(0, 3, 1)]
        [DataRow(1, 3, 1)]
        [DataRow(0, 4, 1)]
        [DataRow(1, 4, 1)]
        [DataRow(0, 5, 1)]
        [DataRow(1, 5, 1)]
        [DataRow(0, 1, 2)]
        [DataRow(1, 1, 2)]
        [DataRow(0, 2, 2)]
        [DataRow(1, 2, 2)]
        [DataRow(0, 3, 2)]
        [DataRow(1, 3, 2)]
        [DataRow(0, 4, 2)]
        [DataRow(1, 4, 2)]
        [DataRow(0, 5, 2)]
        [DataRow(1, 5, 2)]
        public void Update_SurvivesLineFaults(int variant, int kind, int wire)
        {
            FaultPlan faults = new FaultPlan((uint)(100 + kind));
            ByteFaults[] both = new ByteFaults[] { faults.HostToModule, faults.ModuleToHost };
            for (int i = 0; i < both.Length; i++)
            {
                ByteFaults f = both[i];
                f.StartAfterBytes = 64;
                switch (kind)
                {
                    case 1: f.NoiseRate = 0.0005; break;
                    case 2: f.DropRate = 0.0005; break;
                    case 3: f.DuplicateRate = 0.0005; break;
                    case 4: f.CorruptRate = 0.0005; break;
                    default: f.IdleNoiseMs = 20; break;
                }
            }

            EngineRig rig = Rig(variant, faults, wire);
            rig.Options.MaxRestarts = 10;
            rig.UpdateAndCheck(Image(), "line fault kind " + kind.ToString());
            int fired = 0;
            for (int i = 0; i < both.Length; i++)
            {
                fired += both[i].NoiseInserted + both[i].Dropped + both[i].Duplicated + both[i].Corrupted + both[i].IdleNoiseInserted;
            }

            Assert.IsTrue(fired > 0, "the line faults actually hit the transfer");
        }
    }
}
