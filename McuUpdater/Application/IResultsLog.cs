namespace McuUpdater.Application
{
    /// <summary>Where a bench rig writes one line per flashed module (a CSV file on the card).</summary>
    public interface IResultsLog
    {
        /// <summary>
        /// Checks that the log can be written (creating it with its header when new) and returns the
        /// last round it already holds (0 for none), so rounds continue across runs. Throws, naming
        /// the log, when it cannot be written: a bench must not flash modules whose results are lost.
        /// </summary>
        int Open();

        /// <summary>Appends one line (without its line break) and makes it durable; throws when it cannot.</summary>
        void Append(string line);
    }
}
