using McuUpdater.Protocol;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class SimulatorFaultTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(4)]
        public void Fault_StatusAtBlockIsAnsweredOnce(int status)
        {
            FaultPlan plan = new FaultPlan(1).StatusAt(1, status);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 1);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "block 0 fine");
            rig.Host.SendBlock(1, image, 100, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual(status, (int)rig.Host.Last.Status, "injected status");
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "asks for the same block");
            Assert.IsTrue(plan.AllBlockFaultsFired, "fired");
            if (status != Status.FlashError)
            {
                rig.Host.SendBlock(1, image, 100, 100);
                Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "only once");
            }
            else
            {
                Assert.IsFalse(rig.Module.HasValidFirmware, "a flash error leaves no firmware");
            }
        }

        [TestMethod]
        public void Fault_SilenceAfterBlockThenResendIsPointedForward()
        {
            FaultPlan plan = new FaultPlan(2).SilenceAt(0);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 2);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsFalse(rig.Host.ReadResponse(3000), "no answer within 3 s");
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "the resend is answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "already have it");
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "send block 1");
        }

        [TestMethod]
        public void Fault_SlowAnswersComeLate()
        {
            FaultPlan plan = new FaultPlan(3).SlowAt(0, 700);
            plan.ExtraReplyDelayMs = 100;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 3);
            Assert.IsTrue(rig.Host.Connect(), "sync");
            long start = rig.Host.NowMs;
            rig.Host.SendBegin();
            Assert.IsTrue(rig.Host.ReadResponse(3000), "BEGIN");
            Assert.IsTrue(rig.Host.NowMs - start >= 100, "every answer 100 ms late");
            start = rig.Host.NowMs;
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            long took = rig.Host.NowMs - start;
            Assert.IsTrue(took >= 805 && took < 830, "flash 5 + slow 700 + extra 100 ms: " + took.ToString());
        }

        [TestMethod]
        public void Fault_PowerLossMidDownloadNeedsAPowerCycle()
        {
            FaultPlan plan = new FaultPlan(4).PowerLossAt(1);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 4);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            rig.Host.SendBlock(1, image, 100, 100);
            Assert.IsTrue(rig.Host.Silent(3000), "dead");
            Assert.AreEqual((int)ModulePhase.Off, (int)rig.Module.Phase, "off");
            Assert.IsFalse(rig.Module.IsPowered, "lost power");
            Assert.IsFalse(rig.Module.HasValidFirmware, "no firmware");
            rig.Wire.Power.On();
            Assert.AreEqual((int)ModulePhase.Off, (int)rig.Module.Phase, "On alone is not a power cycle");
            rig.Host.ResetDecoder();
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, 100), "a new download works");
            Assert.AreEqual(1, rig.Module.PowerLosses, "one loss");
        }

        [TestMethod]
        public void Fault_WrongNextSequenceIsAnsweredAndFollowed()
        {
            FaultPlan plan = new FaultPlan(5).WrongNextAt(1, 7);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 5);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            rig.Host.SendBlock(1, image, 100, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 1");
            Assert.AreEqual((int)Status.Success, (int)rig.Host.Last.Status, "status 0");
            Assert.AreEqual(7u, rig.Host.Last.NextSequence, "wrong next");
        }

        [TestMethod]
        public void Fault_WrongNextBackwardsRewindsTheImage()
        {
            FaultPlan plan = new FaultPlan(6).WrongNextAt(2, 1);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] image = SimRig.Image(300, 6);
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, 100), "follows next back to block 1 and on");
            Assert.IsTrue(rig.Module.ImageMatches(image), "image still exact");
            Assert.AreEqual(5, rig.Module.BlocksAccepted, "0, 1, 2, then 1 and 2 again");
        }

        [TestMethod]
        public void Fault_MissedBootWindowsIgnoreSync()
        {
            FaultPlan plan = new FaultPlan(7);
            plan.MissBootWindows = 2;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            Assert.IsFalse(rig.Host.Connect(), "first power-on missed");
            Assert.IsFalse(rig.Host.Connect(), "second missed");
            Assert.IsTrue(rig.Host.Connect(), "third syncs");
        }

        [TestMethod]
        public void Fault_LineFaultsAreSeenOnTheWire()
        {
            FaultPlan plan = new FaultPlan(8);
            plan.HostToModule.CorruptRate = 0.1;
            plan.HostToModule.DropRate = 0.1;
            plan.HostToModule.DuplicateRate = 0.1;
            plan.HostToModule.NoiseRate = 0.1;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            TraceTap tap = new TraceTap();
            rig.Wire.Tap = tap;
            byte[] data = SimRig.Image(1000, 8);
            rig.Host.WriteRaw(data, 0, data.Length);
            ByteFaults f = plan.HostToModule;
            Assert.IsTrue(f.Corrupted > 50 && f.Dropped > 50 && f.Duplicated > 50 && f.NoiseInserted > 50, "each kind happened");
            Assert.AreEqual((long)(1000 - f.Dropped + f.Duplicated + f.NoiseInserted), tap.HostBytes, "the wire carries the changed stream");
        }

        [TestMethod]
        public void Fault_IdleLineMakesUpNoiseInBothDirections()
        {
            FaultPlan plan = Noisy(11);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            TraceTap tap = new TraceTap();
            rig.Wire.Tap = tap;
            rig.Wire.RunFor(2000);
            Assert.AreEqual((long)plan.HostToModule.IdleNoiseInserted, tap.HostBytes, "towards the module: only made-up bytes");
            Assert.AreEqual((long)plan.ModuleToHost.IdleNoiseInserted, tap.ModuleBytes, "towards the host: only made-up bytes");
            Assert.IsTrue(tap.HostBytes >= 120 && tap.HostBytes <= 280, "about one byte per 10 ms: " + tap.HostBytes.ToString());
            Assert.IsTrue(tap.ModuleBytes >= 120 && tap.ModuleBytes <= 280, "about one byte per 10 ms: " + tap.ModuleBytes.ToString());
            Assert.AreEqual(0L, rig.Wire.HostBytesWritten + rig.Wire.ModuleBytesSent, "nobody drove the line");

            SimRig again = new SimRig(SimRig.Options(0), Noisy(11));
            TraceTap tap2 = new TraceTap();
            again.Wire.Tap = tap2;
            again.Wire.RunFor(2000);
            Assert.AreEqual(tap.Hash, tap2.Hash, "same seed, same noise at the same times");
        }

        [TestMethod]
        public void Fault_IdleNoiseWaitsWhileTheLineIsDriven()
        {
            FaultPlan plan = new FaultPlan(12);
            plan.HostToModule.IdleNoiseMs = 1;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            byte[] data = SimRig.Image(2000, 12);
            rig.Host.WriteRaw(data, 0, data.Length);
            long busyMs = (2000 * rig.Wire.ByteTimeNs) / 1000000;
            rig.Wire.RunFor(busyMs - 1);
            Assert.AreEqual(0, plan.HostToModule.IdleNoiseInserted, "no made-up byte while 2000 bytes are on the line");
            rig.Wire.RunFor(50);
            Assert.IsTrue(plan.HostToModule.IdleNoiseInserted > 10, "noise again once the line is idle");
        }

        private static FaultPlan Noisy(uint seed)
        {
            FaultPlan plan = new FaultPlan(seed);
            plan.HostToModule.IdleNoiseMs = 10;
            plan.ModuleToHost.IdleNoiseMs = 10;
            return plan;
        }

        [TestMethod]
        public void Fault_LineFaultsWaitForStartAfterBytes()
        {
            FaultPlan plan = new FaultPlan(9);
            plan.ModuleToHost.DropRate = 1.0;
            plan.ModuleToHost.StartAfterBytes = 1;
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            rig.Host.PowerCycle(500);
            Assert.IsTrue(rig.Host.SyncStage1(400), "the first byte (0x5B) passes");
            Assert.IsFalse(rig.Host.SyncStage2(100), "then everything from the module is lost");
        }

        [TestMethod]
        public void Fault_CorruptedDataFrameGetsCrcError()
        {
            FaultPlan plan = new FaultPlan(10);
            SimRig rig = new SimRig(SimRig.Options(0), plan);
            rig.ConnectAndBegin();
            plan.HostToModule.CorruptRate = 0.05;
            plan.ApplyTo(rig.Wire);
            rig.Host.SendBlock(0, SimRig.Image(200, 10), 0, 200);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.CrcError, (int)rig.Host.Last.Status, "CRC error seen by the host");
        }
    }
}
