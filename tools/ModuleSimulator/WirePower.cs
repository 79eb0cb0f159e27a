using McuUpdater.Power;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's power control on a <see cref="VirtualWire"/>.</summary>
    /// <remarks>Release only lets go of PWRKEY, so the module keeps its power and is not told.</remarks>
    internal sealed class WirePower : IModulePower
    {
        private readonly VirtualWire _wire;

        public WirePower(VirtualWire wire)
        {
            _wire = wire;
        }

        /// <summary>Times <see cref="Release"/> was called (tests check the session ends cleanly).</summary>
        public int Releases { get; private set; }

        public void Off()
        {
            _wire.SetPower(false);
        }

        public void On()
        {
            _wire.SetPower(true);
        }

        public void Release()
        {
            Releases++;
        }
    }
}
