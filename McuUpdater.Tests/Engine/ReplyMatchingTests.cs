using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>
    /// Which reply answers which frame, on every kind of wire (rows: 0 = .NET, 1 = ESP32, 2 = STM32,
    /// 3 = a line faster than the session assumes, 4 = ESP32 without a writer thread): a lost, duplicated or extra reply, or an answer
    /// to line noise, costs at most one extra send and never shifts later blocks.
    /// </summary>
    [TestClass]
    public class ReplyMatchingTests
    {
        private static EngineRig Rig(int wire, int variant, int mtu, int blocks, FaultPlan faults)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, mtu);
            int block = Wire.BlockSizeForMtu(mtu, EngineRig.Defaults().MaxBlockSize);
            sim.ExpectedImageSize = blocks * block - 301;
            return EngineRig.ForWire(wire, sim, faults, null);
        }

        private static byte[] Image(EngineRig rig)
        {
            return EngineRig.Image(rig.Module.Options.ExpectedImageSize, 23);
        }

        private static SendLog Log(EngineRig rig)
        {
            SendLog log = new SendLog(rig.Wire.ByteTimeNs);
            rig.Wire.Tap = log;
            return log;
        }

        [TestMethod]
        [DataRow(0, 1024)]
        [DataRow(1, 1024)]
        [DataRow(2, 1024)]
        [DataRow(3, 1024)]
        [DataRow(0, 8224)]
        [DataRow(1, 8224)]
        [DataRow(2, 8224)]
        [DataRow(3, 8224)]
        [DataRow(4, 1024)]
        [DataRow(4, 8224)]
        public void Download_OneLostReplyCostsExactlyOneResend(int wire, int mtu)
        {
            int blocks = mtu == 1024 ? 24 : 5;
            EngineRig rig = Rig(wire, 0, mtu, blocks, new FaultPlan(31).SilenceAt(1));
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(rig), "one lost reply");
            Assert.AreEqual(1, r.Resends, "one resend: " + events.ResendLog);
            Assert.AreEqual((long)(blocks + 1), r.DataFramesSent, "every block once, block 1 twice");
            Assert.AreEqual(1, events.TimeoutResends, "one 3 s wait");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(2, 0)]
        [DataRow(3, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(2, 1)]
        [DataRow(3, 1)]
        [DataRow(4, 0)]
        public void Download_DuplicatedReplyCostsAtMostOneExtraSend(int wire, int variant)
        {
            int blocks = 16;
            EngineRig rig = Rig(wire, variant, 1024, blocks, new FaultPlan(32).DuplicateReplyAt(2));
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(rig), "duplicated reply");
            Assert.IsTrue(r.DataFramesSent <= blocks + 1, "at most one extra send: " + r.DataFramesSent.ToString() + " frames for " + blocks.ToString() + " blocks; " + events.ResendLog);
            Assert.AreEqual(0, events.TimeoutResends, "no 3 s wait");
        }

        [TestMethod]
        [DataRow(0, 30)]
        [DataRow(1, 30)]
        [DataRow(2, 30)]
        [DataRow(3, 30)]
        [DataRow(0, 91)]
        [DataRow(1, 91)]
        [DataRow(2, 91)]
        [DataRow(3, 91)]
        [DataRow(0, 150)]
        [DataRow(1, 150)]
        public void Download_ExtraReplyCostsAtMostOneExtraSend(int wire, int delayMs)
        {
            // 30 ms: during the next frame; 91 ms: about when the next frame has left; 150 ms: later.
            int blocks = 16;
            EngineRig rig = Rig(wire, 0, 1024, blocks, new FaultPlan(33).ExtraReplyAt(2, delayMs));
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(rig), "extra reply");
            Assert.IsTrue(r.DataFramesSent <= blocks + 1, "at most one extra send: " + r.DataFramesSent.ToString() + " frames for " + blocks.ToString() + " blocks; " + events.ResendLog);
            Assert.AreEqual(0, events.TimeoutResends, "no 3 s wait");
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(2, 0)]
        [DataRow(3, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(2, 1)]
        [DataRow(3, 1)]
        [DataRow(4, 1)]
        public void Download_NoiseHeaderTheRomAnswersCostsAtMostOneExtraSend(int wire, int variant)
        {
            // Documented ROM: status 4 naming the block, then the frame is taken; quirk ROM: status 6
            // and the frame is drained away, so it must be sent again — once, without a 3 s wait.
            int blocks = 16;
            EngineRig rig = Rig(wire, variant, 1024, blocks, new FaultPlan(34).NoiseHeaderAt(3));
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            UpdateResult r = rig.UpdateAndCheck(Image(rig), "noise header answered");
            Assert.IsTrue(rig.Module.Faults.AllBlockFaultsFired, "the fault fired");
            Assert.IsTrue(r.DataFramesSent <= blocks + 1, "at most one extra send: " + r.DataFramesSent.ToString() + " frames for " + blocks.ToString() + " blocks; " + events.ResendLog);
            Assert.AreEqual(0, events.TimeoutResends, "no 3 s wait");
        }

        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(2, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        [DataRow(2, 2)]
        [DataRow(0, 3)]
        [DataRow(1, 3)]
        [DataRow(2, 3)]
        [DataRow(0, 4)]
        [DataRow(1, 4)]
        [DataRow(2, 4)]
        public void Download_HostNoiseDoesNotBurnSendsWhileTheFrameIsOnTheWire(int wire, int seed)
        {
            // Noise bytes 0xAA on the way to the module start false headers inside frames; the ROM answers
            // the remains of a damaged frame, sometimes more than once. A send of a frame is spent only
            // once the line has settled, never while the frame itself is still going out.
            int blocks = 24;
            FaultPlan plan = new FaultPlan((uint)(900 + seed));
            plan.HostToModule.StartAfterBytes = 64;
            plan.HostToModule.NoiseRate = 0.0001;
            plan.HostToModule.NoiseByte = 0xAA;
            EngineRig rig = Rig(wire, 1, 1024, blocks, plan);

            // The ROM sees bytes as they arrive, so it answers the remains of a damaged frame while
            // the rest of that frame is still coming.
            rig.Wire.DeliveryChunkBytes = 16;
            SendLog log = Log(rig);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            rig.UpdateAndCheck(Image(rig), "noise towards the module: " + events.ResendLog);
            Assert.IsTrue(plan.HostToModule.NoiseInserted > 0, "noise was made: " + plan.HostToModule.NoiseInserted.ToString());
            Assert.IsTrue(events.Resends > 0, "some frames were damaged");
            long settledMs = (1024 * 10 * 1000 + Wire.BaudRate - 1) / Wire.BaudRate + Wire.SettleMs;
            Assert.IsTrue(log.ShortestResendGapMs >= settledMs, "a frame is sent again only once it has left and the line has settled: shortest gap " + log.ShortestResendGapMs.ToString() + " ms; " + events.ResendLog);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(2, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(2, 1)]
        [DataRow(4, 0)]
        public void Restart_TheModuleSeesTheWholeOffTimeOnTheLine(int wire, int variant)
        {
            // The flash error comes while most of an 8 KB frame (714 ms) is still to go out.
            int blocks = 4;
            EngineRig rig = Rig(wire, variant, 8224, blocks, new FaultPlan(35).EarlyFlashErrorAt(2));
            SendLog log = Log(rig);
            UpdateResult r = rig.UpdateAndCheck(Image(rig), "flash error while sending");
            Assert.AreEqual(1, r.Restarts, "one restart");
            Assert.IsTrue(log.ShortestOffGapMs >= rig.Options.PowerOffMs, "quiet line for the whole off time: " + log.ShortestOffGapMs.ToString() + " ms");
        }
    }
}
