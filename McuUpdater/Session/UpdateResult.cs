namespace McuUpdater.Session
{
    /// <summary>The end of an update: one <see cref="UpdateOutcome"/>, a sentence saying why, and the figures a log or UI shows.</summary>
    public sealed class UpdateResult
    {
        /// <summary>How it ended.</summary>
        public UpdateOutcome Outcome { get; internal set; }

        /// <summary>A sentence for people: what failed, where, what was expected and found.</summary>
        public string Detail { get; internal set; }

        /// <summary>True for <see cref="UpdateOutcome.Success"/>.</summary>
        public bool Succeeded
        {
            get { return Outcome == UpdateOutcome.Success; }
        }

        /// <summary>Restarts from sync that were needed (power cycles after a failed pass).</summary>
        public int Restarts { get; internal set; }

        /// <summary>Power cycles in all boot syncs (missed boot windows included).</summary>
        public int PowerCycles { get; internal set; }

        /// <summary>Frames sent again (timeouts, status 1/4, replies not accepted).</summary>
        public int Resends { get; internal set; }

        /// <summary>DATA frames written, resends included.</summary>
        public long DataFramesSent { get; internal set; }

        /// <summary>Replies that could not answer the frame on the wire (late, repeated, answering noise), dropped instead of causing resends.</summary>
        public int StaleReplies { get; internal set; }

        /// <summary>Image bytes to send.</summary>
        public long ImageLength { get; internal set; }

        /// <summary>MTU of the last BEGIN_RSP (0 if none).</summary>
        public int Mtu { get; internal set; }

        /// <summary>Block payload used (0 if the download never began).</summary>
        public int BlockSize { get; internal set; }

        /// <summary>True when the last sync got 0x9A (two-stage ROM), false for single-stage.</summary>
        public bool SyncGot9A { get; internal set; }

        /// <summary>Status of RUN_GSMSW_RSP (informational), -1 if none came.</summary>
        public int RunStatus { get; internal set; }

        /// <summary>The version the image declares, or null.</summary>
        public string ImageVersion { get; internal set; }

        /// <summary>The version the new firmware reported over AT, or null.</summary>
        public string FirmwareVersion { get; internal set; }

        /// <summary>Clock milliseconds from start to end.</summary>
        public long ElapsedMs { get; internal set; }

        /// <summary>Clock milliseconds of the last pass from BEGIN to END_RSP.</summary>
        public long DownloadMs { get; internal set; }
    }
}
