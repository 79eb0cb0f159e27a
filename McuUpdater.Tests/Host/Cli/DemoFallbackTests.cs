using McuUpdater.Cli;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`demo` works where there are no pseudo-terminals (issue 11, item 15): forced here with --link memory.</summary>
    [Collection("pseudo-terminals")]
    public class DemoFallbackTests
    {
        [Fact]
        public void Demo_InProcessLink_SameSimulatorSameSummary_SaysWhichLinkFirst()
        {
            CliRun demo = CliHarness.Run("demo", "--link", "memory", "--image-size", "8192", "--mtu", "1024");

            Assert.True(demo.Code == 0, demo.ToString());
            Assert.StartsWith("demo over an in-process link", demo.Output);
            Assert.Contains("(paced)", demo.Output);
            Assert.Contains("Success", demo.Output);
            Assert.Contains("of the bound", demo.Output);
            Assert.Contains("holds the image byte for byte", demo.Output);
        }

        [Fact]
        public void Demo_UnknownLink_IsAUsageError()
        {
            CliRun demo = CliHarness.Run("demo", "--link", "carrier-pigeon");
            Assert.True(demo.Code == (int)ExitCode.Usage, demo.ToString());
        }
    }
}
