using System;
using System.IO;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    [TestClass]
    public class QuecFotaPackageTests
    {
        private const string Version = "M10ER01A08W32";

        private static byte[] Firmware(int length)
        {
            return EngineRig.Image(length, 21);
        }

        private static ImageProblem ProblemOf(byte[] package, string expectedVersion)
        {
            try
            {
                new QuecFotaPackage(new MemoryStream(package), "pkg.bin").Verify(expectedVersion);
            }
            catch (ImageException e)
            {
                Assert.IsTrue(e.Message.IndexOf("pkg.bin") >= 0, "message names the file: " + e.Message);
                return e.Problem;
            }

            Assert.IsTrue(false, "verification passed");
            return ImageProblem.Empty;
        }

        [TestMethod]
        public void Writer_LaysOutHeadCrcVersionLengthFirmware()
        {
            byte[] firmware = Firmware(1000);
            byte[] package = QuecFotaPackageWriter.Build(firmware, Version);
            Assert.AreEqual(66 + 1000, package.Length, "66-byte header + firmware");
            Assert.AreEqual((byte)'Q', package[0], "head starts with the magic");
            Assert.AreEqual((byte)'1', package[19], "magic ends at byte 19");
            Assert.AreEqual((byte)0, package[20], "head zero-filled");
            Assert.AreEqual((byte)'M', package[32], "version at 32");
            Assert.AreEqual((byte)0, package[32 + Version.Length], "version zero-filled");
            Assert.AreEqual(1000u, BigEndian.ReadUInt32(package, 62), "length big-endian");
            ushort crc = Crc16Xmodem.Compute(package, 32, package.Length - 32);
            Assert.AreEqual(crc, BigEndian.ReadUInt16(package, 30), "CRC16 big-endian over version + length + firmware");
            Assert.IsTrue(Bytes.Same(firmware, 0, package, 66, 1000), "firmware as is");
        }

        [TestMethod]
        public void Reader_VerifiesAndReadsOnlyTheFirmware()
        {
            byte[] firmware = Firmware(777);
            QuecFotaPackage p = new QuecFotaPackage(new MemoryStream(QuecFotaPackageWriter.Build(firmware, Version)), "pkg.bin");
            p.Verify(Version);
            Assert.AreEqual(777L, p.Length, "firmware length");
            Assert.AreEqual(Version, p.Version, "version");
            Assert.IsFalse(p.LengthLittleEndian, "big-endian length");
            byte[] read = new byte[100];
            p.Seek(677);
            p.ReadExactly(read, 0, 100);
            Assert.IsTrue(Bytes.Same(firmware, 677, read, 0, 100), "seek is relative to the firmware");
        }

        [TestMethod]
        public void Reader_AcceptsLittleEndianLengthAndSaysSo()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(300), Version);

            // Rewrite the length little-endian and fix the CRC, as a tool using the other byte order would.
            package[62] = 300 & 0xFF;
            package[63] = 300 >> 8;
            package[64] = 0;
            package[65] = 0;
            BigEndian.WriteUInt16(package, 30, Crc16Xmodem.Compute(package, 32, package.Length - 32));
            QuecFotaPackage p = new QuecFotaPackage(new MemoryStream(package), "le.bin");
            p.Verify(null);
            Assert.IsTrue(p.LengthLittleEndian, "reported as little-endian");
            Assert.AreEqual(300L, p.Length, "length");
        }

        [TestMethod]
        public void Reader_RejectsCorruptFirmwareByCrc()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(500), Version);
            package[400] ^= 0x10;
            Assert.AreEqual((int)ImageProblem.CrcMismatch, (int)ProblemOf(package, null), "CRC");
        }

        [TestMethod]
        public void Reader_RejectsTruncatedPackage()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(500), Version);
            byte[] cut = new byte[package.Length - 10];
            Array.Copy(package, cut, cut.Length);
            Assert.AreEqual((int)ImageProblem.Truncated, (int)ProblemOf(cut, null), "cut short");
            byte[] header = new byte[40];
            Array.Copy(package, header, header.Length);
            Assert.AreEqual((int)ImageProblem.Truncated, (int)ProblemOf(header, null), "shorter than the header");
        }

        [TestMethod]
        public void Reader_RejectsEmptyFileAndEmptyFirmware()
        {
            Assert.AreEqual((int)ImageProblem.Empty, (int)ProblemOf(new byte[0], null), "empty file");
            byte[] package = QuecFotaPackageWriter.Build(Firmware(10), Version);
            byte[] headerOnly = new byte[66];
            Array.Copy(package, headerOnly, 66);
            Assert.AreEqual((int)ImageProblem.Empty, (int)ProblemOf(headerOnly, null), "no firmware after the header");
        }

        [TestMethod]
        public void Reader_RejectsOtherHead()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(50), Version);
            package[5] = (byte)'X';
            Assert.AreEqual((int)ImageProblem.BadHeader, (int)ProblemOf(package, null), "head");
        }

        [TestMethod]
        public void Reader_RejectsLengthThatMatchesNeitherByteOrder()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(50), Version);
            byte[] longer = new byte[package.Length + 7];
            Array.Copy(package, longer, package.Length);
            Assert.AreEqual((int)ImageProblem.LengthMismatch, (int)ProblemOf(longer, null), "trailing bytes");
        }

        [TestMethod]
        public void Reader_RejectsUnexpectedVersionNamingBoth()
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(50), Version);
            try
            {
                new QuecFotaPackage(new MemoryStream(package), "pkg.bin").Verify("M10ER01A09W32");
                Assert.IsTrue(false, "accepted another version");
            }
            catch (ImageException e)
            {
                Assert.AreEqual((int)ImageProblem.VersionMismatch, (int)e.Problem, "problem");
                Assert.IsTrue(e.Message.IndexOf(Version) >= 0 && e.Message.IndexOf("M10ER01A09W32") >= 0, "both versions named: " + e.Message);
            }
        }

        [TestMethod]
        public void Writer_RefusesVersionThatDoesNotFit()
        {
            Assert.ThrowsException(typeof(ImageException), () => QuecFotaPackageWriter.Build(Firmware(10), "0123456789012345678901234567890"), "31 characters");
            Assert.ThrowsException(typeof(ImageException), () => QuecFotaPackageWriter.Build(new byte[0], Version), "empty firmware");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        public void Session_RefusesBadPackageBeforeAnyPowerChange(int damage)
        {
            byte[] package = QuecFotaPackageWriter.Build(Firmware(2000), Version);
            string expected = Version;
            switch (damage)
            {
                case 0: package[1000] ^= 1; break;
                case 1: package[70] ^= 0x80; package[71] ^= 0x80; break;
                case 2: expected = "M10ER01A09W32"; break;
                case 3: package[63] = 0x77; break;
                default: package = new byte[0]; break;
            }

            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            rig.Options.ExpectedVersion = expected;
            UpdateResult r = rig.Session.Run(new QuecFotaPackage(new MemoryStream(package), "fw.pkg"));
            EngineRig.ExpectOutcome(UpdateOutcome.ImageRejected, r, "damage " + damage.ToString());
            Assert.IsTrue(r.Detail.IndexOf("fw.pkg") >= 0, "detail names the file: " + r.Detail);
            Assert.AreEqual(0, rig.Power.Calls, "no power call at all");
            Assert.AreEqual(0L, rig.Wire.HostBytesWritten, "nothing written to the module");
            Assert.AreEqual(0, rig.Module.PowerCycles, "module never powered");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Session_UpdatesFromPackageUsingItsVersion(int variant)
        {
            byte[] firmware = Firmware(3001);
            byte[] package = QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion);
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), null, null);
            rig.Options.ExpectedVersion = null;
            UpdateResult r = rig.Session.Run(new QuecFotaPackage(new MemoryStream(package), "fw.pkg"));
            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "package");
            Assert.IsTrue(rig.Module.ImageMatches(firmware), "only the firmware reached the module");
            Assert.AreEqual(EngineRig.NewVersion, r.ImageVersion, "version from the package");
            Assert.AreEqual(EngineRig.NewVersion, r.FirmwareVersion, "compared with the package's version");
        }
    }
}
