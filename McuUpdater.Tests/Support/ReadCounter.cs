namespace McuUpdater.Tests.Support
{
    /// <summary>Bytes read through <see cref="CountingStream"/>s, and the count when the module was first touched.</summary>
    public sealed class ReadCounter
    {
        /// <summary>Bytes read so far.</summary>
        public long Bytes;

        /// <summary><see cref="Bytes"/> at the first power call, or -1 before it.</summary>
        public long AtFirstPowerCall = -1;
    }
}
