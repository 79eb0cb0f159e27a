using McuUpdater.Link;
using McuUpdater.Modem;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>After RUN: <c>AT</c> until <c>OK</c> within the boot timeout, optional <c>ATE0</c>, then <c>AT+GMR</c>, compared with the expected version.</summary>
    /// <remarks>
    /// Tolerates echo (lines starting with "AT"), blank lines, unsolicited lines while booting
    /// (RDY, +CFUN…) and Quectel's "Revision: " prefix on the version line. On a noisy line:
    /// every command starts with a CR, which ends whatever the idle line left in the module's
    /// command buffer (the module answers that garbage with ERROR, then answers the command);
    /// AT+GMR is read again when its answer is missing or differs (up to 4 reads), and a mismatch
    /// needs the same other version read most often and at least twice — one noise byte in an
    /// answer, or two answers spoilt alike, cannot fail a correctly flashed module.
    /// Spoken over an <see cref="AtChannel"/>, so boot chatter (+CFUN:, Call Ready…) is kept out of
    /// the answer as URCs, and a RDY in the middle of it is a restart, never a version.
    /// </remarks>
    public sealed class AtVersionCheck
    {
        private const string RevisionPrefix = "Revision:";

        // Enough for two agreeing reads past two spoilt ones.
        private const int GmrReads = 4;

        // After an ERROR the answer to our own command may still follow (the ERROR was for noise
        // ahead of it); the module answers the two lines back to back.
        private const int ErrorGraceMs = 100;

        // A version line is short; a longer line is noise.
        private const int LineCapacity = 128;

        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly ICancellation _cancel;
        private readonly AtChannel _channel;
        private readonly string[] _reads = new string[GmrReads];
        private int _firstLine;

        /// <summary>Creates a check over the module's UART.</summary>
        public AtVersionCheck(ISerialLink link, IClock clock, UpdateOptions options, ICancellation cancel)
        {
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _cancel = cancel;
            _channel = new AtChannel(link, clock, LineCapacity);
            _channel.LeadingCr = true;
        }

        /// <summary>The version AT+GMR reported (without "Revision: "): the confirmed one, else the last one read, else null.</summary>
        public string FoundVersion { get; private set; }

        /// <summary>Milliseconds from the start of the check to the first OK (the firmware's boot time as seen here).</summary>
        public long BootMs { get; private set; }

        /// <summary>Runs the check; <paramref name="expectedVersion"/> null only reads the version.</summary>
        public VersionCheckResult Run(string expectedVersion)
        {
            FoundVersion = null;
            _channel.Clear();
            long start = _clock.NowMs;
            long bootDeadline = start + _options.BootTimeoutMs;
            while (true)
            {
                if (_cancel != null && _cancel.IsCancelled)
                {
                    return VersionCheckResult.Cancelled;
                }

                if (_clock.NowMs >= bootDeadline)
                {
                    return VersionCheckResult.NoAnswer;
                }

                long until = _clock.NowMs + _options.AtIntervalMs;
                if (until > bootDeadline)
                {
                    until = bootDeadline;
                }

                if (Command("AT", until) == AtResult.Ok)
                {
                    break;
                }

                // An ERROR comes back at once: keep the AT period rather than hammer a booting module.
                long left = until - _clock.NowMs;
                if (left > 0)
                {
                    _clock.Sleep((int)left);
                }
            }

            BootMs = _clock.NowMs - start;
            if (_options.SendAte0)
            {
                Command("ATE0", _clock.NowMs + _options.AtResponseTimeoutMs);
            }

            string expected = expectedVersion == null ? null : expectedVersion.Trim();
            for (int i = 0; i < GmrReads; i++)
            {
                if (_cancel != null && _cancel.IsCancelled)
                {
                    return VersionCheckResult.Cancelled;
                }

                string version = ReadGmr(_clock.NowMs + _options.AtResponseTimeoutMs);
                _reads[i] = version;
                if (version == null)
                {
                    continue;
                }

                FoundVersion = version;
                if (version == expected)
                {
                    return VersionCheckResult.Match;
                }
            }

            // Every read is in: the answer given most often, at least twice, is what the module
            // reports — two answers spoilt alike cannot outvote the clean ones.
            string agreed = MostRead();
            if (agreed != null)
            {
                FoundVersion = agreed;
                return expected == null ? VersionCheckResult.ReadOnly : VersionCheckResult.Mismatch;
            }

            return FoundVersion == null ? VersionCheckResult.NoAnswer : VersionCheckResult.Unconfirmed;
        }

        // The answer read most often if read at least twice (the first of a tie), else null.
        private string MostRead()
        {
            string best = null;
            int bestCount = 1;
            for (int i = 0; i < GmrReads; i++)
            {
                if (_reads[i] == null)
                {
                    continue;
                }

                int count = 0;
                for (int j = 0; j < GmrReads; j++)
                {
                    if (_reads[j] == _reads[i])
                    {
                        count++;
                    }
                }

                if (count > bestCount)
                {
                    best = _reads[i];
                    bestCount = count;
                }
            }

            return best;
        }

        // The command's final by the deadline. An ERROR may answer noise ahead of our command: a
        // final following it within the grace is our command's answer, and the reply lines before
        // it belonged to the garbage line (its echo); _firstLine is where ours start.
        private AtResult Command(string command, long deadlineMs)
        {
            _firstLine = 0;
            long left = deadlineMs - _clock.NowMs;
            AtResult r = _channel.Command(command, left > 0 ? (int)left : 0);
            while (r == AtResult.Error)
            {
                _firstLine = _channel.Lines.Count;
                deadlineMs = Grace(deadlineMs);
                left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    return AtResult.Error;
                }

                AtResult next = _channel.WaitFinal((int)left, null);
                if (next == AtResult.Timeout)
                {
                    return AtResult.Error;
                }

                r = next;
            }

            return r;
        }

        // The AT+GMR reply: the last informative line before OK; null on ERROR, a restart or timeout.
        private string ReadGmr(long deadlineMs)
        {
            AtResult r = Command("AT+GMR", deadlineMs);
            while (r == AtResult.Ok && _channel.Lines.Count <= _firstLine)
            {
                // An OK with nothing before it answers an earlier AT sent again while its answer
                // was on the way (a slow or busy host): AT+GMR's own answer is still to come.
                _firstLine = _channel.Lines.Count;
                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    return null;
                }

                r = _channel.WaitFinal((int)left, null);
            }

            if (r != AtResult.Ok || _channel.Lines.Count <= _firstLine)
            {
                return null;
            }

            string line = (string)_channel.Lines[_channel.Lines.Count - 1];
            return line.StartsWith(RevisionPrefix) ? line.Substring(RevisionPrefix.Length).Trim() : line;
        }

        private long Grace(long deadlineMs)
        {
            long grace = _clock.NowMs + ErrorGraceMs;
            return grace < deadlineMs ? grace : deadlineMs;
        }
    }
}
