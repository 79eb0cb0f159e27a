using McuUpdater.Timing;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's clock on a <see cref="VirtualWire"/>: virtual milliseconds; sleeping runs the module; block work costs <see cref="VirtualWire.CpuNsPerKb"/>.</summary>
    internal sealed class WireClock : IClock, ICpuModel
    {
        private readonly VirtualWire _wire;

        public WireClock(VirtualWire wire)
        {
            _wire = wire;
        }

        public long NowMs
        {
            get { return _wire.NowNs / 1000000; }
        }

        public void ChargeBlockWork(int bytes)
        {
            _wire.ChargeCpu(bytes);
        }

        public void Sleep(int milliseconds)
        {
            if (milliseconds > 0)
            {
                _wire.RunFor(milliseconds);
            }
        }
    }
}
