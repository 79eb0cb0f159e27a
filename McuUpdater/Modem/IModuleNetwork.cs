namespace McuUpdater.Modem
{
    /// <summary>The module's side of the network: bring-up, the PDP context, and its one socket.</summary>
    /// <remarks>
    /// The usual run: <see cref="BringUp"/> (AT until OK, ATE0, CMEE, SIM, registration),
    /// <see cref="Activate"/> (APN, context), then <see cref="Socket"/> Open / Send / Read / Close,
    /// then <see cref="Deactivate"/>. After ModuleRestarted or PdpDropped from any call, start over
    /// at BringUp. Made for a dialect by <see cref="ModuleNetworks.Create(McuUpdater.Link.ISerialLink, McuUpdater.Timing.IClock, ModemSettings, McuUpdater.Session.ICancellation)"/>.
    /// </remarks>
    public interface IModuleNetwork
    {
        /// <summary>The dialect spoken.</summary>
        AtDialect Dialect { get; }

        /// <summary>The connection (one per module here).</summary>
        IModuleSocket Socket { get; }

        /// <summary>What the module said about the last failure; empty after a success.</summary>
        string LastReason { get; }

        /// <summary>AT every 500 ms until OK, ATE0, AT+CMEE=1, SIM check, registration (stat 1 or 5).</summary>
        SocketOutcome BringUp();

        /// <summary>Configures the APN and activates the context (qi keeps a context already active; legacy starts from a fresh one).</summary>
        SocketOutcome Activate();

        /// <summary>Deactivates the context (the socket is closed with it).</summary>
        SocketOutcome Deactivate();
    }
}
