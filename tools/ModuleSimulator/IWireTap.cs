namespace McuUpdater.Simulator
{
    /// <summary>Observer of everything that goes on a wire: bytes as put on the line (after faults) and power changes.</summary>
    /// <remarks>Used for traces and determinism tests; the buffers are only valid during the call.</remarks>
    public interface IWireTap
    {
        /// <summary>Bytes the host put on the line; the first starts at <paramref name="timeNs"/>.</summary>
        void OnHostToModule(byte[] buffer, int offset, int count, long timeNs);

        /// <summary>Bytes the module put on the line; the first starts at <paramref name="timeNs"/>.</summary>
        void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs);

        /// <summary>The host switched the module's power.</summary>
        void OnPower(bool on, long timeNs);
    }
}
