using System;
using System.Collections.Generic;
using McuUpdater.Cli;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>A module that refuses every copy of a frame is a noisy line, not a silent module (issue 11, item 4).</summary>
    [Collection("pseudo-terminals")]
    public class NoisyLineTests
    {
        [Fact]
        public void Flash_ModuleRefusingEveryCopy_Exits36SayingNoisyLineAndSuggestingAnMtuCap()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal simPty = new PseudoTerminal();
            using PseudoTerminal flashPty = new PseudoTerminal();
            using PtyBridge bridge = new PtyBridge(simPty, flashPty);
            List<string> args = new List<string> { "simulate", "--port", simPty.SlavePath, "--pace", "no", "--mtu", "1024" };
            for (int i = 0; i < 6; i++)
            {
                args.Add("--fault");
                args.Add("status:1:1");
            }

            using Background sim = CliHarness.Start(ctx => CliApp.Run(args.ToArray(), ctx));
            CliHarness.WaitFor(() => sim.Output.Contains("simulated module on"), 60000, () => "simulate started: " + sim.Output);

            CliRun run = CliHarness.Run("flash", CliHarness.WritePackage(CliHarness.Bytes(3000, 41), "V1"), "--port", flashPty.SlavePath, "--attempts", "2");

            Assert.True(run.Code == (int)ExitCode.NoisyLine, run.ToString());
            Assert.Contains("NoisyLine", run.Error);
            Assert.Contains("noisy line", run.Error);
            Assert.Contains("--mtu-cap 1024", run.Error);
            Assert.DoesNotContain("ModuleSilent", run.Error);
        }
    }
}
