using McuUpdater.Link;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's UART on a <see cref="VirtualWire"/>: writes never block, reads advance virtual time.</summary>
    internal sealed class WireHostLink : ISerialLink
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

        // A negative timeout is treated as 0: waiting forever on a virtual wire where nothing may
        // ever happen would hang the test instead of failing it.
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _wire.HostRead(buffer, offset, count, timeoutMs);
        }
    }
}
