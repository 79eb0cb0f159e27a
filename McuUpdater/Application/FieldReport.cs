using McuUpdater.Session;

namespace McuUpdater.Application
{
    /// <summary>What a start-up in update mode did: the decision, why the configured image was not usable (if so), and the update's result.</summary>
    public sealed class FieldReport
    {
        /// <summary>The decision taken.</summary>
        public FieldDecision Decision { get; internal set; }

        /// <summary>Why the configured image could not be used (missing, unreadable, failed verification), or null.</summary>
        public string ImageProblem { get; internal set; }

        /// <summary>Unreadable journal records (a torn write, a damaged card), or null.</summary>
        public string JournalProblem { get; internal set; }

        /// <summary>The update's result, or null when none ran.</summary>
        public UpdateResult Result { get; internal set; }

        /// <summary>True when the module is known to run the configured firmware (installed now or before).</summary>
        public bool ModuleUpToDate
        {
            get
            {
                return Decision.Action == FieldAction.UpToDate
                    || (Result != null && Result.Outcome == UpdateOutcome.Success);
            }
        }
    }
}
