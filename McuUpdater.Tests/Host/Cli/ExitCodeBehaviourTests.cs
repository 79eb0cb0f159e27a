using System;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Tracing;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>The exit codes a script sees are the README's (issue 11, item 5): power specs, missing lines, Ctrl+C, SIGTERM.</summary>
    [Collection("pseudo-terminals")]
    public class ExitCodeBehaviourTests
    {
        private static readonly byte[] Firmware = CliHarness.Bytes(6 * 1024 + 1, 51);

        [Fact]
        public void MalformedPower_Exits23AsTheTableSays()
        {
            Assert.Contains("malformed", ExitCodes.Describe(ExitCode.PowerControlUnavailable));
            foreach (string[] args in new[]
            {
                new[] { "flash", CliHarness.WritePackage(Firmware, "V1"), "--port", "/dev/null", "--power", "usb" },
                new[] { "relay", "--host-port", "/dev/null", "--module-port", "/dev/zero", "--power", "gpio:x:1" },
            })
            {
                CliRun run = CliHarness.Run(args);
                Assert.True(run.Code == (int)ExitCode.PowerControlUnavailable, args[0] + ": " + run);
                Assert.Contains("--power", run.Error);
            }
        }

        [Fact]
        public void PortWithoutDtrOrRts_Exits23AtStart_BeforeTheModuleIsTouched()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal module = new PseudoTerminal();
            using PseudoTerminal host = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(module, new SimulatorSettings { Mtu = 1024 }, 0, idlePowerSense: true);

            // A pseudo-terminal has no modem lines, like an adapter without DTR/RTS pins.
            CliRun flash = CliHarness.Run("flash", CliHarness.WritePackage(Firmware, "V1"), "--port", module.SlavePath, "--power", "dtr");
            Assert.True(flash.Code == (int)ExitCode.PowerControlUnavailable, flash.ToString());
            Assert.Contains("cannot switch DTR", flash.Error);
            Assert.Equal(0L, sim.Runner.HostBytesRead);

            CliRun relay = CliHarness.Run("relay", "--host-port", host.SlavePath, "--module-port", module.SlavePath, "--power", "rts-inv");
            Assert.True(relay.Code == (int)ExitCode.PowerControlUnavailable, relay.ToString());
            Assert.Contains("cannot switch RTS", relay.Error);
            Assert.DoesNotContain("relaying", relay.Output);
        }

        [Fact]
        public void Bench_CtrlC_Exits130WithTheTable()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024 }, 115200, idlePowerSense: true);
            using Background bench = CliHarness.Start(ctx => CliApp.Run(new[] { "bench", CliHarness.WritePackage(CliHarness.Bytes(64 * 1024, 52), "V1"), "--port", pty.SlavePath }, ctx));
            CliHarness.WaitFor(() => sim.Module.BlocksAccepted > 0, 60000, () => "a block accepted: " + bench.Output);

            int code = bench.Stop();

            Assert.True(code == (int)ExitCode.Cancelled, bench.Output);
            Assert.Contains("Cancelled", bench.Output);
            Assert.Contains("0 of 1 modules flashed", bench.Output);
            Assert.Contains("interrupted", bench.Output);
            Assert.Contains(pty.SlavePath + ": cancelled", bench.Output);
            Assert.DoesNotContain(pty.SlavePath + ": done", bench.Output);
        }

        [Theory]
        [InlineData(15, 143)]
        [InlineData(2, 130)]
        public void Flash_Signal_ReleasesPrintsTheSummaryAndFlushesTheTrace(int signal, int expected)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024 }, 115200, idlePowerSense: true);
            string trace = CliHarness.TempFile("flash.jsonl");
            using CliProcess flash = new CliProcess("flash", CliHarness.WritePackage(CliHarness.Bytes(64 * 1024, 53), "V1"), "--port", pty.SlavePath, "--trace", trace);
            CliHarness.WaitFor(() => sim.Module.BlocksAccepted > 0, 60000, () => "a block accepted: " + flash);

            flash.Signal(signal);

            Assert.True(flash.WaitForExit(60000) == expected, flash.ToString());
            Assert.Contains(((ExitCode)expected).ToString() == "Terminated" ? "Terminated" : "Cancelled", ExitCodes.Markdown());
            Assert.Contains("result", flash.Output);
            Assert.Contains("Cancelled", flash.Output);
            Assert.Matches("s cancelled\n", flash.Output);
            Assert.DoesNotMatch("s done\n", flash.Output);
            string text = File.ReadAllText(trace);
            Assert.EndsWith("}\n", text);
            foreach (string line in text.TrimEnd('\n').Split('\n'))
            {
                TraceReader.Parse(line);
            }

            Assert.Contains("\"power\":\"on\",\"pwrkey\":\"released\"", text);
        }
    }
}
