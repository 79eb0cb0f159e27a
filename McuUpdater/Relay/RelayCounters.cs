namespace McuUpdater.Relay
{
    /// <summary>A consistent copy of a relay's counters (<see cref="RelayEngine.CopyCounters"/> fills it without allocating).</summary>
    public sealed class RelayCounters
    {
        /// <summary>Bytes forwarded from the host to the module.</summary>
        public long BytesHostToModule;

        /// <summary>Bytes forwarded from the module to the host.</summary>
        public long BytesModuleToHost;

        /// <summary>Frames seen from the host: short ones (BEGIN, END, RUN) with a good CRC, DATA frames by a head and a length in bounds (not CRC-checked unless a tap decodes them).</summary>
        public long FramesHostToModule;

        /// <summary>Frames seen from the module with a good CRC (responses; anything over 16 data bytes is not a response).</summary>
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

        /// <summary>Bytes fed to a tap's frame decoders (0 while no tap asks for frames: the relay itself never decodes).</summary>
        public long DecodedBytes;

        /// <summary>
        /// Bytes the relay's own code examined one at a time (sync compares, frame headers, CRCs of
        /// short frames and of decoded ones): a device-independent measure of its CPU cost per byte
        /// relayed, since copies and head scans run natively and an interpreter pays per step.
        /// </summary>
        public long ByteSteps;

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
            DecodedBytes = other.DecodedBytes;
            ByteSteps = other.ByteSteps;
        }
    }
}
