using McuUpdater.Protocol;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class SimulatorDownloadTests
    {
        [TestMethod]
        [DataRow(0, 3001)]
        [DataRow(0, 3000)]
        [DataRow(1, 3001)]
        public void Download_CompletesAndRunsNewFirmware(int variant, int length)
        {
            SimRig rig = new SimRig(SimRig.Options(variant), null);
            byte[] image = SimRig.Image(length, 1);
            int mtu = rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, Wire.BlockSizeForMtu(mtu, 1000)), "every block accepted");
            Assert.IsTrue(rig.Host.EndAndRun(), "END and RUN");
            Assert.AreEqual(variant == 1 ? 3 : 0, rig.Host.RunStatus, "RUN status per variant");
            Assert.IsTrue(rig.Module.ImageMatches(image), "byte-exact image");
            Assert.AreEqual((length + 1) & ~1, rig.Module.ReceivedImageLength, "odd image carries one pad byte");
            Assert.IsTrue(rig.Module.HasValidFirmware, "valid firmware");
            Assert.AreEqual(0, rig.Module.FramesRejected, "nothing refused");

            Assert.AreEqual("", rig.Host.At("AT", 100), "firmware still booting");
            rig.Wire.Clock.Sleep(rig.Module.Options.FirmwareBootMs);
            Assert.AreEqual("AT\r\r\nOK\r\n", rig.Host.At("AT", 50), "AT with echo");
            Assert.AreEqual("ATE0\r\r\nOK\r\n", rig.Host.At("ATE0", 50), "echo off");
            Assert.AreEqual("\r\n" + rig.Module.Options.NewFirmwareVersion + "\r\n\r\nOK\r\n", rig.Host.At("AT+GMR", 50), "new version");
            Assert.AreEqual("\r\nERROR\r\n", rig.Host.At("AT+NOPE", 50), "unknown command");
        }

        [TestMethod]
        public void Download_ReceivedImageCrc32MatchesTheOriginal()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            byte[] image = SimRig.Image(2000, 2);
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, 1000), "sent");
            Assert.AreEqual(Crc32.Compute(image, 0, image.Length), rig.Module.ReceivedImageCrc32, "CRC-32 of the image");
            image[1999] ^= 1;
            Assert.IsFalse(rig.Module.ImageMatches(image), "a changed byte does not match");
        }

        [TestMethod]
        public void Download_LargeImageIsComparedByCrcOnly()
        {
            SimulatorOptions options = SimRig.Options(0);
            options.KeepImageLimit = 1500;
            SimRig rig = new SimRig(options, null);
            byte[] image = SimRig.Image(3001, 3);
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, 1000), "sent");
            Assert.IsFalse(rig.Module.Image.BytesKept, "bytes not kept past the limit");
            Assert.IsTrue(rig.Module.ImageMatches(image), "matches by length and CRC-32 with the pad");
            image[0] ^= 0x80;
            Assert.IsFalse(rig.Module.ImageMatches(image), "CRC-32 catches a flipped bit");
        }

        [TestMethod]
        public void Download_FlashWriteDelaysEachAnswer()
        {
            SimulatorOptions options = SimRig.Options(0);
            options.FlashWriteMs = 40;
            SimRig rig = new SimRig(options, null);
            byte[] image = SimRig.Image(1000, 4);
            rig.ConnectAndBegin();
            long start = rig.Wire.NowNs;
            rig.Host.SendBlock(0, image, 0, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
            long frameNs = 1011 * rig.Wire.ByteTimeNs;
            long answerNs = 13 * rig.Wire.ByteTimeNs;
            long took = rig.Wire.NowNs - start;
            Assert.IsTrue(took >= frameNs + 40000000 + answerNs - 20000 && took <= frameNs + 40000000 + answerNs + 20000, "frame + 40 ms + answer, took " + took.ToString());
        }

        [TestMethod]
        public void Download_QuirkRomWritesFlashInBursts()
        {
            SimulatorOptions options = SimRig.Options(1);
            options.BurstBytes = 2048;
            options.BurstWriteMs = 300;
            SimRig rig = new SimRig(options, null);
            byte[] image = SimRig.Image(4000, 5);
            rig.ConnectAndBegin();
            long[] waits = new long[4];
            for (int i = 0; i < 4; i++)
            {
                long start = rig.Host.NowMs;
                rig.Host.SendBlock((uint)i, image, i * 1000, 1000);
                Assert.IsTrue(rig.Host.ReadResponse(3000), "answered");
                waits[i] = rig.Host.NowMs - start;
            }

            Assert.IsTrue(waits[0] < 100 && waits[1] < 100, "buffered blocks answered at once");
            Assert.IsTrue(waits[2] >= 300, "the third block triggers the burst write: " + waits[2].ToString());
            Assert.IsTrue(waits[3] < 100, "then fast again");
        }

        [TestMethod]
        public void Download_CutByPowerLossLeavesNoValidFirmware()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            byte[] image = SimRig.Image(3000, 6);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            rig.Host.PowerCycle(500);
            rig.Wire.Clock.Sleep(3000);
            rig.Host.Drain(10);
            Assert.IsFalse(rig.Module.HasValidFirmware, "no valid firmware");
            Assert.AreEqual("", rig.Host.At("AT", 500), "nothing runs");

            rig.Host.ResetDecoder();
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(image, 1000), "a later download");
            Assert.IsTrue(rig.Host.EndAndRun(), "completes");
            Assert.IsTrue(rig.Module.HasValidFirmware, "valid again");
            Assert.AreEqual(rig.Module.Options.NewFirmwareVersion, rig.Module.FirmwareVersion, "new version");
        }

        [TestMethod]
        public void Download_NewBeginStartsOver()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            byte[] image = SimRig.Image(2000, 7);
            rig.ConnectAndBegin();
            rig.Host.SendBlock(0, image, 0, 1000);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "block 0");
            Assert.IsTrue(rig.Host.Begin() > 0, "second BEGIN");
            Assert.AreEqual(0, rig.Module.ReceivedImageLength, "image restarted");
            Assert.AreEqual(0u, rig.Module.ExpectedSequence, "sequence restarted");
            Assert.AreEqual(2, rig.Module.Downloads, "two downloads");
            Assert.IsFalse(rig.Module.HasValidFirmware, "still no firmware");
        }

        [TestMethod]
        public void Download_ResentEndIsAnsweredAgain()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            rig.ConnectAndBegin();
            Assert.IsTrue(rig.Host.SendImage(SimRig.Image(100, 8), 100), "sent");
            rig.Host.SendEmpty(Command.DlEnd);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "END answered");
            rig.Host.SendEmpty(Command.DlEnd);
            Assert.IsTrue(rig.Host.ReadResponse(3000) && rig.Host.Last.Status == Status.Success, "the resend too");
        }

        [TestMethod]
        public void Download_FailedRunWithoutImageStaysSilent()
        {
            SimRig rig = new SimRig(SimRig.Options(0), null);
            rig.ConnectAndBegin();
            rig.Host.SendEmpty(Command.RunGsmSw);
            Assert.IsTrue(rig.Host.ReadResponse(3000), "RUN answered");
            rig.Wire.Clock.Sleep(3000);
            Assert.AreEqual("", rig.Host.At("AT+GMR", 500), "no firmware to answer");
        }
    }
}
