using System;
using System.Diagnostics;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;
using McuUpdater.Tests.Host.Http;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>
    /// The field fetch from the command line over pseudo-terminals: `fetch` against `simulate`
    /// (its AT sockets bridged to a real loopback HTTP server), and `demo --ota` telling the whole story.
    /// </summary>
    [Collection("pseudo-terminals")]
    public class CliFetchEndToEndTests
    {
        [Theory]
        [InlineData("qi")]
        [InlineData("legacy")]
        public void Fetch_AgainstSimulateOverPseudoTerminals_DownloadsFromALoopbackServer(string dialect)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            byte[] firmware = new byte[20000];
            new Random(12).NextBytes(firmware);
            byte[] package = QuecFotaPackageWriter.Build(firmware, "M10ER01A08W32");
            string output = CliHarness.TempFile("fetched.pkg");
            using LoopbackHttpServer server = new LoopbackHttpServer(package);
            using PseudoTerminal simPty = new PseudoTerminal();
            using PseudoTerminal fetchPty = new PseudoTerminal();
            using PtyBridge bridge = new PtyBridge(simPty, fetchPty);
            using Background sim = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", simPty.SlavePath, "--pace", "no", "--dialect", dialect }, ctx));
            WaitFor(() => sim.Output.Contains("Ctrl+C stops."), 5000, "simulate started: " + sim.Output);
            Assert.Contains("started on (old firmware running)", sim.Output);

            CliRun run = CliHarness.Run("fetch", server.Url, "--port", fetchPty.SlavePath, "--apn", "internet", "--dialect", dialect, "-o", output, "--expect-version", "M10ER01A08W32");

            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains("Fetched", run.Output);
            Assert.Equal(package, File.ReadAllBytes(output));
            Assert.False(File.Exists(output + ".part"), "the part became the package");
            Assert.Equal(0, sim.Stop());
        }

        [Fact]
        public void Fetch_NotFoundExits40AndKeepsNoFile()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string output = CliHarness.TempFile("missing.pkg");
            using LoopbackHttpServer server = new LoopbackHttpServer(new byte[100]);
            using PseudoTerminal simPty = new PseudoTerminal();
            using PseudoTerminal fetchPty = new PseudoTerminal();
            using PtyBridge bridge = new PtyBridge(simPty, fetchPty);
            using Background sim = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", simPty.SlavePath, "--pace", "no" }, ctx));
            WaitFor(() => sim.Output.Contains("Ctrl+C stops."), 5000, "simulate started: " + sim.Output);

            CliRun run = CliHarness.Run("fetch", "http://127.0.0.1:" + server.Port + "/nothing.pkg", "--port", fetchPty.SlavePath, "--apn", "internet", "-o", output);

            Assert.True(run.Code == (int)ExitCode.FetchNotFound, run.ToString());
            Assert.Contains("404", run.Output);
            Assert.False(File.Exists(output), "no package");
            Assert.Equal(0, sim.Stop());
        }

        [Fact]
        public void Fetch_HttpsUrlIsAUsageError()
        {
            CliRun run = CliHarness.Run("fetch", "https://example.com/fw.pkg", "--port", "/dev/null", "--apn", "internet", "-o", CliHarness.TempFile("x.pkg"));
            Assert.True(run.Code == (int)ExitCode.Usage, run.ToString());
            Assert.Contains("no TLS", run.Error);
        }

        [Fact]
        public void Demo_Ota_TellsTheFieldStoryInOneCommand()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            CliRun demo = CliHarness.Run("demo", "--ota", "--image-size", "16384", "--mtu", "1024", "--no-pace");

            Assert.True(demo.Code == 0, demo.ToString());
            Assert.Contains("fetching M10ER01A08W32", demo.Output);
            Assert.Contains("Fetched", demo.Output);
            Assert.Contains("Success: firmware M10ER01A08W32 running", demo.Output);
            Assert.Contains("the field story in one call", demo.Output);
        }

        private static void WaitFor(Func<bool> condition, int timeoutMs, string what)
        {
            Stopwatch clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(clock.ElapsedMilliseconds < timeoutMs, "timed out waiting for " + what);
                System.Threading.Thread.Sleep(20);
            }
        }
    }
}
