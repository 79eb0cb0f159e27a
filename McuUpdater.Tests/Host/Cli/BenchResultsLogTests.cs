using System;
using System.IO;
using System.Text.RegularExpressions;
using McuUpdater.Application;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`bench --results`: a production log is never lost silently (issue 11, item 1), over pseudo-terminals.</summary>
    [Collection("pseudo-terminals")]
    public class BenchResultsLogTests
    {
        private static readonly byte[] Firmware = CliHarness.Bytes(6 * 1024 + 3, 11);

        [Theory]
        [InlineData("missing-folder")]
        [InlineData("a-folder")]
        public void Bench_ResultsLogThatCannotBeWritten_Exits13BeforeAnyModuleIsTouched(string kind)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string results = CliHarness.TempFile("results.csv");
            if (kind == "missing-folder")
            {
                results = Path.Combine(Path.GetDirectoryName(results), "no-such-folder", "results.csv");
            }
            else
            {
                Directory.CreateDirectory(results);
            }

            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024 }, 0, idlePowerSense: true);

            CliRun run = CliHarness.Run("bench", CliHarness.WritePackage(Firmware, "V1"), "--port", pty.SlavePath, "--results", results);

            Assert.True(run.Code == (int)ExitCode.OutputNotWritable, run.ToString());
            Assert.Contains("results log " + results + " cannot be written", run.Error);
            Assert.Contains("no module was touched", run.Error);
            Assert.DoesNotContain("appended", run.Output);
            Assert.Equal(0L, sim.Runner.HostBytesRead);
        }

        [Fact]
        public void Bench_TwoRunsOnOneFile_RoundsContinue_EachLineHasAUtcTime()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string package = CliHarness.WritePackage(Firmware, "M10ER01A08W32");
            string results = CliHarness.TempFile("results.csv");
            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024, BootMs = 50 }, 0, idlePowerSense: true);

            for (int run = 1; run <= 2; run++)
            {
                CliRun bench = CliHarness.Run("bench", package, "--port", pty.SlavePath, "--results", results);
                Assert.True(bench.Code == 0, bench.ToString());
                Assert.Contains("round " + run + " appended to " + results, bench.Output);
            }

            string[] lines = File.ReadAllLines(results);
            Assert.Equal(BenchRig.ResultsHeader, lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.Matches("^1,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z," + Regex.Escape(pty.SlavePath) + ",Success,", lines[1]);
            Assert.Matches("^2,[^,]+Z," + Regex.Escape(pty.SlavePath) + ",Success,", lines[2]);
            DateTime stamp = DateTime.Parse(lines[2].Split(',')[1], null, System.Globalization.DateTimeStyles.RoundtripKind);
            Assert.Equal(DateTimeKind.Utc, stamp.Kind);
            Assert.InRange((DateTime.UtcNow - stamp).TotalMinutes, -1, 10);
        }

        [Fact]
        public void Bench_ResultsLogLostDuringTheRound_FailsLoudlyWithExit13()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string package = CliHarness.WritePackage(Firmware, "M10ER01A08W32");
            string results = CliHarness.TempFile("results.csv");
            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024, BootMs = 50 }, 0, idlePowerSense: true);
            using Background bench = CliHarness.Start(ctx => CliApp.Run(new[] { "bench", package, "--port", pty.SlavePath, "--results", results }, ctx));

            // The card is pulled once the module syncs: the log passed its check, its line cannot be written.
            CliHarness.WaitFor(() => sim.Module.Syncs > 0, 60000, () => "the module to sync: " + bench.Output);
            Directory.Delete(Path.GetDirectoryName(results), true);
            Assert.True(bench.Wait(120000), "bench ended: " + bench.Output);

            Assert.True(bench.Code == (int)ExitCode.OutputNotWritable, bench.Output);
            Assert.Contains("1 of 1 modules flashed", bench.Output);
            Assert.Contains("results log " + results + ": a line was not written", bench.Output);
            Assert.DoesNotContain("appended", bench.Output);
        }
    }
}
