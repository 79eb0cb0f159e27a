namespace McuUpdater.Protocol
{
    /// <summary>Big-endian reads and writes: every multi-byte field of the protocol is big-endian.</summary>
    public static class BigEndian
    {
        /// <summary>Writes <paramref name="value"/> as two bytes, high first.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }

        /// <summary>Writes <paramref name="value"/> as four bytes, high first.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>Reads two bytes, high first.</summary>
        public static ushort ReadUInt16(byte[] buffer, int offset)
        {
            return (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
        }

        /// <summary>Reads four bytes, high first.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16)
                | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }
    }
}
