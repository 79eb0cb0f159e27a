using McuUpdater.Link;
using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Modem
{
    /// <summary>Makes the <see cref="IModuleNetwork"/> of a dialect over the module's UART.</summary>
    public static class ModuleNetworks
    {
        /// <summary>A network (and its socket) speaking <see cref="ModemSettings.Dialect"/> on <paramref name="link"/>; <paramref name="cancel"/> may be null.</summary>
        public static IModuleNetwork Create(ISerialLink link, IClock clock, ModemSettings settings, ICancellation cancel)
        {
            if (settings == null)
            {
                settings = new ModemSettings();
            }

            AtChannel channel = new AtChannel(link, clock, settings.LineCapacity);
            return Create(channel, clock, settings, cancel);
        }

        /// <summary>As above, on an existing channel (to share it with other AT users, or to watch its counters).</summary>
        public static IModuleNetwork Create(AtChannel channel, IClock clock, ModemSettings settings, ICancellation cancel)
        {
            if (settings.Dialect == AtDialect.Legacy)
            {
                return new LegacyNetwork(channel, clock, settings, cancel);
            }

            return new QiNetwork(channel, clock, settings, cancel);
        }
    }
}
