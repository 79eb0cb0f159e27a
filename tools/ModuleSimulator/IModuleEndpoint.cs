namespace McuUpdater.Simulator
{
    /// <summary>What a simulated module implements; driven by a line (virtual or real time).</summary>
    /// <remarks>
    /// Every call comes from the line's single driving thread, so an endpoint needs no locking.
    /// An endpoint reads time only from <see cref="IModuleLine.NowNs"/> and acts only through the line.
    /// </remarks>
    public interface IModuleEndpoint
    {
        /// <summary>Called once by the wire or runner before anything else.</summary>
        void Attach(IModuleLine line);

        /// <summary>The module's supply (or PWRKEY) changed, at <see cref="IModuleLine.NowNs"/>.</summary>
        void PowerChanged(bool on);

        /// <summary>Bytes that just arrived at the module; the last of them arrived at <see cref="IModuleLine.NowNs"/>.</summary>
        void Received(byte[] buffer, int offset, int count);

        /// <summary>The wake-up requested with <see cref="IModuleLine.WakeAt"/> has come due.</summary>
        void Timer();
    }
}
