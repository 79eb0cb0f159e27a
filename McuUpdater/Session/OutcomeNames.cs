namespace McuUpdater.Session
{
    /// <summary>Names of <see cref="UpdateOutcome"/> values for logs (an enum's ToString prints its number on nanoCLR).</summary>
    public static class OutcomeNames
    {
        /// <summary>The outcome's name, as in the source.</summary>
        public static string Name(UpdateOutcome outcome)
        {
            switch (outcome)
            {
                case UpdateOutcome.Success: return "Success";
                case UpdateOutcome.ImageRejected: return "ImageRejected";
                case UpdateOutcome.SyncFailed: return "SyncFailed";
                case UpdateOutcome.FlashErrorPersisted: return "FlashErrorPersisted";
                case UpdateOutcome.ModuleSilent: return "ModuleSilent";
                case UpdateOutcome.ProtocolError: return "ProtocolError";
                case UpdateOutcome.VersionMismatch: return "VersionMismatch";
                case UpdateOutcome.Cancelled: return "Cancelled";
                case UpdateOutcome.FirmwareSilent: return "FirmwareSilent";
                case UpdateOutcome.LinkError: return "LinkError";
                case UpdateOutcome.JournalFailed: return "JournalFailed";
                case UpdateOutcome.NoisyLine: return "NoisyLine";
                case UpdateOutcome.NoValidAnswer: return "NoValidAnswer";
                case UpdateOutcome.InternalError: return "InternalError";
                default: return "outcome " + ((int)outcome).ToString();
            }
        }

        /// <summary>How a journal's last attempt ended, in words: the outcome's name, "cut off by a reset", or the stored text when it is no outcome value.</summary>
        public static string OfJournal(McuUpdater.Storage.UpdateJournal journal)
        {
            if (journal.LastOutcome == McuUpdater.Storage.UpdateJournal.NoOutcome)
            {
                return "cut off by a reset";
            }

            if (journal.LastOutcome >= McuUpdater.Storage.UpdateJournal.FetchOutcomeBase)
            {
                return "fetch " + McuUpdater.Fetch.FetchOutcomeNames.Name((McuUpdater.Fetch.FetchOutcome)(journal.LastOutcome - McuUpdater.Storage.UpdateJournal.FetchOutcomeBase));
            }

            return journal.LastOutcome == McuUpdater.Storage.UpdateJournal.UnknownOutcome ? "\"" + journal.LastOutcomeText + "\"" : Name((UpdateOutcome)journal.LastOutcome);
        }
    }
}
