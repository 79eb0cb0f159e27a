using System;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>No flashing of what is not firmware (issue 11, item 2): damaged packages, packages wrapped twice, -o over the input.</summary>
    [Collection("pseudo-terminals")]
    public class ImageRefusalTests
    {
        private static readonly byte[] Firmware = CliHarness.Bytes(3 * 1024 + 5, 21);

        [Theory]
        [InlineData(0, 0x20)]  // "quectFOTA…"
        [InlineData(19, 0x03)] // "…V0.2"
        [InlineData(7, 0x01)]  // one flipped bit
        public void Flash_DamagedPackage_IsRefusedBeforeThePort_AndRawSendsEveryByte(int at, int flip)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string package = CliHarness.WritePackage(Firmware, "M10ER01A08W32");
            byte[] bytes = File.ReadAllBytes(package);
            bytes[at] ^= (byte)flip;
            File.WriteAllBytes(package, bytes);

            CliRun inspect = CliHarness.Run("inspect", package);
            Assert.True(inspect.Code == (int)ExitCode.ImageInvalid, inspect.ToString());
            Assert.Contains("looks like a damaged or unknown QuecFOTA package", inspect.Error);
            Assert.DoesNotContain("raw BIN", inspect.Output);

            using PseudoTerminal pty = new PseudoTerminal();
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024, BootMs = 50 }, 0, idlePowerSense: true);
            CliRun refused = CliHarness.Run("flash", package, "--port", pty.SlavePath);
            Assert.True(refused.Code == (int)ExitCode.ImageInvalid, refused.ToString());
            Assert.Contains("flash it with --raw", refused.Error);
            Assert.Equal(0L, sim.Runner.HostBytesRead);

            // The user insists: every byte, header included, is the firmware.
            CliRun forced = CliHarness.Run("flash", package, "--port", pty.SlavePath, "--raw", "--no-version-check");
            Assert.True(forced.Code == 0, forced.ToString());
            Assert.True(sim.Module.ImageMatches(bytes), "the module holds the whole file");
        }

        [Fact]
        public void Package_RefusesToWrapAPackage_AndToWriteOverItsInput()
        {
            string package = CliHarness.WritePackage(Firmware, "V1");
            string again = Path.Combine(Path.GetDirectoryName(package), "again.pkg");
            CliRun wrap = CliHarness.Run("package", package, "--version", "V2", "-o", again);
            Assert.True(wrap.Code == (int)ExitCode.ImageInvalid, wrap.ToString());
            Assert.Contains("already a QuecFOTA package", wrap.Error);
            Assert.False(File.Exists(again), "nothing written");

            string bin = CliHarness.TempFile("fw.bin");
            File.WriteAllBytes(bin, Firmware);
            string relative = Path.Combine(Path.GetDirectoryName(bin), ".", "fw.bin");
            CliRun over = CliHarness.Run("package", bin, "--version", "V2", "-o", relative);
            Assert.True(over.Code == (int)ExitCode.Usage, over.ToString());
            Assert.Contains("is the input BIN itself", over.Error);
            Assert.Equal(Firmware, File.ReadAllBytes(bin));
        }
    }
}
