namespace McuUpdater.Simulator
{
    /// <summary>Seeded byte-level faults on one direction of a wire: noise, drops, duplicates, corruption.</summary>
    /// <remarks>
    /// Rates are per byte. Faults start after <see cref="StartAfterBytes"/> bytes so a test can aim
    /// them at the data stage instead of the sync. Each direction has its own generator, so a fault
    /// in one direction never changes the sequence of the other.
    /// </remarks>
    public sealed class ByteFaults : ILineFault
    {
        private readonly XorShift _random;

        /// <summary>Creates the filter with its own seed.</summary>
        public ByteFaults(ulong seed)
        {
            _random = new XorShift(seed);
        }

        /// <summary>Probability that a random noise byte is inserted before a byte.</summary>
        public double NoiseRate;

        /// <summary>Probability that a byte is lost.</summary>
        public double DropRate;

        /// <summary>The value of every noise byte (in transit and idle), or -1 for random values; 0xAA makes noise that starts frame headers.</summary>
        public int NoiseByte = -1;

        /// <summary>Probability that a byte arrives twice.</summary>
        public double DuplicateRate;

        /// <summary>Probability that a byte arrives with one bit flipped.</summary>
        public double CorruptRate;

        /// <summary>
        /// Mean gap in ms between bytes the line makes up on its own while idle (a floating RX line,
        /// ground bounce when a module powers up); 0 for none. Independent of <see cref="StartAfterBytes"/>.
        /// </summary>
        public int IdleNoiseMs;

        /// <summary>Bytes that pass untouched before faults begin.</summary>
        public long StartAfterBytes;

        /// <summary>Bytes that have entered the filter.</summary>
        public long BytesIn { get; private set; }

        /// <summary>Noise bytes inserted.</summary>
        public int NoiseInserted { get; private set; }

        /// <summary>Bytes made up on an idle line.</summary>
        public int IdleNoiseInserted { get; private set; }

        /// <summary>Bytes dropped.</summary>
        public int Dropped { get; private set; }

        /// <summary>Bytes duplicated.</summary>
        public int Duplicated { get; private set; }

        /// <summary>Bytes corrupted.</summary>
        public int Corrupted { get; private set; }

        /// <summary>True when any rate is set.</summary>
        public bool IsActive
        {
            get { return NoiseRate > 0 || DropRate > 0 || DuplicateRate > 0 || CorruptRate > 0 || IdleNoiseMs > 0; }
        }

        /// <summary>Gaps are uniform in [1, 2 × <see cref="IdleNoiseMs"/>] ms, so they average about <see cref="IdleNoiseMs"/>.</summary>
        public long NextIdleNoiseNs(long afterNs)
        {
            if (IdleNoiseMs <= 0)
            {
                return long.MaxValue;
            }

            return afterNs + (1 + _random.Next(2 * IdleNoiseMs)) * 1000000L;
        }

        /// <summary>A random byte, counted in <see cref="IdleNoiseInserted"/>.</summary>
        public byte IdleNoiseByte()
        {
            IdleNoiseInserted++;
            return NoiseValue();
        }

        private byte NoiseValue()
        {
            int random = _random.Next(256);
            return NoiseByte >= 0 ? (byte)NoiseByte : (byte)random;
        }

        /// <summary>At most a noise byte and a duplicate per byte.</summary>
        public int MaxOutput(int count)
        {
            return 3 * count;
        }

        /// <summary>Copies the bytes, applying the faults.</summary>
        public int Apply(byte[] input, int offset, int count, byte[] output, int outputOffset, long timeNs)
        {
            int o = outputOffset;
            for (int i = 0; i < count; i++)
            {
                byte b = input[offset + i];
                if (BytesIn++ < StartAfterBytes)
                {
                    output[o++] = b;
                    continue;
                }

                if (_random.Chance(NoiseRate))
                {
                    output[o++] = NoiseValue();
                    NoiseInserted++;
                }

                if (_random.Chance(DropRate))
                {
                    Dropped++;
                    continue;
                }

                if (_random.Chance(CorruptRate))
                {
                    b = (byte)(b ^ (1 << _random.Next(8)));
                    Corrupted++;
                }

                output[o++] = b;
                if (_random.Chance(DuplicateRate))
                {
                    output[o++] = b;
                    Duplicated++;
                }
            }

            return o - outputOffset;
        }
    }
}
