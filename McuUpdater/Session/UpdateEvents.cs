namespace McuUpdater.Session
{
    /// <summary>The event stream of one update (phase, progress, resends, restarts, trace), shared by its layers.</summary>
    /// <remarks>Handlers run on the session's thread, between frames: keep them short.</remarks>
    public sealed class UpdateEvents
    {
        private readonly object _sender;

        /// <summary>Creates the stream; <paramref name="sender"/> is passed to every handler.</summary>
        public UpdateEvents(object sender)
        {
            _sender = sender;
        }

        /// <summary>The update moved to another phase.</summary>
        public event PhaseChangedHandler PhaseChanged;

        /// <summary>A block was accepted (or the download went back to an earlier block).</summary>
        public event ProgressHandler Progress;

        /// <summary>A frame is sent again.</summary>
        public event ResendHandler Resend;

        /// <summary>The procedure starts again from a power cycle.</summary>
        public event RestartHandler Restart;

        /// <summary>Diagnostic text.</summary>
        public event TraceHandler Trace;

        /// <summary>The current phase.</summary>
        public UpdatePhase Phase { get; private set; }

        internal void RaisePhase(UpdatePhase phase)
        {
            Phase = phase;
            PhaseChangedHandler h = PhaseChanged;
            if (h != null)
            {
                h(_sender, phase);
            }
        }

        internal void RaiseProgress(long bytesDone, long bytesTotal, int blocksDone, int blocksTotal)
        {
            ProgressHandler h = Progress;
            if (h != null)
            {
                h(_sender, bytesDone, bytesTotal, blocksDone, blocksTotal);
            }
        }

        internal void RaiseResend(ResendReason reason, int sequence, int send)
        {
            ResendHandler h = Resend;
            if (h != null)
            {
                h(_sender, reason, sequence, send);
            }
        }

        internal void RaiseRestart(RestartReason reason, int count, string detail)
        {
            RestartHandler h = Restart;
            if (h != null)
            {
                h(_sender, reason, count, detail);
            }
        }

        internal bool Tracing
        {
            get { return Trace != null; }
        }

        internal void RaiseTrace(string message)
        {
            TraceHandler h = Trace;
            if (h != null)
            {
                h(_sender, message);
            }
        }
    }
}
