namespace McuUpdater.Simulator
{
    /// <summary>The module's view of its UART and of time.</summary>
    public interface IModuleLine
    {
        /// <summary>Current time in nanoseconds (virtual or monotonic real time).</summary>
        long NowNs { get; }

        /// <summary>Queues bytes towards the host, paced at the baud rate; the bytes are copied.</summary>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Sets the one pending wake-up; a later call replaces it; <c>long.MaxValue</c> cancels it.</summary>
        void WakeAt(long timeNs);

        /// <summary>Time of one byte on the line: 10 bits at the baud rate (86 806 ns at 115 200).</summary>
        long ByteTimeNs { get; }
    }
}
