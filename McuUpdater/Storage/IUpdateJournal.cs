namespace McuUpdater.Storage
{
    /// <summary>What an update session needs of the persistent "update pending" record: mark it before the module is touched, end it after.</summary>
    public interface IUpdateJournal
    {
        /// <summary>Where the journal lives (a folder, "memory"), for messages.</summary>
        string Location { get; }

        /// <summary>Records an update of this image as started; throws when that cannot be made durable (the session then leaves the module alone).</summary>
        void MarkPending(string imageName, long imageLength, string imageVersion, int imageCrc);

        /// <summary>Records how an attempt ended (the session's outcome value) and keeps the update pending.</summary>
        void RecordFailure(int outcome);

        /// <summary>Records the outcome and clears the pending flag: the new firmware is running.</summary>
        void MarkDone(int outcome);
    }
}
