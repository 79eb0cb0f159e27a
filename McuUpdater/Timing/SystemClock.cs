using System;
using System.Threading;

namespace McuUpdater.Timing
{
    /// <summary>The real clock: <c>Environment.TickCount64</c> and <c>Thread.Sleep</c>.</summary>
    public sealed class SystemClock : IClock
    {
        /// <summary>One shared instance; the clock has no state.</summary>
        public static readonly SystemClock Instance = new SystemClock();

        /// <inheritdoc />
        public long NowMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
