namespace McuUpdater.Application
{
    /// <summary>Where a bench rig writes one line per flashed module (a CSV file on the card).</summary>
    public interface IResultsLog
    {
        /// <summary>Appends one line (without its line break) and makes it durable.</summary>
        void Append(string line);
    }
}
