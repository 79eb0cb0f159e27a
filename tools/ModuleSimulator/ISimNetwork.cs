namespace McuUpdater.Simulator
{
    /// <summary>The network behind the simulated module's TCP/IP stack: in memory (portable) or real TCP on loopback (Host/TcpSimNetwork).</summary>
    /// <remarks>Called only from the module's thread. Connect may block briefly (a real TCP connect); nothing else blocks for long.</remarks>
    public interface ISimNetwork
    {
        /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>; null with <paramref name="error"/> 565 (name unknown) or 566 (refused).</summary>
        ISimConnection Connect(string host, int port, out int error);
    }
}
