using McuUpdater.Cli;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>Out-of-range fault specs are refused with one line naming the bad field (issue 11, item 12).</summary>
    public class FaultSpecTests
    {
        [Theory]
        [InlineData("status:3:9", "CODE 9")]
        [InlineData("status:3:3", "CODE 3")]
        [InlineData("status:-1:1", "BLOCK -1")]
        [InlineData("corrupt:2", "RATE 2")]
        [InlineData("rx-drop:-0.5", "RATE -0.5")]
        [InlineData("noise:NaN", "RATE nan")]
        [InlineData("miss-boot:-1", "N -1")]
        [InlineData("status:3:1:x", "too many fields")]
        [InlineData("slow:2", "missing fields")]
        [InlineData("idle-noise:0", "MS 0")]
        [InlineData("reply-delay:soon", "MS soon")]
        [InlineData("sparkle:1", "'sparkle' is not a fault")]
        public void Simulate_BadFaultSpec_OneLineNamingTheField(string spec, string named)
        {
            foreach (string verb in new[] { "simulate", "demo" })
            {
                CliRun run = verb == "simulate"
                    ? CliHarness.Run("simulate", "--port", "/dev/null", "--fault", spec)
                    : CliHarness.Run("demo", "--fault", spec);

                Assert.True(run.Code == (int)ExitCode.Usage, verb + " " + spec + ": " + run);
                Assert.Equal("error: --fault " + spec + ": ", run.Error.Substring(0, ("error: --fault " + spec + ": ").Length));
                Assert.Contains(named, run.Error);
                Assert.Single(run.Error.Trim().Split('\n'));
                Assert.DoesNotContain("a made-up byte", run.Error); // not the whole fault help
            }
        }

        [Fact]
        public void GoodFaultSpecs_StillBuildThePlan()
        {
            McuUpdater.Cli.Hardware.SimulatorSettings ok = new McuUpdater.Cli.Hardware.SimulatorSettings
            {
                Faults = new[] { "status:3:4", "silence:0", "slow:1:20", "power-loss:2", "wrong-next:2:0", "miss-boot:0", "reply-delay:5", "noise:0", "rx-corrupt:1", "dup:0.5", "rx-idle-noise:3" },
            };
            ok.CreateModule(out McuUpdater.Simulator.FaultPlan plan);
            Assert.Equal(1.0, plan.ModuleToHost.CorruptRate);
            Assert.Equal(5, plan.ExtraReplyDelayMs);
        }
    }
}
