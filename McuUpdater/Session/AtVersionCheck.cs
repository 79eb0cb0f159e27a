using System.Text;
using McuUpdater.Link;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>After RUN: <c>AT</c> until <c>OK</c> within the boot timeout, optional <c>ATE0</c>, then <c>AT+GMR</c>, compared with the expected version.</summary>
    /// <remarks>
    /// Tolerates echo (lines starting with "AT"), blank lines, unsolicited lines while booting
    /// (RDY, +CFUN…) and Quectel's "Revision: " prefix on the version line. On a noisy line:
    /// every command starts with a CR, which ends whatever the idle line left in the module's
    /// command buffer (the module answers that garbage with ERROR, then answers the command);
    /// AT+GMR is read again when its answer is missing or differs, and a mismatch needs the same
    /// other version twice — one noise byte in an answer cannot fail a correctly flashed module.
    /// </remarks>
    public sealed class AtVersionCheck
    {
        private const string RevisionPrefix = "Revision:";

        // Enough for two agreeing reads past two spoilt ones.
        private const int GmrReads = 4;

        // After an ERROR the answer to our own command may still follow (the ERROR was for noise
        // ahead of it); the module answers the two lines back to back.
        private const int ErrorGraceMs = 100;

        private static readonly byte[] At = Encoding.UTF8.GetBytes("\rAT\r");
        private static readonly byte[] Ate0 = Encoding.UTF8.GetBytes("\rATE0\r");
        private static readonly byte[] AtGmr = Encoding.UTF8.GetBytes("\rAT+GMR\r");

        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly ICancellation _cancel;
        private readonly AtLineReader _lines;
        private readonly string[] _reads = new string[GmrReads];

        /// <summary>Creates a check over the module's UART.</summary>
        public AtVersionCheck(ISerialLink link, IClock clock, UpdateOptions options, ICancellation cancel)
        {
            _link = link;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _cancel = cancel;
            _lines = new AtLineReader(link, clock);
        }

        /// <summary>The version AT+GMR reported (without "Revision: "): the confirmed one, else the last one read, else null.</summary>
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
                _link.Write(Ate0, 0, Ate0.Length);
                WaitFinal(_clock.NowMs + _options.AtResponseTimeoutMs);
            }

            string expected = expectedVersion == null ? null : expectedVersion.Trim();
            for (int i = 0; i < GmrReads; i++)
            {
                if (_cancel != null && _cancel.IsCancelled)
                {
                    return VersionCheckResult.Cancelled;
                }

                _link.Write(AtGmr, 0, AtGmr.Length);
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

                if (ReadBefore(version, i))
                {
                    // The same answer twice: what the module reports, not what noise made of it.
                    return expected == null ? VersionCheckResult.ReadOnly : VersionCheckResult.Mismatch;
                }
            }

            return FoundVersion == null ? VersionCheckResult.NoAnswer : VersionCheckResult.Unconfirmed;
        }

        private bool ReadBefore(string version, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (_reads[i] == version)
                {
                    return true;
                }
            }

            return false;
        }

        // Lines until OK or ERROR; returns that line or null on timeout. An ERROR may answer noise
        // ahead of our command: an OK following it within the grace is our command's answer.
        private string WaitFinal(long deadlineMs)
        {
            string final = null;
            while (true)
            {
                string line = _lines.ReadLine(deadlineMs);
                if (line == null || line == "OK")
                {
                    return line == null ? final : line;
                }

                if (line == "ERROR")
                {
                    final = line;
                    deadlineMs = Grace(deadlineMs);
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
                if (line == null)
                {
                    return null;
                }

                if (line == "OK")
                {
                    return version;
                }

                if (line == "ERROR")
                {
                    // Lines before it belonged to the garbage line (its echo).
                    version = null;
                    deadlineMs = Grace(deadlineMs);
                    continue;
                }

                if (line == "AT" || line == "ATE0" || line.StartsWith("AT+GMR"))
                {
                    // Echo of our own commands (ATE0 may not have been sent or taken).
                    continue;
                }

                version = line.StartsWith(RevisionPrefix) ? line.Substring(RevisionPrefix.Length).Trim() : line;
            }
        }

        private long Grace(long deadlineMs)
        {
            long grace = _clock.NowMs + ErrorGraceMs;
            return grace < deadlineMs ? grace : deadlineMs;
        }
    }
}
