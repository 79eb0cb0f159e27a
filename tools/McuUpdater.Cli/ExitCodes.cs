using System;
using System.Collections.Generic;
using System.Text;

namespace McuUpdater.Cli
{
    /// <summary>The exit-code table: one line of text per code, for `--help`, the README and error output.</summary>
    public static class ExitCodes
    {
        /// <summary>Every code with its meaning, in numeric order.</summary>
        public static IReadOnlyList<KeyValuePair<ExitCode, string>> All { get; } = new[]
        {
            Row(ExitCode.Ok, "success"),
            Row(ExitCode.InternalError, "unexpected internal error (a bug; report it with the command line, and with --verbose for flash or demo)"),
            Row(ExitCode.Usage, "bad command line"),
            Row(ExitCode.ImageNotFound, "image or package file not found / not readable"),
            Row(ExitCode.ImageInvalid, "image not usable (empty, bad QuecFOTA header, CRC or length)"),
            Row(ExitCode.ImageChecksumMismatch, "MD5 differs from the _MD5.DAT file"),
            Row(ExitCode.OutputNotWritable, "output file cannot be written"),
            Row(ExitCode.JournalFailed, "update journal cannot be written (module not touched)"),
            Row(ExitCode.PortNotFound, "serial port does not exist"),
            Row(ExitCode.PortUnavailable, "serial port cannot be opened (busy, permissions)"),
            Row(ExitCode.PortFailed, "serial port failed while in use"),
            Row(ExitCode.PowerControlUnavailable, "power control unavailable or malformed"),
            Row(ExitCode.NoSync, "module silent at sync: no 0x5B answer to the 0xB5 ticks on any power cycle"),
            Row(ExitCode.ModuleSilent, "module stopped answering frames (3 sends) on every attempt"),
            Row(ExitCode.FlashError, "module reported flash errors (status 2) on every attempt"),
            Row(ExitCode.ProtocolError, "module broke the protocol (BEGIN refused, impossible next, MTU too small)"),
            Row(ExitCode.FirmwareSilent, "new firmware did not answer AT after RUN"),
            Row(ExitCode.VersionMismatch, "firmware or image version differs from the expected one"),
            Row(ExitCode.NoisyLine, "noisy line: the module answered but refused every copy of a frame (try --mtu-cap 1024)"),
            Row(ExitCode.NoValidAnswer, "no valid answer, only bytes that make no frame (wrong baud rate or wrong port?)"),
            Row(ExitCode.UpdateFailed, "update failed for another reason (see message)"),
            Row(ExitCode.FetchNotFound, "fetch: the server has no package at that path (404)"),
            Row(ExitCode.FetchServerError, "fetch: server error (5xx), another unusable status, or no usable HTTP (no Content-Length, chunked)"),
            Row(ExitCode.FetchInterrupted, "fetch: the download kept ending early; run it again to resume from the part file"),
            Row(ExitCode.NetworkFailed, "fetch: the module's network failed (SIM, registration, APN, DNS, connect; see message)"),
            Row(ExitCode.RelayFailed, "a relay link failed"),
            Row(ExitCode.SimulatorFailed, "the simulator stopped with an error"),
            Row(ExitCode.DemoMismatch, "demo: received image differs from the one sent"),
            Row(ExitCode.PseudoTerminalUnavailable, "pseudo-terminals unavailable (demo --link pty; plain demo falls back to an in-process link)"),
            Row(ExitCode.TraceInvalid, "trace file malformed"),
            Row(ExitCode.Cancelled, "interrupted (Ctrl+C): power released, summary printed, trace flushed"),
            Row(ExitCode.Terminated, "stopped by SIGTERM (timeout, kill): handled like Ctrl+C"),
        };

        /// <summary>The exit code of an update outcome (one outcome enum from the session up to the exit code).</summary>
        public static ExitCode FromOutcome(McuUpdater.Session.UpdateOutcome outcome)
        {
            switch (outcome)
            {
                case McuUpdater.Session.UpdateOutcome.Success: return ExitCode.Ok;
                case McuUpdater.Session.UpdateOutcome.ImageRejected: return ExitCode.ImageInvalid;
                case McuUpdater.Session.UpdateOutcome.SyncFailed: return ExitCode.NoSync;
                case McuUpdater.Session.UpdateOutcome.FlashErrorPersisted: return ExitCode.FlashError;
                case McuUpdater.Session.UpdateOutcome.ModuleSilent: return ExitCode.ModuleSilent;
                case McuUpdater.Session.UpdateOutcome.ProtocolError: return ExitCode.ProtocolError;
                case McuUpdater.Session.UpdateOutcome.VersionMismatch: return ExitCode.VersionMismatch;
                case McuUpdater.Session.UpdateOutcome.Cancelled: return ExitCode.Cancelled;
                case McuUpdater.Session.UpdateOutcome.FirmwareSilent: return ExitCode.FirmwareSilent;
                case McuUpdater.Session.UpdateOutcome.LinkError: return ExitCode.PortFailed;
                case McuUpdater.Session.UpdateOutcome.JournalFailed: return ExitCode.JournalFailed;
                case McuUpdater.Session.UpdateOutcome.NoisyLine: return ExitCode.NoisyLine;
                case McuUpdater.Session.UpdateOutcome.NoValidAnswer: return ExitCode.NoValidAnswer;
                case McuUpdater.Session.UpdateOutcome.InternalError: return ExitCode.InternalError;
                default: return ExitCode.UpdateFailed;
            }
        }

        /// <summary>The meaning of one code.</summary>
        public static string Describe(ExitCode code)
        {
            foreach (KeyValuePair<ExitCode, string> row in All)
            {
                if (row.Key == code)
                {
                    return row.Value;
                }
            }

            return code.ToString();
        }

        /// <summary>The table as Markdown (for the README).</summary>
        public static string Markdown()
        {
            StringBuilder text = new StringBuilder();
            text.AppendLine("| code | name | meaning |");
            text.AppendLine("|---:|---|---|");
            foreach (KeyValuePair<ExitCode, string> row in All)
            {
                text.Append("| ").Append((int)row.Key).Append(" | ").Append(row.Key).Append(" | ").Append(row.Value).AppendLine(" |");
            }

            return text.ToString();
        }

        private static KeyValuePair<ExitCode, string> Row(ExitCode code, string text)
        {
            return new KeyValuePair<ExitCode, string>(code, text);
        }
    }

    /// <summary>A failure with its exit code and a message meant for the user (no stack trace).</summary>
    public sealed class CliException : Exception
    {
        /// <summary>Creates the failure.</summary>
        public CliException(ExitCode code, string message, Exception inner = null)
            : base(message, inner)
        {
            Code = code;
        }

        /// <summary>The exit code the tool ends with.</summary>
        public ExitCode Code { get; }
    }
}
