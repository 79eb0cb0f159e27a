using McuUpdater.Timing;

namespace McuUpdater.Tests.Support
{
    /// <summary>A clock that moves only when the test says so (Sleep advances it too), for timing tests without waiting.</summary>
    public sealed class ManualClock : IClock
    {
        private readonly object _lock = new object();
        private long _now;

        /// <inheritdoc />
        public long NowMs
        {
            get
            {
                lock (_lock)
                {
                    return _now;
                }
            }
        }

        /// <summary>Moves time forward.</summary>
        public void Advance(int milliseconds)
        {
            lock (_lock)
            {
                _now += milliseconds;
            }
        }

        /// <inheritdoc />
        public void Sleep(int milliseconds)
        {
            Advance(milliseconds);
        }
    }
}
