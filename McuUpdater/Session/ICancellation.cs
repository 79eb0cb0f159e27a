namespace McuUpdater.Session
{
    /// <summary>Lets the layers of a session ask, between frames and ticks, whether the update was cancelled.</summary>
    public interface ICancellation
    {
        /// <summary>True once cancellation was requested.</summary>
        bool IsCancelled { get; }
    }
}
