namespace McuUpdater.Relay
{
    /// <summary>A consistent copy of a relay's counters (<see cref="RelayEngine.CopyCounters"/> fills it without allocating).</summary>
    public sealed class RelayCounters
    {
        /// <summary>Bytes forwarded from the host to the module.</summary>
        public long BytesHostToModule;

        /// <summary>Bytes forwarded from the module to the host.</summary>
        public long BytesModuleToHost;

        /// <summary>Well-formed frames seen from the host.</summary>
        public long FramesHostToModule;

        /// <summary>Well-formed frames seen from the module.</summary>
        public long FramesModuleToHost;

        /// <summary>Longest pause inside a host→module frame, in ms (what the module's inter-byte timeout sees).</summary>
        public long LongestGapHostToModuleMs;

        /// <summary>Longest pause inside a module→host frame, in ms.</summary>
        public long LongestGapModuleToHostMs;

        /// <summary>Power cycles started by the host's sync bytes.</summary>
        public long PowerCycles;

        /// <summary>Sessions begun (a session can hold several power cycles when the updater restarts from sync).</summary>
        public long Sessions;

        /// <summary>Reads that returned bytes, per direction summed (a chunk count; bytes / reads = mean chunk).</summary>
        public long Reads;

        /// <summary>Copies every counter from <paramref name="other"/>.</summary>
        public void CopyFrom(RelayCounters other)
        {
            BytesHostToModule = other.BytesHostToModule;
            BytesModuleToHost = other.BytesModuleToHost;
            FramesHostToModule = other.FramesHostToModule;
            FramesModuleToHost = other.FramesModuleToHost;
            LongestGapHostToModuleMs = other.LongestGapHostToModuleMs;
            LongestGapModuleToHostMs = other.LongestGapModuleToHostMs;
            PowerCycles = other.PowerCycles;
            Sessions = other.Sessions;
            Reads = other.Reads;
        }
    }
}
