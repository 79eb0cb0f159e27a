namespace McuUpdater.Fetch
{
    /// <summary><paramref name="stored"/> bytes of the package are in the part file, of <paramref name="total"/> (-1 until the server said).</summary>
    public delegate void FetchProgressHandler(object sender, long stored, long total);
}
