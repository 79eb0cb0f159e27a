using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Simulator.Host;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`--power manual` waits for the person at each step (issue 11, item 7).</summary>
    [Collection("pseudo-terminals")]
    public class ManualPowerTests
    {
        [Fact]
        public void Flash_PowerManual_WaitsForEnterAtEachStep_SyncsOnlyAfterOn()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using PseudoTerminal pty = new PseudoTerminal();

            // Powered at start, its boot window long closed: only the person's switching lets it sync.
            using SimulatorHost sim = SimulatorHost.Start(pty, new SimulatorSettings { Mtu = 1024, BootMs = 50 }, 0, idlePowerSense: false);
            CliHarness.WaitFor(() => sim.Module.Phase == McuUpdater.Simulator.ModulePhase.RunningFirmware, 60000, () => "the old firmware running");
            Person person = new Person(() => sim.Module.Syncs);
            string package = CliHarness.WritePackage(CliHarness.Bytes(3000, 71), "M10ER01A08W32");
            using Background flash = CliHarness.Start(ctx => CliApp.Run(new[] { "flash", package, "--port", pty.SlavePath, "--power", "manual" }, ctx), person);
            person.Error = () => flash.Output;

            // First the tool asks for OFF and waits.
            person.WaitForQuestion(1, flash);
            Assert.Contains("Switch the module OFF", person.Asked[0]);
            Assert.DoesNotContain("switch the module ON", person.Asked[0]);
            sim.Power.Off();
            person.Answer();

            // Then for ON: the person presses Enter, then switches the module on, and it syncs.
            person.WaitForQuestion(2, flash);
            Assert.Contains("switch the module ON", person.Asked[1]);
            Assert.Equal(0L, person.SyncsAtQuestion[1]);
            person.Answer();
            sim.Power.On();

            Assert.True(flash.Wait(60000), flash.Output);
            Assert.True(flash.Code == 0, flash.Output);
        }

        [Theory]
        [InlineData("gpio:gpiochip2:17", 2)]
        [InlineData("gpio:0:5:low", 0)]
        public void PowerSpec_AcceptsTheChipByNumberOrName(string text, int chip)
        {
            Assert.Equal(chip, PowerSpec.Parse(text).Chip);
            Assert.Contains("gpiochipN", PowerSpec.Help);
        }

        /// <summary>stdin with a person behind it: each ReadLine is a question, answered when the test says.</summary>
        private sealed class Person : TextReader
        {
            private readonly Func<long> _syncs;
            private readonly SemaphoreSlim _answers = new SemaphoreSlim(0);

            public Person(Func<long> syncs) => _syncs = syncs;

            private readonly ManualResetEventSlim _watched = new ManualResetEventSlim(false);
            private Func<string> _error = () => string.Empty;

            /// <summary>What the tool has printed; a question waits until the test can read it (the
            /// tool may ask before Start has returned the handle that reads its output).</summary>
            public Func<string> Error
            {
                get => _error;
                set
                {
                    _error = value;
                    _watched.Set();
                }
            }

            public List<string> Asked { get; } = new List<string>();

            public List<long> SyncsAtQuestion { get; } = new List<long>();

            public override string ReadLine()
            {
                _watched.Wait(60000);
                lock (Asked)
                {
                    Asked.Add(Error());
                    SyncsAtQuestion.Add(_syncs());
                }

                return _answers.Wait(60000) ? string.Empty : null;
            }

            public void Answer() => _answers.Release();

            public void WaitForQuestion(int count, Background flash)
            {
                CliHarness.WaitFor(() => { lock (Asked) { return Asked.Count >= count; } }, 60000, () => "question " + count + ": " + flash.Output);
            }
        }
    }
}
