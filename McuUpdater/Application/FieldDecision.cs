using McuUpdater.Session;
using McuUpdater.Storage;

namespace McuUpdater.Application
{
    /// <summary>Decides, at start-up, whether to install, resume or leave the module alone — from the journal and the image at hand.</summary>
    public sealed class FieldDecision
    {
        private FieldDecision(FieldAction action, string imagePath, string reason)
        {
            Action = action;
            ImagePath = imagePath;
            Reason = reason;
        }

        /// <summary>What to do.</summary>
        public FieldAction Action { get; private set; }

        /// <summary>The image to install or resume with; null when there is nothing to run.</summary>
        public string ImagePath { get; private set; }

        /// <summary>A sentence for the log.</summary>
        public string Reason { get; private set; }

        /// <summary>True when an update session should run.</summary>
        public bool RunsUpdate
        {
            get { return Action == FieldAction.Install || Action == FieldAction.Resume; }
        }

        /// <summary>
        /// Decides. <paramref name="configured"/> is the configured image after verification (null
        /// when none is configured, it is missing, or it failed verification); <paramref name="pendingImageExists"/>
        /// says whether the journal's pending image is still on the storage.
        /// </summary>
        public static FieldDecision Make(UpdaterSettings settings, UpdateJournal journal, IImageSource configured, bool pendingImageExists)
        {
            if (journal.IsPending)
            {
                string last = OutcomeNames.OfJournal(journal);
                // Giving up is about one image: a different one (the vendor's fix) gets its own tries.
                bool sameImage = configured == null || IsJournaled(journal, configured);
                if (settings.MaxAttempts > 0 && journal.Attempts >= settings.MaxAttempts && sameImage)
                {
                    return new FieldDecision(FieldAction.GaveUp, null, "the update with " + journal.ImageName + " failed " + journal.Attempts.ToString() + " times (last: " + last + "); max_attempts is " + settings.MaxAttempts.ToString());
                }

                // Any complete download restores the module: a verified configured image is as good
                // as the one that was pending, and it is what the product wants now.
                if (configured != null)
                {
                    return new FieldDecision(FieldAction.Resume, configured.Name, "an update is pending (" + last + ", attempt " + journal.Attempts.ToString() + "): installing " + configured.Name);
                }

                if (pendingImageExists)
                {
                    return new FieldDecision(FieldAction.Resume, journal.ImageName, "an update is pending (" + last + ", attempt " + journal.Attempts.ToString() + "): installing " + journal.ImageName + " again");
                }

                return new FieldDecision(FieldAction.PendingWithoutImage, null, "an update with " + journal.ImageName + " is pending but no usable image is present: the module may have no working firmware");
            }

            if (configured == null)
            {
                return new FieldDecision(FieldAction.NothingToInstall, null, settings.ImagePath == null ? "no image configured" : "no usable image at " + settings.ImagePath);
            }

            if (IsJournaled(journal, configured) && journal.LastOutcome == (int)UpdateOutcome.Success)
            {
                return new FieldDecision(FieldAction.UpToDate, null, configured.Name + " is installed already");
            }

            return new FieldDecision(FieldAction.Install, configured.Name, "installing " + configured.Name + (configured.Version == null ? string.Empty : " (version " + configured.Version + ")"));
        }

        private static bool IsJournaled(UpdateJournal journal, IImageSource image)
        {
            return journal.Names(image.Name, image.Length, image.Version, image.Crc16);
        }
    }
}
