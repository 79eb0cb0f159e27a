namespace McuUpdater.Simulator
{
    /// <summary>Makes a <see cref="MemoryNetwork"/> server's answer from the request bytes it received (a whole HTTP request head, for example).</summary>
    public delegate byte[] SimResponder(byte[] request, int length);
}
