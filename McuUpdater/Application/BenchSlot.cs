using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>One station of a bench rig: a module's UART and power control, and the name the results log uses.</summary>
    public sealed class BenchSlot
    {
        /// <summary>Creates a slot; the session (and its buffers) is built once and reused every round.</summary>
        public BenchSlot(string name, ISerialLink link, IModulePower power, IClock clock, UpdateOptions options)
        {
            Name = name;
            Session = new UpdateSession(link, power, clock, options);
            Clock = clock;
        }

        /// <summary>The slot's name in the log ("slot 1", "A3", ...).</summary>
        public string Name { get; private set; }

        /// <summary>The slot's session: its events drive the slot's LED.</summary>
        public UpdateSession Session { get; private set; }

        /// <summary>The slot's clock (duration of a round).</summary>
        public IClock Clock { get; private set; }

        /// <summary>How the slot's last round ended; null before the first.</summary>
        public UpdateResult LastResult { get; internal set; }
    }
}
