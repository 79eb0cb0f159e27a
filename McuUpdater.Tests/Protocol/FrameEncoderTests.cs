using McuUpdater.Protocol;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Protocol
{
    [TestClass]
    public class FrameEncoderTests
    {
        [TestMethod]
        public void Encoder_BeginWithVersion1_MatchesProtocolExample()
        {
            byte[] buffer = new byte[32];
            int n = FrameEncoder.EncodeBegin(buffer, 3, 1);
            Assert.AreEqual(11, n, "frame length");
            Assert.AreEqual("AA 00 01 00 04 00 00 00 01 21 46", Bytes.ToHex(buffer, 3, n), "frame bytes");
        }

        [TestMethod]
        public void Encoder_WritesAtOffsetAndTouchesNothingElse()
        {
            byte[] buffer = new byte[20];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0x55;
            }

            int n = FrameEncoder.EncodeEmpty(buffer, 5, Command.DlEnd);
            Assert.AreEqual(7, n, "END frame length");
            Assert.AreEqual((byte)0x55, buffer[4], "byte before the frame");
            Assert.AreEqual((byte)0x55, buffer[5 + n], "byte after the frame");
            Assert.AreEqual((byte)Wire.Head, buffer[5], "head");
        }

        [TestMethod]
        public void Encoder_DataInPlace_WrapsBlockWithoutMovingIt()
        {
            byte[] buffer = new byte[64];
            byte[] block = Bytes.FromHex("01 02 03 04 05 06");
            System.Array.Copy(block, 0, buffer, Wire.DataBlockOffset, block.Length);
            int n = FrameEncoder.EncodeDataInPlace(buffer, 0, 0x01020304, block.Length);
            Assert.AreEqual(Wire.DataFrameOverhead + block.Length, n, "DATA frame length");
            Assert.AreEqual("AA 00 03 00 0A 01 02 03 04 01 02 03 04 05 06", Bytes.ToHex(buffer, 0, n - 2), "header, sequence, block");
            ushort crc = Crc16Xmodem.Compute(buffer, 1, n - 3);
            Assert.AreEqual(crc, BigEndian.ReadUInt16(buffer, n - 2), "CRC trailer, big-endian");
        }

        [TestMethod]
        [DataRow(1024, 0, 1012)]
        [DataRow(8224, 0, 8212)]
        [DataRow(16384, 0, 16372)]
        [DataRow(1025, 0, 1014)]
        [DataRow(8224, 4096, 4096)]
        [DataRow(8224, 4095, 4094)]
        [DataRow(12, 0, 0)]
        [DataRow(13, 0, 2)]
        public void BlockSize_IsLargestEvenWithinMtuAndCap(int mtu, int cap, int expected)
        {
            Assert.AreEqual(expected, Wire.BlockSizeForMtu(mtu, cap), "MTU " + mtu.ToString() + " cap " + cap.ToString());
        }
    }
}
