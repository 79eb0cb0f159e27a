using McuUpdater.Link;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's UART on a <see cref="VirtualWire"/> without a writer thread: in ESP32 mode every write blocks the caller until its bytes have left.</summary>
    internal sealed class WirePlainHostLink : ISerialLink
    {
        private readonly VirtualWire _wire;

        public WirePlainHostLink(VirtualWire wire)
        {
            _wire = wire;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _wire.HostWrite(buffer, offset, count);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _wire.HostRead(buffer, offset, count, timeoutMs);
        }
    }
}
