namespace McuUpdater.Modem
{
    /// <summary>Where the one socket of <see cref="IModuleSocket"/> is.</summary>
    public enum SocketState
    {
        /// <summary>Not open (never opened, closed, or gone with its context).</summary>
        Closed = 0,

        /// <summary>Connected: sending and reading.</summary>
        Connected = 1,

        /// <summary>The peer closed; bytes the module still buffers can be read, then reads return 0.</summary>
        PeerClosed = 2,

        /// <summary>A failure ended the connection (see <see cref="IModuleSocket.LastOutcome"/>); close it before opening again.</summary>
        Failed = 3,
    }
}
