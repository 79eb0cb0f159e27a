namespace McuUpdater.Simulator
{
    /// <summary>Small seeded PRNG (xorshift64*), identical on every runtime, so fault runs are reproducible.</summary>
    /// <remarks>System.Random's algorithm differs between .NET and nanoFramework, so it cannot be used for replayable runs.</remarks>
    public sealed class XorShift
    {
        private ulong _state;

        /// <summary>Creates a generator; any seed works (0 is mapped to a fixed non-zero state).</summary>
        public XorShift(ulong seed)
        {
            _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        /// <summary>Next 32 random bits.</summary>
        public uint NextUInt()
        {
            ulong x = _state;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _state = x;
            return (uint)((x * 0x2545F4914F6CDD1DUL) >> 32);
        }

        /// <summary>A value in [0, <paramref name="bound"/>).</summary>
        public int Next(int bound)
        {
            return bound <= 0 ? 0 : (int)(NextUInt() % (uint)bound);
        }

        /// <summary>A value in [0, 1) with 24 bits of resolution.</summary>
        public double NextDouble()
        {
            return (NextUInt() >> 8) / 16777216.0;
        }

        /// <summary>True with probability <paramref name="rate"/> (never draws when the rate is 0, so unused faults do not shift the sequence).</summary>
        public bool Chance(double rate)
        {
            return rate > 0 && NextDouble() < rate;
        }
    }
}
