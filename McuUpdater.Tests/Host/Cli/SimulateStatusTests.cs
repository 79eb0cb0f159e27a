using System;
using McuUpdater.Cli;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`simulate` shows what it receives (issue 11, item 9): blocks as they come, the image's length and CRC-32 at the end.</summary>
    [Collection("pseudo-terminals")]
    public class SimulateStatusTests
    {
        [Fact]
        public void Simulate_StatusFollowsTheDownload_AndTheSummaryHasLengthAndCrc32()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            byte[] firmware = CliHarness.Bytes(24 * 1024, 91);
            string crc = "CRC-32 0x" + Crc32(firmware).ToString("X8");
            using PseudoTerminal simPty = new PseudoTerminal();
            using PseudoTerminal flashPty = new PseudoTerminal();
            using PtyBridge bridge = new PtyBridge(simPty, flashPty);
            using Background sim = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", simPty.SlavePath, "--pace", "no", "--mtu", "1024" }, ctx));
            CliHarness.WaitFor(() => sim.Output.Contains("simulated module on"), 60000, () => "simulate started: " + sim.Output);

            CliRun flash = CliHarness.Run("flash", CliHarness.WritePackage(firmware, "M10ER01A08W32"), "--port", flashPty.SlavePath);
            Assert.True(flash.Code == 0, flash.ToString());

            // The status line catches up with the finished download without being asked.
            CliHarness.WaitFor(() => sim.Output.Contains("RunningFirmware: ") && sim.Output.Contains("image " + firmware.Length + " bytes " + crc), 60000, () => "the finished download in the status: " + sim.Output);
            Assert.Equal(0, sim.Stop());
            Assert.Matches("stopped: .*25 blocks, image " + firmware.Length + " bytes " + crc, sim.Output);
        }

        private static uint Crc32(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                crc ^= b;
                for (int i = 0; i < 8; i++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
