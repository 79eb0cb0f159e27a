using McuUpdater.Protocol;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Protocol
{
    [TestClass]
    public class ResponseTests
    {
        [TestMethod]
        [DataRow("00 02 00 04 00 00 04 00", Command.DlBeginRsp, 0, 1024, 0)]
        [DataRow("00 02 00 04 00 00 20 20", Command.DlBeginRsp, 0, 8224, 0)]
        [DataRow("00 04 00 06 00 00 00 00 00 05", Command.DlDataRsp, 0, 0, 5)]
        [DataRow("00 04 00 06 00 04 00 00 01 02", Command.DlDataRsp, 4, 0, 258)]
        [DataRow("00 06 00 02 00 00", Command.DlEndRsp, 0, 0, 0)]
        [DataRow("00 08 00 02 00 03", Command.RunGsmSwRsp, 3, 0, 0)]
        public void Response_ParsesWireBytes(string hex, ushort type, int status, int mtu, int next)
        {
            Response response = ParseFramed(hex);
            Assert.AreEqual(ResponseError.None, response.Error, response.Describe());
            Assert.AreEqual(type, response.Type, "type");
            Assert.AreEqual(status, (int)response.Status, "status");
            Assert.AreEqual(mtu, response.Mtu, "MTU");
            Assert.AreEqual((uint)next, response.NextSequence, "next sequence");
        }

        [TestMethod]
        [DataRow("00 04 00 02 00 00", "CMD_DL_DATA_RSP has 2 data bytes, expected 6")]
        [DataRow("00 02 00 06 00 00 00 00 00 00", "CMD_DL_BEGIN_RSP has 6 data bytes, expected 4")]
        public void Response_WrongLength_IsRejectedWithReason(string hex, string reason)
        {
            Response response = ParseFramed(hex);
            Assert.AreEqual(ResponseError.WrongLength, response.Error, "error kind");
            Assert.AreEqual(reason, response.Describe(), "reason");
        }

        [TestMethod]
        [DataRow("00 04 00 06 00 07 00 00 00 00", 7)]
        [DataRow("00 04 00 06 00 06 00 00 00 00", 6)]
        [DataRow("00 06 00 02 01 00", 256)]
        public void Response_UnknownStatus_IsRejectedWithReason(string hex, int status)
        {
            Response response = ParseFramed(hex);
            Assert.AreEqual(ResponseError.UnknownStatus, response.Error, "error kind");
            Assert.AreEqual(status, (int)response.Status, "status is still reported");
            Assert.IsTrue(response.Describe().IndexOf("unknown status " + status.ToString()) >= 0, response.Describe());
        }

        [TestMethod]
        [DataRow("00 03 00 02 00 00")]
        [DataRow("00 01 00 04 00 00 00 01")]
        [DataRow("12 34 00 00")]
        public void Response_CommandOrUnknownType_IsNotAResponse(string hex)
        {
            Response response = ParseFramed(hex);
            Assert.AreEqual(ResponseError.UnknownType, response.Error, response.Describe());
        }

        // Builds a real frame around "type length data" hex, decodes it, and parses the decoder's frame.
        private static Response ParseFramed(string hex)
        {
            byte[] body = Bytes.FromHex(hex);
            int type = BigEndian.ReadUInt16(body, 0);
            int length = BigEndian.ReadUInt16(body, 2);
            byte[] frame = new byte[body.Length + Wire.FrameOverhead];
            int n = FrameEncoder.Encode(frame, 0, type, body, 4, length);
            FrameDecoder decoder = new FrameDecoder(16);
            decoder.Feed(frame, 0, n);
            Assert.IsTrue(decoder.HasFrame, "frame decoded: " + hex);
            Response response = new Response();
            response.Parse(decoder);
            return response;
        }
    }
}
