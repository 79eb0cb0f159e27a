using System.IO;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Storage
{
    /// <summary>A damaged or unknown package is never taken for raw firmware (its header would be flashed).</summary>
    [TestClass]
    public class ImageFormatTests
    {
        [TestMethod]
        [DataRow(0, 0x01)]   // one flipped bit in the first letter
        [DataRow(0, 0x20)]   // a lowercase first letter
        [DataRow(19, 0x03)]  // V0.1 becomes V0.2
        [DataRow(5, 0xFF)]   // one byte destroyed
        public void Open_PackageWithADamagedHead_IsRefusedNotSentRaw(int at, int flip)
        {
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(700, 31), "V1");
            package[at] = (byte)(package[at] ^ flip);
            Assert.IsNotNull(ImageFormat.PackageLikeness(new MemoryStream(package)), "looks like a package");
            AssertRefused(package);
        }

        [TestMethod]
        public void Open_PlausibleVersionAndLengthUnderAnotherHead_IsRefused()
        {
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(700, 32), "EC21EFAR06A01M4G");
            for (int i = 0; i < QuecFotaLayout.HeadLength; i++)
            {
                package[i] = (byte)(0x41 + i);
            }

            string why = ImageFormat.PackageLikeness(new MemoryStream(package));
            Assert.IsNotNull(why, "the fields give it away");
            Assert.IsTrue(why.IndexOf("EC21EFAR06A01M4G") >= 0, why);
            AssertRefused(package);
        }

        [TestMethod]
        public void Open_RawFirmwareAndValidPackages_AreWhatTheySeem()
        {
            for (int seed = 1; seed <= 50; seed++)
            {
                byte[] raw = EngineRig.Image(66 + (seed * 37), (uint)seed);
                Assert.IsNull(ImageFormat.PackageLikeness(new MemoryStream(raw)), "random firmware " + seed.ToString());
                Assert.IsTrue(ImageFormat.Open(new MemoryStream(raw), "fw.bin") is BinImage, "a raw BIN");
            }

            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(700, 33), "V1");
            StreamImage image = ImageFormat.Open(new MemoryStream(package), "fw.pkg");
            Assert.IsTrue(image is QuecFotaPackage, "a package");
            image.Verify("V1");
            Assert.AreEqual(700L, image.Length, "its firmware");
        }

        private static void AssertRefused(byte[] package)
        {
            StreamImage image = ImageFormat.Open(new MemoryStream(package), "fw.pkg");
            try
            {
                image.Verify(null);
            }
            catch (ImageException e)
            {
                Assert.AreEqual((int)ImageProblem.BadHeader, (int)e.Problem, e.Message);
                Assert.IsTrue(e.Message.IndexOf("fw.pkg: looks like a damaged or unknown QuecFOTA package") == 0, e.Message);
                return;
            }

            Assert.IsTrue(false, "a damaged package verified as " + image.GetType().Name);
        }
    }
}
