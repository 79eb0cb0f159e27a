namespace McuUpdater.Protocol
{
    /// <summary>CRC-16/XMODEM (poly 0x1021, init 0, not reflected, no final XOR), table-driven and incremental.</summary>
    public static class Crc16Xmodem
    {
        /// <summary>The initial value to start an incremental computation with.</summary>
        public const ushort Initial = 0x0000;

        private const int Polynomial = 0x1021;

        private static readonly ushort[] Table = BuildTable();

        /// <summary>Continues <paramref name="crc"/> over <paramref name="count"/> bytes, so a frame can be summed in pieces.</summary>
        public static ushort Update(ushort crc, byte[] data, int offset, int count)
        {
            ushort[] table = Table;
            int c = crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = ((c << 8) ^ table[((c >> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
            }

            return (ushort)c;
        }

        /// <summary>Continues <paramref name="crc"/> over one byte.</summary>
        public static ushort Update(ushort crc, byte value)
        {
            return (ushort)(((crc << 8) ^ Table[((crc >> 8) ^ value) & 0xFF]) & 0xFFFF);
        }

        /// <summary>CRC of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            return Update(Initial, data, offset, count);
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int c = n << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 0x8000) != 0 ? (c << 1) ^ Polynomial : c << 1;
                }

                table[n] = (ushort)(c & 0xFFFF);
            }

            return table;
        }
    }
}
