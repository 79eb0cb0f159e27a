using McuUpdater.Protocol;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>The faults that make replies go astray: duplicated, extra, answering noise, or arriving while the frame is still on the wire.</summary>
    [TestClass]
    public class SimulatorReplyFaultTests
    {
        [TestMethod]
        public void Fault_DuplicatedReplyComesTwiceBackToBack()
        {
            SimRig rig = new SimRig(SimRig.Options(0), new FaultPlan(41).DuplicateReplyAt(0));
            byte[] image = SimRig.Image(300, 41);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "the answer");
            long first = rig.Host.NowMs;
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "next 1");
            Assert.IsTrue(rig.Host.ReadResponse(3000), "the same answer again");
            Assert.AreEqual((int)Status.Success, (int)rig.Host.Last.Status, "status 0");
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "next 1 again");
            Assert.IsTrue(rig.Host.NowMs - first <= 2, "right behind the first");
            Assert.IsTrue(rig.Host.Silent(500), "and nothing more");
        }

        [TestMethod]
        public void Fault_ExtraReplyComesAgainLater()
        {
            SimRig rig = new SimRig(SimRig.Options(0), new FaultPlan(42).ExtraReplyAt(0, 200));
            byte[] image = SimRig.Image(300, 42);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "the answer");
            long first = rig.Host.NowMs;
            Assert.IsTrue(rig.Host.ReadResponse(3000), "an extra one");
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "the same next");
            long gap = rig.Host.NowMs - first;
            Assert.IsTrue(gap >= 199 && gap <= 202, "200 ms later: " + gap.ToString());
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_NoiseHeaderIsAnsweredBeforeTheFrameHasArrived(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), new FaultPlan(43).NoiseHeaderAt(0));
            Assert.AreEqual(FaultPlan.HeaderChunkBytes, rig.Wire.DeliveryChunkBytes, "the ROM sees bytes as they arrive");
            byte[] image = SimRig.Image(2000, 43);
            rig.ConnectAndBegin();
            long start = rig.Host.NowMs;
            rig.Host.SendBlock(0, image, 0, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answer to the noise header");
            Assert.IsTrue(rig.Host.NowMs - start < 10, "while the 87 ms frame is still arriving: " + (rig.Host.NowMs - start).ToString() + " ms");
            Assert.AreEqual(variant == 0 ? (int)Status.PackageError : (int)Status.QuirkOversize, (int)rig.Host.Last.Status, "status 4, or 6 on the quirk ROM");
            Assert.AreEqual(0u, rig.Host.Last.NextSequence, "names the block it wants");
            if (variant == 0)
            {
                Assert.IsTrue(rig.Host.ReadResponse(3000), "the frame itself is taken");
                Assert.AreEqual(1u, rig.Host.Last.NextSequence, "next 1");
            }
            else
            {
                Assert.IsTrue(rig.Host.Silent(1000), "the quirk ROM drained the frame away");
                Assert.AreEqual(0u, rig.Module.ExpectedSequence, "still wants block 0");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_EarlyFlashErrorComesWhileTheFrameIsStillArriving(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), new FaultPlan(44).EarlyFlashErrorAt(1));
            byte[] image = SimRig.Image(2000, 44);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0 answered");
            long start = rig.Host.NowMs;
            rig.Host.SendBlock(1, image, 1000, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "flash error");
            Assert.AreEqual((int)Status.FlashError, (int)rig.Host.Last.Status, "status 2");
            Assert.IsTrue(rig.Host.NowMs - start < 10, "as soon as the header is in: " + (rig.Host.NowMs - start).ToString() + " ms");
            Assert.IsTrue(rig.Host.Silent(1000), "the rest of the frame is dropped unanswered");
        }
    }
}
