using McuUpdater.Modem;

namespace McuUpdater.Fetch
{
    /// <summary>The end of a fetch: one <see cref="FetchOutcome"/>, a sentence saying why, and the figures a log shows.</summary>
    public sealed class FetchResult
    {
        /// <summary>How it ended.</summary>
        public FetchOutcome Outcome { get; internal set; }

        /// <summary>A sentence for people: the status line, the socket's reason, what failed verification.</summary>
        public string Detail { get; internal set; }

        /// <summary>The last failure of the module's network (Ok when none).</summary>
        public SocketOutcome Socket { get; internal set; }

        /// <summary>True for <see cref="FetchOutcome.Fetched"/>.</summary>
        public bool Succeeded
        {
            get { return Outcome == FetchOutcome.Fetched; }
        }

        /// <summary>The package's length as the server gave it, or -1.</summary>
        public long PackageLength { get; internal set; }

        /// <summary>Bytes that were already stored when this fetch began (resumed from).</summary>
        public long ResumedFrom { get; internal set; }

        /// <summary>Body bytes received by this fetch.</summary>
        public long BodyBytes { get; internal set; }

        /// <summary>Connections opened.</summary>
        public int Connections { get; internal set; }

        /// <summary>Times the stored part was thrown away and the download began again at 0 (server ignored Range, other offset, changed file, a resumed part failing verification).</summary>
        public int RestartsFromZero { get; internal set; }

        /// <summary>The version the package declares (after verification), or null.</summary>
        public string Version { get; internal set; }

        /// <summary>Clock milliseconds spent streaming bodies (from each answer's head to its last body byte): the transfer rate's time base.</summary>
        public long BodyMs { get; internal set; }

        /// <summary>Clock milliseconds from start to end.</summary>
        public long ElapsedMs { get; internal set; }
    }
}
