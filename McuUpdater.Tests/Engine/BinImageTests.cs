using System.IO;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Storage;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    [TestClass]
    public class BinImageTests
    {
        private static ImageProblem ProblemOf(BinImage image, string expectedVersion)
        {
            try
            {
                image.Verify(expectedVersion);
            }
            catch (ImageException e)
            {
                return e.Problem;
            }

            Assert.IsTrue(false, "verification passed");
            return ImageProblem.Empty;
        }

        [TestMethod]
        public void Bin_RefusesEmptyImage()
        {
            Assert.AreEqual((int)ImageProblem.Empty, (int)ProblemOf(new BinImage(new MemoryStream(new byte[0]), "e.bin"), null), "empty");
        }

        [TestMethod]
        public void Bin_ChecksManifestLengthCrcAndVersion()
        {
            byte[] data = EngineRig.Image(1234, 3);
            BinImage shortBin = new BinImage(new MemoryStream(data), "a.bin");
            shortBin.ExpectedLength = 2000;
            Assert.AreEqual((int)ImageProblem.Truncated, (int)ProblemOf(shortBin, null), "shorter than the manifest");

            BinImage badCrc = new BinImage(new MemoryStream(data), "a.bin");
            badCrc.ExpectedCrc16 = Crc16Xmodem.Compute(data, 0, data.Length) ^ 1;
            Assert.AreEqual((int)ImageProblem.CrcMismatch, (int)ProblemOf(badCrc, null), "CRC");

            BinImage versioned = new BinImage(new MemoryStream(data), "a.bin", "V1");
            Assert.AreEqual((int)ImageProblem.VersionMismatch, (int)ProblemOf(versioned, "V2"), "version");

            BinImage good = new BinImage(new MemoryStream(data), "a.bin", "V1");
            good.ExpectedLength = 1234;
            good.ExpectedCrc16 = Crc16Xmodem.Compute(data, 0, data.Length);
            good.Verify("V1");
            Assert.AreEqual(1234L, good.Length, "length");
        }

        [TestMethod]
        public void Session_RefusesEmptyBinBeforeAnyPowerChange()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(1, 1024), null, null);
            UpdateResult r = rig.Update(new byte[0]);
            EngineRig.ExpectOutcome(UpdateOutcome.ImageRejected, r, "empty BIN");
            Assert.AreEqual(0, rig.Power.Calls, "no power call");
            Assert.AreEqual(0L, rig.Wire.HostBytesWritten, "nothing written");
        }
    }
}
