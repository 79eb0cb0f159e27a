using System;

namespace McuUpdater.Protocol
{
    /// <summary>Writes complete frames (head, type, length, data, CRC) into a caller's buffer; allocates nothing.</summary>
    /// <remarks>
    /// Every method returns the number of bytes written at <c>offset</c>. Large DATA frames are built
    /// in place: the caller reads the image block straight to <see cref="Wire.DataBlockOffset"/>, then
    /// calls <see cref="EncodeDataInPlace"/>, so the block is never copied.
    /// </remarks>
    public static class FrameEncoder
    {
        /// <summary>Total length of a frame carrying <paramref name="dataLength"/> data bytes.</summary>
        public static int FrameLength(int dataLength)
        {
            return Wire.FrameOverhead + dataLength;
        }

        /// <summary>Writes head, type and length; the data goes at <c>offset + Wire.HeaderLength</c>.</summary>
        public static void WriteHeader(byte[] buffer, int offset, int type, int dataLength)
        {
            buffer[offset] = Wire.Head;
            BigEndian.WriteUInt16(buffer, offset + 1, type);
            BigEndian.WriteUInt16(buffer, offset + 3, dataLength);
        }

        /// <summary>Appends the CRC over type, length and the data already in place; returns the frame length.</summary>
        public static int Seal(byte[] buffer, int offset, int dataLength)
        {
            int crcAt = offset + Wire.HeaderLength + dataLength;
            ushort crc = Crc16Xmodem.Compute(buffer, offset + 1, Wire.HeaderLength - 1 + dataLength);
            BigEndian.WriteUInt16(buffer, crcAt, crc);
            return FrameLength(dataLength);
        }

        /// <summary>Encodes a frame whose data is copied from <paramref name="data"/>.</summary>
        public static int Encode(byte[] buffer, int offset, int type, byte[] data, int dataOffset, int dataLength)
        {
            CheckDataLength(dataLength);
            WriteHeader(buffer, offset, type, dataLength);
            if (dataLength > 0)
            {
                Array.Copy(data, dataOffset, buffer, offset + Wire.HeaderLength, dataLength);
            }

            return Seal(buffer, offset, dataLength);
        }

        /// <summary>Encodes a frame without data (CMD_DL_END, CMD_RUN_GSMSW).</summary>
        public static int EncodeEmpty(byte[] buffer, int offset, int type)
        {
            WriteHeader(buffer, offset, type, 0);
            return Seal(buffer, offset, 0);
        }

        /// <summary>Encodes CMD_DL_BEGIN with the (reserved) application version.</summary>
        public static int EncodeBegin(byte[] buffer, int offset, uint applicationVersion)
        {
            WriteHeader(buffer, offset, Command.DlBegin, 4);
            BigEndian.WriteUInt32(buffer, offset + Wire.HeaderLength, applicationVersion);
            return Seal(buffer, offset, 4);
        }

        /// <summary>
        /// Encodes CMD_DL_DATA around a block the caller already placed at
        /// <c>offset + Wire.DataBlockOffset</c>; writes header, sequence and CRC only.
        /// </summary>
        public static int EncodeDataInPlace(byte[] buffer, int offset, uint sequence, int blockLength)
        {
            int dataLength = Wire.SequenceLength + blockLength;
            CheckDataLength(dataLength);
            WriteHeader(buffer, offset, Command.DlData, dataLength);
            BigEndian.WriteUInt32(buffer, offset + Wire.HeaderLength, sequence);
            return Seal(buffer, offset, dataLength);
        }

        /// <summary>Encodes a response carrying only a status (END_RSP, RUN_GSMSW_RSP).</summary>
        public static int EncodeStatusResponse(byte[] buffer, int offset, int type, int status)
        {
            WriteHeader(buffer, offset, type, 2);
            BigEndian.WriteUInt16(buffer, offset + Wire.HeaderLength, status);
            return Seal(buffer, offset, 2);
        }

        /// <summary>Encodes CMD_DL_BEGIN_RSP (status, MTU).</summary>
        public static int EncodeBeginResponse(byte[] buffer, int offset, int status, int mtu)
        {
            WriteHeader(buffer, offset, Command.DlBeginRsp, 4);
            BigEndian.WriteUInt16(buffer, offset + Wire.HeaderLength, status);
            BigEndian.WriteUInt16(buffer, offset + Wire.HeaderLength + 2, mtu);
            return Seal(buffer, offset, 4);
        }

        /// <summary>Encodes CMD_DL_DATA_RSP (status, next expected sequence).</summary>
        public static int EncodeDataResponse(byte[] buffer, int offset, int status, uint nextSequence)
        {
            WriteHeader(buffer, offset, Command.DlDataRsp, 6);
            BigEndian.WriteUInt16(buffer, offset + Wire.HeaderLength, status);
            BigEndian.WriteUInt32(buffer, offset + Wire.HeaderLength + 2, nextSequence);
            return Seal(buffer, offset, 6);
        }

        private static void CheckDataLength(int dataLength)
        {
            if (dataLength < 0 || dataLength > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("dataLength", "a frame carries 0 to 65535 data bytes");
            }
        }
    }
}
