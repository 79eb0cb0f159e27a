namespace McuUpdater.Modem
{
    /// <summary>One TCP connection through the module's own TCP/IP stack, the same in both dialects.</summary>
    /// <remarks>
    /// Blocking and single-threaded, like the rest of the session. Every failure is one
    /// <see cref="SocketOutcome"/> with a reason text that names what the module said
    /// (e.g. <c>+QIOPEN: 0,565</c>, <c>+CME ERROR: 10</c>). After <see cref="SocketOutcome.ModuleRestarted"/>
    /// or <see cref="SocketOutcome.PdpDropped"/> the caller starts over with <see cref="IModuleNetwork.BringUp"/>
    /// and <see cref="IModuleNetwork.Activate"/>.
    /// </remarks>
    public interface IModuleSocket
    {
        /// <summary>Where the socket is.</summary>
        SocketState State { get; }

        /// <summary>The outcome of the last call (Ok after a success).</summary>
        SocketOutcome LastOutcome { get; }

        /// <summary>What the module said about the last failure, for logs and reports; empty after a success.</summary>
        string LastReason { get; }

        /// <summary>Connects to <paramref name="host"/> (name or dotted IP) at <paramref name="port"/>; the context must be active.</summary>
        SocketOutcome Open(string host, int port);

        /// <summary>Sends <paramref name="count"/> bytes (at most <see cref="MaxSend"/>) in one send command.</summary>
        SocketOutcome Send(byte[] buffer, int offset, int count);

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes (asks the module for at most its read limit at a time):
        /// the number read (&gt; 0); 0 once the peer closed and every buffered byte has been read
        /// (<see cref="LastOutcome"/> = ClosedByPeer); -1 on a failure or when nothing came within
        /// <paramref name="timeoutMs"/> (<see cref="LastOutcome"/> says which: Timeout, PdpDropped, ModuleRestarted, Garbled, Error…).
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Closes the connection (best effort: the socket is Closed afterwards whatever the module answered).</summary>
        SocketOutcome Close();

        /// <summary>Largest count one <see cref="Send"/> takes (1460).</summary>
        int MaxSend { get; }
    }
}
