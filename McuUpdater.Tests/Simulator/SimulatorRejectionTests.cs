using McuUpdater.Protocol;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class SimulatorRejectionTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Rom_AnswersBadCrcDuringDataPerVariant(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            byte[] image = SimRig.Image(200, 1);
            rig.ConnectAndBegin();
            int n = rig.Host.BuildBlock(0, image, 0, 200);
            rig.Host.Frame[n - 1] ^= 0x01;
            rig.Host.SendFrame(n);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            if (variant == 0)
            {
                Assert.AreEqual((int)Command.DlDataRsp, (int)rig.Host.Last.Type, "DATA_RSP");
                Assert.AreEqual((int)Status.CrcError, (int)rig.Host.Last.Status, "status 1");
                Assert.AreEqual(0u, rig.Host.Last.NextSequence, "next = the block sent");
            }
            else
            {
                Assert.AreEqual((int)Command.DlBeginRsp, (int)rig.Host.Last.Type, "quirk: a BEGIN_RSP-typed frame");
                Assert.AreEqual((int)Status.CrcError, (int)rig.Host.Last.Status, "status 1");
                Assert.AreEqual(0, rig.Host.Last.Mtu, "then zero");
            }

            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.BadCrc), "counted");
            Assert.AreEqual(0u, rig.Module.ExpectedSequence, "still expects block 0");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Rom_IsSilentOnBadCrcBeforeBegin(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            Assert.IsTrue(rig.Host.Connect(), "sync");
            int n = FrameEncoder.EncodeBegin(rig.Host.Frame, 0, 1);
            rig.Host.Frame[n - 2] ^= 0x10;
            rig.Host.SendFrame(n);
            Assert.IsTrue(rig.Host.Silent(1000), "no answer");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.BadCrc), "counted");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Rom_HandlesFrameCutShortPerVariant(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            byte[] image = SimRig.Image(200, 2);
            rig.ConnectAndBegin();
            int n = rig.Host.BuildBlock(0, image, 0, 200);
            rig.Host.SendFrame(n - 50);
            if (variant == 0)
            {
                Assert.IsTrue(rig.Host.Silent(1000), "documented ROM: silence");
            }
            else
            {
                Assert.IsTrue(rig.Host.ReadResponse(1000), "quirk ROM answers");
                Assert.AreEqual((int)Command.DlDataRsp, (int)rig.Host.Last.Type, "DATA_RSP-shaped");
                Assert.AreEqual((int)Status.QuirkTruncated, (int)rig.Host.Last.Status, "status 7");
            }

            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.Truncated), "counted");
            rig.Host.SendBlock(0, image, 0, 200);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "a whole resend is accepted");
        }

        [TestMethod]
        [DataRow(0, 1024, 1025)]
        public void Rom_AcceptsUpToItsLimitAndRefusesOversize(int variant, int largestFrame, int oversizeFrame)
        {
            CheckRomLimit(variant, largestFrame, oversizeFrame);
        }

        /// <summary>
        /// The ROM takes a frame of <paramref name="largestFrame"/> bytes and refuses one of
        /// <paramref name="oversizeFrame"/>; the quirk ROM's 16 KB limit runs in
        /// Host/Simulator/QuirkRomLimitTests (its frames, image and buffers exceed a board test's heap).
        /// </summary>
        public static void CheckRomLimit(int variant, int largestFrame, int oversizeFrame)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            byte[] image = SimRig.Image(oversizeFrame, 3);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, oversizeFrame - Wire.DataFrameOverhead);
            if (variant == 0)
            {
                Assert.IsTrue(rig.Host.Silent(1000), "documented ROM: silence");
            }
            else
            {
                // The wire hands a write over once it has arrived, so the answer comes after the frame.
                Assert.IsTrue(rig.Host.ReadResponse(3000), "quirk ROM answers");
                Assert.AreEqual((int)Status.QuirkOversize, (int)rig.Host.Last.Status, "status 6");
            }

            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.Oversize), "counted");
            Assert.IsTrue(rig.Host.Silent(500), "the rest of the oversize frame is dropped without more answers");
            rig.Host.SendBlock(0, image, 0, largestFrame - Wire.DataFrameOverhead);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.Success, (int)rig.Host.Last.Status, "the largest frame is accepted");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Rom_AsksForTheExpectedSequence(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            byte[] image = SimRig.Image(300, 4);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            rig.Host.SendBlock(2, image, 200, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "status 4");
            Assert.AreEqual(1u, rig.Host.Last.NextSequence, "wants block 1");
            rig.Host.SendBlock(0, image, 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.NextSequence == 1, "a repeated block is refused the same way");
            Assert.AreEqual(2, rig.Module.Rejections(RejectReason.WrongSequence), "counted");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Rom_RefusesDataBeforeBegin(int variant)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            Assert.IsTrue(rig.Host.Connect(), "sync");
            rig.Host.SendBlock(0, SimRig.Image(100, 5), 0, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "status 4");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.NotStarted), "counted");
        }

        [TestMethod]
        public void Rom_RefusesABlockAfterAnOddOne()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            byte[] image = SimRig.Image(300, 6);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 101);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "an odd block may be the last");
            rig.Host.SendBlock(1, image, 101, 100);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "but then it was not");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.OddBlock), "counted");
        }

        [TestMethod]
        public void Rom_WithKnownSizeRefusesAnOddBlockBeforeTheEnd()
        {
            SimulatorOptions options = SimRig.Options(0);
            options.ExpectedImageSize = 301;
            SimRig rig = new SimRig(options, null);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, SimRig.Image(300, 7), 0, 101);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "status 4");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.OddBlock), "counted");
        }

        [TestMethod]
        public void Rom_DocumentedRefusesDataBeyondTheImageSize()
        {
            SimulatorOptions options = SimRig.Options(0);
            options.ExpectedImageSize = 301;
            SimRig rig = new SimRig(options, null);
            byte[] image = SimRig.Image(400, 8);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 300);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "300 of 301");
            rig.Host.SendBlock(1, image, 300, 4);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            Assert.AreEqual((int)Status.PackageError, (int)rig.Host.Last.Status, "beyond 301 + pad is refused");
            rig.Host.SendBlock(1, image, 300, 2);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "the padded last block fits");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.ImageTooLarge), "counted");
        }

        [TestMethod]
        public void Rom_QuirkHangsOnDataBeyondTheImageSizeUntilPowerCycle()
        {
            SimulatorOptions options = SimRig.Options(1);
            options.ExpectedImageSize = 300;
            SimRig rig = new SimRig(options, null);
            byte[] image = SimRig.Image(400, 9);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 400);
            Assert.IsTrue(rig.Host.Silent(5000), "hung: silence");
            Assert.AreEqual((int)ModulePhase.Hung, (int)rig.Module.Phase, "hung");
            rig.Host.SendBegin();
            Assert.IsTrue(rig.Host.Silent(1000), "still silent");
            rig.Host.ResetDecoder();
            Assert.IsTrue(rig.Host.Connect(), "a power cycle brings it back");
        }

        [TestMethod]
        public void Rom_IgnoresUnknownCommands()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            Assert.IsTrue(rig.Host.Connect(), "sync");
            int n = FrameEncoder.EncodeEmpty(rig.Host.Frame, 0, 0x0042);
            rig.Host.SendFrame(n);
            Assert.IsTrue(rig.Host.Silent(500), "silence");
            Assert.AreEqual(1, rig.Module.Rejections(RejectReason.UnknownCommand), "counted");
        }
    }
}
