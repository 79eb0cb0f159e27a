namespace McuUpdater.Simulator
{
    /// <summary>The module's side of a <see cref="VirtualWire"/>.</summary>
    internal sealed class WireModuleLine : IModuleLine
    {
        private readonly VirtualWire _wire;

        public WireModuleLine(VirtualWire wire)
        {
            _wire = wire;
        }

        public long NowNs
        {
            get { return _wire.NowNs; }
        }

        public long ByteTimeNs
        {
            get { return _wire.ByteTimeNs; }
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            _wire.ModuleSend(buffer, offset, count);
        }

        public void WakeAt(long timeNs)
        {
            _wire.ModuleWakeAt(timeNs);
        }
    }
}
