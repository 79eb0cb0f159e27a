using McuUpdater.Simulator;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Records when each DATA frame starts on the host→module line (ms) and which block it carries, and the host's quiet gaps around power changes.</summary>
    public sealed class SendLog : IWireTap
    {
        private const int Max = 512;
        private const long NsPerMs = 1000000;
        private readonly long _byteNs;
        private long _lastByteEndNs = -1;
        private bool _offSeen;

        /// <summary>Creates a log for a wire whose bytes take <paramref name="byteNs"/> each.</summary>
        public SendLog(long byteNs)
        {
            _byteNs = byteNs;
            ShortestOffGapMs = long.MaxValue;
        }

        /// <summary>Start (ms) of each DATA frame written, in order.</summary>
        public readonly long[] StartMs = new long[Max];

        /// <summary>Block carried by each DATA frame written, in order.</summary>
        public readonly int[] Block = new int[Max];

        /// <summary>DATA frames recorded.</summary>
        public int Count;

        /// <summary>
        /// Over every power-off: the quiet time on the host→module line from the end of the last
        /// byte before it to the first byte after it (what an idle-sensing module or relay sees as
        /// the off time); <c>long.MaxValue</c> while none was measured.
        /// </summary>
        public long ShortestOffGapMs { get; private set; }

        /// <summary>Shortest time between two sends of the same block (ms), or <c>long.MaxValue</c>.</summary>
        public long ShortestResendGapMs
        {
            get
            {
                long shortest = long.MaxValue;
                for (int i = 1; i < Count; i++)
                {
                    if (Block[i] == Block[i - 1] && StartMs[i] - StartMs[i - 1] < shortest)
                    {
                        shortest = StartMs[i] - StartMs[i - 1];
                    }
                }

                return shortest;
            }
        }

        /// <inheritdoc />
        public void OnHostToModule(byte[] buffer, int offset, int count, long timeNs)
        {
            if (_offSeen && _lastByteEndNs >= 0)
            {
                // Rounded: byte times are whole nanoseconds, so a gap of exactly 500 ms may show 499.9999.
                long gap = (timeNs - _lastByteEndNs + NsPerMs / 2) / NsPerMs;
                if (gap < ShortestOffGapMs)
                {
                    ShortestOffGapMs = gap;
                }
            }

            _offSeen = false;
            _lastByteEndNs = timeNs + count * _byteNs;

            // A DATA frame written in one piece: AA 00 03 len(2) seq(4).
            if (count >= 9 && buffer[offset] == 0xAA && buffer[offset + 1] == 0x00 && buffer[offset + 2] == 0x03 && Count < Max)
            {
                StartMs[Count] = timeNs / NsPerMs;
                Block[Count] = (buffer[offset + 5] << 24) | (buffer[offset + 6] << 16) | (buffer[offset + 7] << 8) | buffer[offset + 8];
                Count++;
            }
        }

        /// <inheritdoc />
        public void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs)
        {
        }

        /// <inheritdoc />
        public void OnPower(bool on, long timeNs)
        {
            if (!on)
            {
                _offSeen = true;
            }
        }
    }
}
