namespace McuUpdater.Simulator
{
    /// <summary>One TCP connection of the simulated module, as its stack sees it.</summary>
    public interface ISimConnection
    {
        /// <summary>Takes up to <paramref name="count"/> bytes that have come from the peer: &gt; 0 bytes, 0 none yet, -1 the peer closed and nothing is left.</summary>
        int Receive(byte[] buffer, int offset, int count);

        /// <summary>Sends bytes to the peer.</summary>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>Closes the connection (the module's side).</summary>
        void Close();
    }
}
