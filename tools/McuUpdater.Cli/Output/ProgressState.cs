using System.Threading;
using McuUpdater.Session;

namespace McuUpdater.Cli.Output
{
    /// <summary>
    /// What the progress display shows, written by the engine's event handlers (any thread) and
    /// read by the renderer. The library reports; only the tool draws (see ProgressView).
    /// </summary>
    public sealed class ProgressState
    {
        private long _done;
        private long _total;
        private int _retries;
        private int _restarts;
        private string _phase = "starting";

        /// <summary>Image bytes acknowledged by the module.</summary>
        public long Done => Interlocked.Read(ref _done);

        /// <summary>Image size in bytes (0 until known).</summary>
        public long Total => Interlocked.Read(ref _total);

        /// <summary>Frames sent again (timeouts, status 1/4, not accepted).</summary>
        public int Retries => Volatile.Read(ref _retries);

        /// <summary>Restarts from sync (power cycles after flash errors or 3 failed sends).</summary>
        public int Restarts => Volatile.Read(ref _restarts);

        /// <summary>Current phase in words ("syncing", "downloading", "starting firmware" ...).</summary>
        public string Phase => Volatile.Read(ref _phase);

        /// <summary>
        /// A state that follows <paramref name="session"/>'s events (phase, bytes, resends, restarts);
        /// without <paramref name="powerControl"/> the tool cannot cycle the module, it waits for it.
        /// </summary>
        public static ProgressState Follow(UpdateSession session, bool powerControl = true)
        {
            ProgressState state = new ProgressState();
            session.Events.PhaseChanged += (s, phase) => state.SetPhase(UpdateRunner.PhaseText(phase, powerControl));
            session.Events.Progress += (s, done, total, blocks, blockTotal) =>
            {
                state.SetTotal(total);
                state.SetDone(done);
            };
            session.Events.Resend += (s, reason, seq, send) => state.AddRetry();
            session.Events.Restart += (s, reason, count, detail) =>
            {
                if (reason != RestartReason.SyncMissed)
                {
                    state.AddRestart();
                }
            };
            return state;
        }

        /// <summary>Ends the display with how the update ended: "done", "cancelled", or "failed: outcome".</summary>
        public void Finish(UpdateResult result)
        {
            if (result == null)
            {
                return;
            }

            SetPhase(result.Outcome == UpdateOutcome.Success ? "done" : result.Outcome == UpdateOutcome.Cancelled ? "cancelled" : "failed: " + OutcomeNames.Name(result.Outcome));
        }

        /// <summary>Sets the phase.</summary>
        public void SetPhase(string phase) => Volatile.Write(ref _phase, phase);

        /// <summary>Sets the image size.</summary>
        public void SetTotal(long total) => Interlocked.Exchange(ref _total, total);

        /// <summary>Sets the acknowledged byte count.</summary>
        public void SetDone(long done) => Interlocked.Exchange(ref _done, done);

        /// <summary>Counts a resend.</summary>
        public void AddRetry() => Interlocked.Increment(ref _retries);

        /// <summary>Counts a restart from sync.</summary>
        public void AddRestart() => Interlocked.Increment(ref _restarts);

        /// <summary>Sets the retry counter (when the engine reports a running total).</summary>
        public void SetRetries(int retries) => Volatile.Write(ref _retries, retries);

        /// <summary>Sets the restart counter.</summary>
        public void SetRestarts(int restarts) => Volatile.Write(ref _restarts, restarts);
    }
}
