using System;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Tracing;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>A trace survives a killed run (issue 11, item 8): flushed as it goes, decoded up to a cut last line.</summary>
    [Collection("pseudo-terminals")]
    public class TraceKeptTests
    {
        [Fact]
        public void TraceWriter_EventsReachTheFileWithoutAnExit()
        {
            string path = CliHarness.TempFile("live.jsonl");
            using TraceWriter writer = new TraceWriter(path);
            writer.Power(false);

            // Read by another reader, as a viewer (or what is left after a kill) would.
            CliHarness.WaitFor(() => ReadShared(path).Contains("\"power\":\"off\"", StringComparison.Ordinal), 20000, () => "the event on disk: \"" + ReadShared(path) + "\"");
        }

        [Fact]
        public void Flash_KilledOutright_LeavesATraceThatDecodes()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024 }, 115200, idlePowerSense: true);
            string trace = CliHarness.TempFile("killed.jsonl");
            using CliProcess flash = new CliProcess("flash", CliHarness.WritePackage(CliHarness.Bytes(64 * 1024, 81), "V1"), "--port", pty.SlavePath, "--trace", trace);
            CliHarness.WaitFor(() => sim.Module.BlocksAccepted >= 3 && new FileInfo(trace).Length > 0, 60000, () => "blocks accepted and the trace on disk: " + flash);

            flash.Signal(9);
            flash.WaitForExit(60000);

            CliRun decoded = CliHarness.Run("trace", trace);
            Assert.True(decoded.Code == 0, decoded.ToString());
            Assert.Contains("tx  CMD_DL_DATA seq 0", decoded.Output);
        }

        [Fact]
        public void Trace_CutLastLine_IsReportedAndEverythingBeforeItDecoded()
        {
            string file = CliHarness.TempFile("cut.jsonl");
            File.WriteAllText(file, "{\"t_us\":1,\"dir\":\"tx\",\"hex\":\"B5\"}\n{\"t_us\":2,\"dir\":\"rx\",\"hex\":\"5B\"}\n{\"t_us\":3,\"dir\":\"tx\",\"hex\":\"AA00");

            CliRun run = CliHarness.Run("trace", file);

            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains(file + ":3: the last line is cut", run.Error);
            Assert.Contains("rx  5B SYNC_WORD_RSP1", run.Output);
            Assert.Contains("2 events", run.Output);

            // A bad line with a line break after it was written whole: still malformed.
            File.AppendAllText(file, "\n");
            Assert.Equal((int)ExitCode.TraceInvalid, CliHarness.Run("trace", file).Code);
        }

        private static string ReadShared(string path)
        {
            using FileStream f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using StreamReader r = new StreamReader(f);
            return r.ReadToEnd();
        }
    }
}
