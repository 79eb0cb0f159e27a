using McuUpdater.Session;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Records what a session's event stream says: phases (as text), last progress, resends and restarts.</summary>
    public sealed class PhaseRecorder
    {
        /// <summary>Subscribes to every event of <paramref name="events"/>.</summary>
        public PhaseRecorder(UpdateEvents events)
        {
            Phases = string.Empty;
            RestartReasons = string.Empty;
            events.PhaseChanged += OnPhase;
            events.Progress += OnProgress;
            events.Resend += OnResend;
            events.Restart += OnRestart;
        }

        /// <summary>Phase names separated by spaces, consecutive repeats collapsed.</summary>
        public string Phases { get; private set; }

        /// <summary>Restart reasons separated by spaces.</summary>
        public string RestartReasons { get; private set; }

        /// <summary>Last progress: bytes done.</summary>
        public long LastBytes { get; private set; }

        /// <summary>Last progress: total bytes.</summary>
        public long Total { get; private set; }

        /// <summary>Last progress: blocks done.</summary>
        public int LastBlocks { get; private set; }

        /// <summary>Last progress: total blocks.</summary>
        public int TotalBlocks { get; private set; }

        /// <summary>Resend events.</summary>
        public int Resends { get; private set; }

        /// <summary>Resends for <see cref="ResendReason.Timeout"/>.</summary>
        public int TimeoutResends { get; private set; }

        /// <summary>Every resend as "block:reason" (reason as its number, which is what nanoCLR prints), space-separated.</summary>
        public string ResendLog { get; private set; } = "";

        /// <summary>Restart events.</summary>
        public int Restarts { get; private set; }

        /// <summary>Called on each progress event after it is recorded (tests cancel from here).</summary>
        public ProgressHandler OnEachProgress { get; set; }

        private string _lastPhase;

        private void OnPhase(object sender, UpdatePhase phase)
        {
            string name = Name(phase);
            if (name == _lastPhase)
            {
                return;
            }

            _lastPhase = name;
            Phases = Phases.Length == 0 ? name : Phases + " " + name;
        }

        private void OnProgress(object sender, long bytesDone, long bytesTotal, int blocksDone, int blocksTotal)
        {
            LastBytes = bytesDone;
            Total = bytesTotal;
            LastBlocks = blocksDone;
            TotalBlocks = blocksTotal;
            if (OnEachProgress != null)
            {
                OnEachProgress(sender, bytesDone, bytesTotal, blocksDone, blocksTotal);
            }
        }

        private void OnResend(object sender, ResendReason reason, int sequence, int send)
        {
            Resends++;
            ResendLog = ResendLog + (ResendLog.Length == 0 ? "" : " ") + sequence.ToString() + ":" + ((int)reason).ToString();
            if (reason == ResendReason.Timeout)
            {
                TimeoutResends++;
            }
        }

        private void OnRestart(object sender, RestartReason reason, int count, string detail)
        {
            Restarts++;
            RestartReasons = RestartReasons.Length == 0 ? Name(reason) : RestartReasons + " " + Name(reason);
        }

        // Enum.ToString gives the number on nanoFramework: name them by hand.
        private static string Name(UpdatePhase phase)
        {
            switch (phase)
            {
                case UpdatePhase.Idle: return "Idle";
                case UpdatePhase.Verifying: return "Verifying";
                case UpdatePhase.PowerCycling: return "PowerCycling";
                case UpdatePhase.Syncing: return "Syncing";
                case UpdatePhase.Beginning: return "Beginning";
                case UpdatePhase.Downloading: return "Downloading";
                case UpdatePhase.Ending: return "Ending";
                case UpdatePhase.Running: return "Running";
                case UpdatePhase.CheckingVersion: return "CheckingVersion";
                default: return "Done";
            }
        }

        private static string Name(RestartReason reason)
        {
            switch (reason)
            {
                case RestartReason.SyncMissed: return "SyncMissed";
                case RestartReason.FlashError: return "FlashError";
                case RestartReason.NoAcceptedResponse: return "NoAcceptedResponse";
                case RestartReason.BeginRefused: return "BeginRefused";
                case RestartReason.LineNoise: return "LineNoise";
                case RestartReason.NoValidAnswer: return "NoValidAnswer";
                default: return "ProtocolError";
            }
        }
    }
}
