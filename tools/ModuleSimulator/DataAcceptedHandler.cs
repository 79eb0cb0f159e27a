namespace McuUpdater.Simulator
{
    /// <summary>Called when the boot ROM accepts a DATA frame: <paramref name="data"/> holds its sequence and block, as written to flash.</summary>
    /// <remarks>The buffer is only valid during the call. A fault campaign compares it with what the updater wrote.</remarks>
    public delegate void DataAcceptedHandler(byte[] data, int offset, int length);
}
