using McuUpdater.Link;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's UART on a <see cref="VirtualWire"/>: writes behave as the wire's mode says, reads advance virtual time.</summary>
    /// <remarks>As an <see cref="IBackgroundWriter"/> it stands for a writer thread over that UART: the line keeps sending while the caller works in virtual time.</remarks>
    internal sealed class WireHostLink : ISerialLink, IBackgroundWriter
    {
        private readonly VirtualWire _wire;

        public WireHostLink(VirtualWire wire)
        {
            _wire = wire;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _wire.HostWrite(buffer, offset, count);
        }

        public void BeginWrite(byte[] buffer, int offset, int count)
        {
            _wire.HostBeginWrite(buffer, offset, count);
        }

        public bool WaitWritten(int timeoutMs)
        {
            return _wire.HostWaitWritten(timeoutMs);
        }

        // A negative timeout is treated as 0: waiting forever on a virtual wire where nothing may
        // ever happen would hang the test instead of failing it.
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _wire.HostRead(buffer, offset, count, timeoutMs);
        }
    }
}
