using System.Text;
using McuUpdater.Link;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>After RUN: <c>AT</c> until <c>OK</c> within the boot timeout, optional <c>ATE0</c>, then <c>AT+GMR</c>, compared with the expected version.</summary>
    /// <remarks>
    /// Tolerates echo (lines starting with "AT"), blank lines, unsolicited lines while booting
    /// (RDY, +CFUN…) and Quectel's "Revision: " prefix on the version line.
    /// </remarks>
    public sealed class AtVersionCheck
    {
        private const string RevisionPrefix = "Revision:";
        private const int GmrAttempts = 3;

        private static readonly byte[] At = Encoding.UTF8.GetBytes("AT\r");
        private static readonly byte[] Ate0 = Encoding.UTF8.GetBytes("ATE0\r");
        private static readonly byte[] AtGmr = Encoding.UTF8.GetBytes("AT+GMR\r");

        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly ICancellation _cancel;
        private readonly AtLineReader _lines;

        /// <summary>Creates a check over the module's UART.</summary>
        public AtVersionCheck(ISerialLink link, IClock clock, UpdateOptions options, ICancellation cancel)
        {
            _link = link;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _cancel = cancel;
            _lines = new AtLineReader(link, clock);
        }

        /// <summary>The version AT+GMR reported (without "Revision: "), or null.</summary>
        public string FoundVersion { get; private set; }

        /// <summary>Milliseconds from the start of the check to the first OK (the firmware's boot time as seen here).</summary>
        public long BootMs { get; private set; }

        /// <summary>Runs the check; <paramref name="expectedVersion"/> null only reads the version.</summary>
        public VersionCheckResult Run(string expectedVersion)
        {
            FoundVersion = null;
            _lines.Clear();
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

                _link.Write(At, 0, At.Length);
                long until = _clock.NowMs + _options.AtIntervalMs;
                if (until > bootDeadline)
                {
                    until = bootDeadline;
                }

                if (WaitFinal(until) == "OK")
                {
                    break;
                }
            }

            BootMs = _clock.NowMs - start;
            if (_options.SendAte0)
            {
                _link.Write(Ate0, 0, Ate0.Length);
                WaitFinal(_clock.NowMs + _options.AtResponseTimeoutMs);
            }

            for (int i = 0; i < GmrAttempts && FoundVersion == null; i++)
            {
                _link.Write(AtGmr, 0, AtGmr.Length);
                FoundVersion = ReadGmr(_clock.NowMs + _options.AtResponseTimeoutMs);
            }

            if (FoundVersion == null)
            {
                return VersionCheckResult.NoAnswer;
            }

            if (expectedVersion == null)
            {
                return VersionCheckResult.ReadOnly;
            }

            return FoundVersion == expectedVersion.Trim() ? VersionCheckResult.Match : VersionCheckResult.Mismatch;
        }

        // Lines until OK or ERROR; returns that line or null on timeout.
        private string WaitFinal(long deadlineMs)
        {
            while (true)
            {
                string line = _lines.ReadLine(deadlineMs);
                if (line == null || line == "OK" || line == "ERROR")
                {
                    return line;
                }
            }
        }

        // The AT+GMR reply: the last informative line before OK; null on ERROR or timeout.
        private string ReadGmr(long deadlineMs)
        {
            string version = null;
            while (true)
            {
                string line = _lines.ReadLine(deadlineMs);
                if (line == null || line == "ERROR")
                {
                    return null;
                }

                if (line == "OK")
                {
                    if (version == null)
                    {
                        // An OK with no version before it answers an earlier AT that was sent
                        // again while its answer was on the way (a slow or busy host): AT+GMR's
                        // own answer is still to come.
                        continue;
                    }

                    return version;
                }

                if (line == "AT" || line == "ATE0" || line.StartsWith("AT+GMR"))
                {
                    // Echo of our own commands (ATE0 may not have been sent or taken).
                    continue;
                }

                version = line.StartsWith(RevisionPrefix) ? line.Substring(RevisionPrefix.Length).Trim() : line;
            }
        }
    }
}
