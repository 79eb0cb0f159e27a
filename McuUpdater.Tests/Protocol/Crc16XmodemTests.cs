using McuUpdater.Protocol;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Protocol
{
    [TestClass]
    public class Crc16XmodemTests
    {
        [TestMethod]
        public void Crc_CheckValueOf123456789_Is31C3()
        {
            byte[] text = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual((ushort)0x31C3, Crc16Xmodem.Compute(text, 0, text.Length), "CRC-16/XMODEM check value");
        }

        [TestMethod]
        public void Crc_OfProtocolExampleFrame_Is2146()
        {
            // protocol.md: AA 00 01 00 04 00 00 00 01 is followed by CRC 21 46 (CRC excludes the head).
            byte[] frame = Bytes.FromHex("AA 00 01 00 04 00 00 00 01");
            Assert.AreEqual((ushort)0x2146, Crc16Xmodem.Compute(frame, 1, frame.Length - 1), "example frame CRC");
        }

        [TestMethod]
        public void Crc_OfNothing_IsInitialValue()
        {
            Assert.AreEqual((ushort)0, Crc16Xmodem.Compute(new byte[0], 0, 0), "empty input");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(255)]
        [DataRow(1000)]
        public void Crc_ComputedInPieces_EqualsOneShot(int split)
        {
            byte[] data = new byte[1024];
            new TestRandom(42).Fill(data, 0, data.Length);
            ushort whole = Crc16Xmodem.Compute(data, 0, data.Length);
            ushort pieces = Crc16Xmodem.Update(Crc16Xmodem.Initial, data, 0, split);
            pieces = Crc16Xmodem.Update(pieces, data, split, data.Length - split);
            Assert.AreEqual(whole, pieces, "split at " + split.ToString());
        }

        [TestMethod]
        public void Crc_ByteAtATime_EqualsOneShot()
        {
            byte[] data = new byte[300];
            new TestRandom(7).Fill(data, 0, data.Length);
            ushort crc = Crc16Xmodem.Initial;
            for (int i = 0; i < data.Length; i++)
            {
                crc = Crc16Xmodem.Update(crc, data[i]);
            }

            Assert.AreEqual(Crc16Xmodem.Compute(data, 0, data.Length), crc, "byte-wise update");
        }
    }
}
