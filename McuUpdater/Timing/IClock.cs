namespace McuUpdater.Timing
{
    /// <summary>Monotonic time and sleep: the only way the core reads or spends time, so tests can run it virtually.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds on a monotonic clock (never jumps, never goes back).</summary>
        long NowMs { get; }

        /// <summary>Waits <paramref name="milliseconds"/>.</summary>
        void Sleep(int milliseconds);
    }
}
