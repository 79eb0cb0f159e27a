using System;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>One port, one owner, even for root (issue 11, item 3): two real processes on one pseudo-terminal.</summary>
    [Collection("pseudo-terminals")]
    public class PortLockTests
    {
        private static readonly byte[] Firmware = CliHarness.Bytes(2 * 1024 + 7, 31);

        [Fact]
        public void SecondProcessOnABusyPort_Exits21NamingTheHoldersPid_ForEveryVerb()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            string lockFile = Path.Combine(PortLock.LockFolder, PortLock.LockFileName(pty.SlavePath));
            using CliProcess holder = new CliProcess("simulate", "--port", pty.SlavePath, "--pace", "no");
            holder.WaitForText("simulated module on", 60000);
            Assert.Equal(holder.Pid.ToString().PadLeft(10) + "\n", File.ReadAllText(lockFile));

            string package = CliHarness.WritePackage(Firmware, "V1");
            using (CliProcess second = new CliProcess("flash", package, "--port", pty.SlavePath))
            {
                Assert.True(second.WaitForExit(60000) == (int)ExitCode.PortUnavailable, second.ToString());
                Assert.Contains("busy", second.Error);
                Assert.Contains("process " + holder.Pid, second.Error);
            }

            foreach (string[] args in new[]
            {
                new[] { "flash", package, "--port", pty.SlavePath },
                new[] { "bench", package, "--port", pty.SlavePath },
                new[] { "simulate", "--port", pty.SlavePath },
                new[] { "relay", "--host-port", pty.SlavePath, "--module-port", "/dev/null" },
            })
            {
                CliRun run = CliHarness.Run(args);
                Assert.True(run.Code == (int)ExitCode.PortUnavailable, args[0] + ": " + run);
                Assert.Contains("process " + holder.Pid, run.Error);
            }

            holder.Signal(2);
            Assert.True(holder.WaitForExit(60000) == 0, holder.ToString());
            Assert.False(File.Exists(lockFile), "the lock file goes with its owner");
        }

        [Fact]
        public void StaleLockFileOfADeadProcess_IsTakenOver()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            string lockFile = Path.Combine(PortLock.LockFolder, PortLock.LockFileName(pty.SlavePath));
            int dead;
            using (CliProcess gone = new CliProcess("exit-codes"))
            {
                gone.WaitForExit(60000);
                dead = gone.Pid;
            }

            File.WriteAllText(lockFile, dead.ToString().PadLeft(10) + "\n");
            using Background sim = CliHarness.Start(ctx => CliApp.Run(new[] { "simulate", "--port", pty.SlavePath, "--pace", "no" }, ctx));
            CliHarness.WaitFor(() => sim.Output.Contains("simulated module on") || sim.Output.Contains("error"), 60000, () => sim.Output);
            Assert.Contains("simulated module on", sim.Output);
            Assert.Equal(Environment.ProcessId.ToString().PadLeft(10) + "\n", File.ReadAllText(lockFile));
            Assert.Equal(0, sim.Stop());
            Assert.False(File.Exists(lockFile));
        }

        [Fact]
        public void WithoutLockFiles_TheDeviceLockAloneKeepsASecondOwnerOut()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            string folder = PortLock.LockFolder;
            PortLock.LockFolder = Path.Combine(Path.GetTempPath(), "no-lock-folder-" + Guid.NewGuid().ToString("N"));
            try
            {
                using PseudoTerminal pty = new PseudoTerminal();
                using (PortLock first = PortLock.Acquire(pty.SlavePath))
                {
                    CliException busy = Assert.Throws<CliException>(() => PortLock.Acquire(pty.SlavePath));
                    Assert.Equal(ExitCode.PortUnavailable, busy.Code);
                    Assert.Contains("locked by another process", busy.Message);
                }

                PortLock.Acquire(pty.SlavePath).Dispose();
            }
            finally
            {
                PortLock.LockFolder = folder;
            }
        }

        [Fact]
        public void Relay_RefusesTheSamePortOnBothSides()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();
            CliRun run = CliHarness.Run("relay", "--host-port", pty.SlavePath, "--module-port", pty.SlavePath);
            Assert.True(run.Code == (int)ExitCode.Usage, run.ToString());
            Assert.Contains("the relay needs two ports", run.Error);
        }
    }
}
