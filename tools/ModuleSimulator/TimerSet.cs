namespace McuUpdater.Simulator
{
    /// <summary>A few named deadlines multiplexed onto the line's single wake-up.</summary>
    internal sealed class TimerSet
    {
        private readonly long[] _at;

        public TimerSet(int slots)
        {
            _at = new long[slots];
            Clear();
        }

        public void Arm(int slot, long timeNs)
        {
            _at[slot] = timeNs;
        }

        public void Disarm(int slot)
        {
            _at[slot] = long.MaxValue;
        }

        public bool IsArmed(int slot)
        {
            return _at[slot] != long.MaxValue;
        }

        public void Clear()
        {
            for (int i = 0; i < _at.Length; i++)
            {
                _at[i] = long.MaxValue;
            }
        }

        /// <summary>The earliest slot due at <paramref name="nowNs"/>, disarmed; -1 when none.</summary>
        public int TakeDue(long nowNs)
        {
            int best = -1;
            for (int i = 0; i < _at.Length; i++)
            {
                if (_at[i] <= nowNs && (best < 0 || _at[i] < _at[best]))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                _at[best] = long.MaxValue;
            }

            return best;
        }

        /// <summary>Earliest deadline, or <c>long.MaxValue</c>.</summary>
        public long Earliest
        {
            get
            {
                long min = long.MaxValue;
                for (int i = 0; i < _at.Length; i++)
                {
                    if (_at[i] < min)
                    {
                        min = _at[i];
                    }
                }

                return min;
            }
        }
    }
}
