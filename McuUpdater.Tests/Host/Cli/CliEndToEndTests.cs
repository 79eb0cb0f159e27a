using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using McuUpdater.Cli;
using McuUpdater.Cli.Commands;
using McuUpdater.Cli.Hardware;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>
    /// `mcuupdater` end to end over Linux pseudo-terminals with real System.IO.Ports.SerialPorts:
    /// flash against simulate, flash through the relay (which power-cycles the simulator), the relay
    /// under full-duplex load, error exit codes, and a demo trace decoded by `trace`.
    /// The simulator is not paced here (ptys move bytes at memory speed), except in the demo test,
    /// which runs at 115200 like the real thing.
    /// </summary>
    [Collection("pseudo-terminals")]
    public class CliEndToEndTests
    {
        private static readonly byte[] Firmware = MakeFirmware(24 * 1024 + 1);

        [SkippableFact]
        public void Flash_AgainstSimulateOverPseudoTerminals_WithIdleLineNoise_Succeeds()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            string package = WritePackage("M10ER01A08W32");
            using PseudoTerminal simPty = new PseudoTerminal();
            using PseudoTerminal flashPty = new PseudoTerminal();
            using PtyBridge bridge = new PtyBridge(simPty, flashPty);
            using Background sim = CliHarness.Start(ctx => CliApp.Run(
                new[] { "simulate", "--port", simPty.SlavePath, "--pace", "no", "--mtu", "1024", "--power-sense", "idle", "--fault", "idle-noise:40", "--fault", "rx-idle-noise:40" }, ctx));
            WaitFor(() => sim.Output.Contains("simulated module on"), 60000, "simulate started: " + sim.Output);

            CliRun run = CliHarness.Run("flash", package, "--port", flashPty.SlavePath, "--power", "none", "--trace", CliHarness.TempFile("flash.jsonl"));

            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains("Success", run.Output);
            Assert.Contains("MTU 1024, block 1012", run.Output);
            Assert.Contains("waiting for the module to be powered on", run.Output);
            Assert.DoesNotContain("power-cycling", run.Output);
            // Unpaced, the line usually beats 115200 baud (said, no ratio); on a loaded machine it may
            // not, but a ratio above the line rate is never printed.
            System.Text.RegularExpressions.Match ratio = System.Text.RegularExpressions.Regex.Match(run.Output, "([0-9.]+) % of line rate");
            Assert.True(run.Output.Contains("the line was not paced at 115200 baud", StringComparison.Ordinal) || (ratio.Success && double.Parse(ratio.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= 102), run.Output);
            Assert.Contains("M10ER01A08W32", run.Output);
            Assert.Equal(0, sim.Stop());
            Assert.Contains("1 downloads", sim.Output);
            Assert.Matches("towards the module [1-9][0-9]* made up on the idle line", sim.Output);
            Assert.Matches("towards the host [1-9][0-9]* made up on the idle line", sim.Output);
        }

        [SkippableFact]
        public void Bench_FlashesTwoSimulatedModulesAtOnce_AndLogsThem()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            string package = WritePackage("M10ER01A08W32");
            string results = CliHarness.TempFile("results.csv");
            using PseudoTerminal simA = new PseudoTerminal();
            using PseudoTerminal benchA = new PseudoTerminal();
            using PseudoTerminal simB = new PseudoTerminal();
            using PseudoTerminal benchB = new PseudoTerminal();
            using PtyBridge bridgeA = new PtyBridge(simA, benchA);
            using PtyBridge bridgeB = new PtyBridge(simB, benchB);
            using Background a = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", simA.SlavePath, "--pace", "no", "--mtu", "1024" }, ctx));
            using Background b = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", simB.SlavePath, "--pace", "no", "--rom", "quirks" }, ctx));
            WaitFor(() => a.Output.Contains("simulated module on") && b.Output.Contains("simulated module on"), 60000, "simulators started");

            CliRun run = CliHarness.Run("bench", package, "--port", benchA.SlavePath, "--port", benchB.SlavePath, "--results", results);

            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains("2 of 2 modules flashed", run.Output);
            Assert.Contains(benchA.SlavePath + ": waiting for the module to be powered on", run.Output);
            Assert.Contains(benchA.SlavePath + ": done", run.Output);
            Assert.Contains(benchB.SlavePath + ": done", run.Output);
            string[] lines = File.ReadAllLines(results);
            Assert.Equal(McuUpdater.Application.BenchRig.ResultsHeader, lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^1,[^,]+Z," + benchA.SlavePath + ",Success,"));
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^1,[^,]+Z," + benchB.SlavePath + ",Success,"));
            Assert.Equal(0, a.Stop());
            Assert.Equal(0, b.Stop());
        }

        [Fact]
        public void Bench_RefusesAPowerControlThatCannotServeSeveralSlots()
        {
            CliRun run = CliHarness.Run("bench", WritePackage("V1"), "--port", "/dev/null", "--port", "/dev/zero", "--power", "gpio:0:17");
            Assert.Equal((int)ExitCode.Usage, run.Code);
            Assert.Contains("cannot serve several slots", run.Error);
        }

        [SkippableFact]
        public void Flash_ThroughRelayWithAutomaticPowerCycle_Succeeds()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            string package = WritePackage("M10ER01A08W32");
            using PseudoTerminal modulePty = new PseudoTerminal();
            using PseudoTerminal hostPty = new PseudoTerminal();
            using PseudoTerminal flashPty = new PseudoTerminal();

            // The simulated module only syncs after a real power cycle: it has no idle sensing, it is
            // powered at start (boots its old firmware, window closed), and only the relay's power
            // control (wired to it like a GPIO) can cycle it.
            using SimulatorHost sim = SimulatorHost.Start(modulePty, new SimulatorSettings { Mtu = 8224, BootMs = 200 }, 0, idlePowerSense: false);
            using PtyBridge pcCable = new PtyBridge(flashPty, hostPty);
            string trace = CliHarness.TempFile("relay.jsonl");
            using Background relay = CliHarness.Start(ctx => (int)RelayCommand.Run(ctx, new RelayCommand.Settings
            {
                HostPort = hostPty.SlavePath,
                ModulePort = modulePty.SlavePath,
                PowerOverride = sim.Power,
                Trace = trace,
            }));
            WaitFor(() => relay.Output.Contains("relaying"), 60000, "relay started: " + relay.Output);
            // Once the module's sync window has closed (it runs its old firmware), only the relay's cycle can open it again.
            WaitFor(() => sim.Module.Phase == McuUpdater.Simulator.ModulePhase.RunningFirmware, 60000, "the module's boot window to close");

            CliRun run = CliHarness.Run("flash", package, "--port", flashPty.SlavePath, "--power", "none");

            Assert.True(run.Code == 0, run.ToString() + "\n--- relay\n" + relay.Output);
            Assert.True(sim.Module.ImageMatches(Firmware), "module holds the image");
            Assert.Equal(0, relay.Stop());
            Assert.Contains("session started", relay.Output);
            Assert.Contains("PC sync seen: module powered off", relay.Output);
            // One cycle per sync the PC starts (a loaded machine may need a second sync).
            Assert.Matches("stopped: .* [1-9][0-9]* power cycles", relay.Output);
            CliRun decoded = CliHarness.Run("trace", trace, "--quiet");
            Assert.True(decoded.Code == 0, decoded.ToString());
            Assert.Contains("CMD_DL_DATA ", decoded.Output);
        }

        [SkippableFact]
        public void Relay_FullDuplexOneMegabyteEachWay_EveryByteIdentical()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            const int Size = 1024 * 1024;
            using PseudoTerminal hostPty = new PseudoTerminal();
            using PseudoTerminal modulePty = new PseudoTerminal();

            // Pseudo-terminals have no line rate: the baud option is set to 921600 for the record,
            // the bytes move as fast as both ends go (1 MB each way in about a second, not 90 s).
            using Background relay = CliHarness.Start(ctx => CliApp.Run(
                new[] { "relay", "--host-port", hostPty.SlavePath, "--module-port", modulePty.SlavePath, "--baud", "921600" }, ctx));
            WaitFor(() => relay.Output.Contains("relaying"), 60000, "relay started: " + relay.Output);

            byte[] up = MakeFirmware(Size);
            byte[] down = new byte[Size];
            new Random(7).NextBytes(down);
            byte[] gotUp = new byte[Size];
            byte[] gotDown = new byte[Size];
            Thread[] threads =
            {
                new Thread(() => Pump(hostPty, up)),
                new Thread(() => Pump(modulePty, down)),
                new Thread(() => Drain(modulePty, gotUp)),
                new Thread(() => Drain(hostPty, gotDown)),
            };
            Stopwatch clock = Stopwatch.StartNew();
            foreach (Thread t in threads)
            {
                t.IsBackground = true;
                t.Start();
            }

            foreach (Thread t in threads)
            {
                Assert.True(t.Join(60000), "1 MB each way within 60 s: " + relay.Output);
            }
            Assert.Equal(0, relay.Stop());
            Assert.True(up.AsSpan().SequenceEqual(gotUp), "host→module bytes identical");
            Assert.True(down.AsSpan().SequenceEqual(gotDown), "module→host bytes identical");
            Assert.Contains("host→module " + Size + " bytes", relay.Output);
            Assert.Contains("module→host " + Size + " bytes", relay.Output);
        }

        [Fact]
        public void Flash_BadImage_ExitsImageInvalidBeforeTouchingThePort()
        {
            string package = WritePackage("V1");
            byte[] bytes = File.ReadAllBytes(package);
            bytes[200] ^= 0xFF;
            File.WriteAllBytes(package, bytes);

            CliRun run = CliHarness.Run("flash", package, "--port", "/dev/does-not-exist");

            Assert.Equal((int)ExitCode.ImageInvalid, run.Code);
            Assert.Contains("CRC16", run.Error);
        }

        [Fact]
        public void Flash_MissingPort_ExitsPortNotFound()
        {
            CliRun run = CliHarness.Run("flash", WritePackage("V1"), "--port", "/dev/ttyNOPE42");

            Assert.Equal((int)ExitCode.PortNotFound, run.Code);
            Assert.Contains("/dev/ttyNOPE42 does not exist", run.Error);
        }

        [SkippableFact]
        public void Flash_SilentModule_ExitsNoSync()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            using PseudoTerminal nobody = new PseudoTerminal();
            Stopwatch clock = Stopwatch.StartNew();

            CliRun run = CliHarness.Run("flash", WritePackage("V1"), "--port", nobody.SlavePath, "--sync-timeout", "200", "--power-off-ms", "50", "--attempts", "1");

            Assert.True(run.Code == (int)ExitCode.NoSync, run.ToString());
            Assert.Contains("no 0x5B", run.Error);
            Assert.True(clock.ElapsedMilliseconds < 60000, "gives up within the sync bounds (3 cycles of 250 ms; the limit allows for a loaded machine)");
        }

        [SkippableFact]
        public void Demo_AtLineRate_TraceDecodesWithTraceVerb()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "pseudo-terminals are opened with Linux libc");

            string trace = CliHarness.TempFile("demo.jsonl");
            string vcd = CliHarness.TempFile("demo.vcd");

            CliRun demo = CliHarness.Run("demo", "--image-size", "8192", "--mtu", "1024", "--trace", trace);

            Assert.True(demo.Code == 0, demo.ToString());
            Assert.StartsWith("demo over a pseudo-terminal pair", demo.Output);
            Assert.Contains("holds the image byte for byte", demo.Output);
            Assert.Contains("of the bound", demo.Output);

            CliRun decoded = CliHarness.Run("trace", trace, "--vcd", vcd);
            Assert.True(decoded.Code == 0, decoded.ToString());
            Assert.Contains("tx  B5 SYNC_WORD1", decoded.Output);
            Assert.Contains("rx  5B SYNC_WORD_RSP1", decoded.Output);
            Assert.Contains("tx  CMD_DL_DATA seq 8, 96 bytes", decoded.Output); // 8192 = 8 × 1012 + 96
            Assert.Contains("rx  CMD_RUN_GSMSW_RSP status 0", decoded.Output);
            Assert.Contains("power off", decoded.Output);
            StrictVcd waves = StrictVcd.Parse(File.ReadAllText(vcd), sigrokProfile: true);
            Assert.Equal(0xB5, waves.Uart("tx", 115200)[0]);
        }

        [Fact]
        public void Trace_MalformedFile_ExitsTraceInvalidWithLineNumber()
        {
            string file = CliHarness.TempFile("bad.jsonl");
            File.WriteAllText(file, "{\"t_us\":1,\"dir\":\"tx\",\"hex\":\"B5\"}\n{\"t_us\":2,\"dir\":\"up\",\"hex\":\"B5\"}\n");

            CliRun run = CliHarness.Run("trace", file);

            Assert.Equal((int)ExitCode.TraceInvalid, run.Code);
            Assert.Contains(":2:", run.Error);
        }

        [Fact]
        public void UnknownOption_ExitsUsage()
        {
            CliRun run = CliHarness.Run("flash", "x.bin", "--port", "p", "--bogus");
            Assert.Equal((int)ExitCode.Usage, run.Code);
        }

        private static void Pump(PseudoTerminal pty, byte[] data)
        {
            for (int at = 0; at < data.Length; at += 4096)
            {
                pty.Write(data, at, Math.Min(4096, data.Length - at));
            }
        }

        private static void Drain(PseudoTerminal pty, byte[] into)
        {
            int at = 0;
            byte[] chunk = new byte[16384];
            Stopwatch idle = Stopwatch.StartNew();
            while (at < into.Length && idle.ElapsedMilliseconds < 30000)
            {
                int n = pty.Read(chunk, 0, Math.Min(chunk.Length, into.Length - at), 100);
                if (n > 0)
                {
                    Array.Copy(chunk, 0, into, at, n);
                    at += n;
                    idle.Restart();
                }
            }
        }

        private static string WritePackage(string version)
        {
            string path = CliHarness.TempFile("fw.pkg");
            File.WriteAllBytes(path, QuecFotaPackageWriter.Build(Firmware, version));
            return path;
        }

        private static byte[] MakeFirmware(int size)
        {
            byte[] data = new byte[size];
            new Random(size).NextBytes(data);
            return data;
        }

        private static void WaitFor(Func<bool> condition, int timeoutMs, string what)
        {
            Stopwatch clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(clock.ElapsedMilliseconds < timeoutMs, "timed out waiting for " + what);
                Thread.Sleep(20);
            }
        }
    }
}
