namespace McuUpdater.Modem
{
    /// <summary>Receives one complete line from the <see cref="AtChannel"/> (a URC, or the line that reported a restart).</summary>
    public delegate void AtLineHandler(string line);
}
