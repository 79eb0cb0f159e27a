namespace McuUpdater.Simulator
{
    /// <summary>CRC-32 (IEEE 802.3: reflected poly 0xEDB88320, init and final XOR 0xFFFFFFFF), incremental.</summary>
    /// <remarks>Lets tests prove byte-exact delivery of images too large to keep. Check value of "123456789": 0xCBF43926.</remarks>
    public static class Crc32
    {
        /// <summary>State to start an incremental computation with (pass through <see cref="Finish"/> at the end).</summary>
        public const uint Initial = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        /// <summary>Continues a running state over <paramref name="count"/> bytes.</summary>
        public static uint Update(uint state, byte[] data, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                state = table[(state ^ data[i]) & 0xFF] ^ (state >> 8);
            }

            return state;
        }

        /// <summary>Continues a running state over one byte.</summary>
        public static uint Update(uint state, byte value)
        {
            return Table[(state ^ value) & 0xFF] ^ (state >> 8);
        }

        /// <summary>Turns a running state into the CRC value.</summary>
        public static uint Finish(uint state)
        {
            return state ^ 0xFFFFFFFF;
        }

        /// <summary>CRC-32 of a range.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Initial, data, offset, count));
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
