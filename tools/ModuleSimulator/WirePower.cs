using McuUpdater.Power;

namespace McuUpdater.Simulator
{
    /// <summary>The updater's power control on a <see cref="VirtualWire"/>.</summary>
    /// <remarks>
    /// Off and On switch the module's power input. Release lets go of PWRKEY: a module powered by
    /// its supply keeps its power and is not told; a module whose input is PWRKEY sees the key go up.
    /// </remarks>
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
            if (_wire.PowerInputIsPwrKey)
            {
                _wire.SetPower(false);
            }
        }
    }
}
