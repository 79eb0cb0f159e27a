namespace McuUpdater.Tests.Support
{
    /// <summary>Seeded xorshift32: the same sequence on nanoCLR and .NET, unlike System.Random.</summary>
    public sealed class TestRandom
    {
        private uint _state;

        /// <summary>Creates a generator; seed 0 is mapped to a fixed non-zero state.</summary>
        public TestRandom(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>Next 32 random bits.</summary>
        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A value in [0, max).</summary>
        public int Next(int max)
        {
            return (int)(NextUInt() % (uint)max);
        }

        /// <summary>Fills a range with random bytes.</summary>
        public void Fill(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)NextUInt();
            }
        }
    }
}
