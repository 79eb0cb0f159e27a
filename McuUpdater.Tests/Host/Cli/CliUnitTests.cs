using System;
using System.Collections.Generic;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Tracing;
using McuUpdater.Session;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    public class CliUnitTests
    {
        [Fact]
        public void ExitCodes_FitInAByte_AreUnique_AndCoverEveryOutcome()
        {
            HashSet<int> seen = new HashSet<int>();
            foreach (KeyValuePair<ExitCode, string> row in ExitCodes.All)
            {
                Assert.InRange((int)row.Key, 0, 255);
                Assert.True(seen.Add((int)row.Key), "duplicate " + row.Key);
            }

            foreach (UpdateOutcome outcome in System.Enum.GetValues<UpdateOutcome>())
            {
                Assert.NotEqual(ExitCode.UpdateFailed, ExitCodes.FromOutcome(outcome));
            }

            Assert.Equal(ExitCode.Ok, ExitCodes.FromOutcome(UpdateOutcome.Success));
            Assert.Equal(System.Enum.GetValues<ExitCode>().Length, ExitCodes.All.Count);
        }

        [Fact]
        public void FaultSpecs_BuildTheSimulatorsPlan_AndBadOnesAreUsageErrors()
        {
            SimulatorSettings ok = new SimulatorSettings { Faults = new[] { "status:3:1", "idle-noise:50", "rx-idle-noise:30", "rx-corrupt:0.25", "miss-boot:2" } };
            ok.CreateModule(out McuUpdater.Simulator.FaultPlan plan);
            Assert.Equal(50, plan.HostToModule.IdleNoiseMs);
            Assert.Equal(30, plan.ModuleToHost.IdleNoiseMs);
            Assert.Equal(0.25, plan.ModuleToHost.CorruptRate);
            Assert.Equal(2, plan.MissBootWindows);
            Assert.Single(plan.BlockFaults);

            foreach (string bad in new[] { "idle-noise:0", "idle-noise:x", "status:3", "sparkle:1" })
            {
                CliException e = Assert.Throws<CliException>(() => new SimulatorSettings { Faults = new[] { bad } }.CreateModule(out _));
                Assert.Equal(ExitCode.Usage, e.Code);
                Assert.Contains(bad, e.Message);
            }
        }

        [Fact]
        public void TraceDecoder_GivesSyncBytesTheirOwnLine_EvenBehindBootNoise()
        {
            List<string> lines = new List<string>();
            TraceDecoder decoder = new TraceDecoder((t, text) => lines.Add(text));
            decoder.Bytes(0, true, new byte[] { 0xB5, 0xB5 }, 0, 2);
            decoder.Bytes(10, false, new byte[] { 0xB6, 0x00, 0xFF, 0x5B, 0x9A }, 0, 5);
            decoder.Flush();
            Assert.Equal(new[] { "tx  B5 SYNC_WORD1 ×2", "rx  3 bytes outside frames: B6 00 FF", "rx  5B SYNC_WORD_RSP1", "rx  9A SYNC_WORD_RSP2" }, lines);
        }

        [Fact]
        public void Readme_ExitCodeTable_IsTheToolsTable()
        {
            string readme = File.ReadAllText(Path.Combine(McuUpdater.Tests.Host.Guards.RepoPaths.Root, "README.md"));
            List<string> rows = new List<string>();
            foreach (string line in readme.Split('\n'))
            {
                string[] cells = line.Split('|');
                if (cells.Length == 5 && int.TryParse(cells[1].Trim(), out _))
                {
                    rows.Add(cells[1].Trim() + " " + cells[2].Trim() + " " + cells[3].Trim());
                }
            }

            List<string> expected = new List<string>();
            foreach (KeyValuePair<ExitCode, string> row in ExitCodes.All)
            {
                expected.Add(((int)row.Key).ToString() + " " + row.Key + " " + row.Value);
            }

            Assert.Equal(expected, rows);
        }

        [Fact]
        public void Readme_ConfigurationExample_Parses()
        {
            string readme = File.ReadAllText(Path.Combine(McuUpdater.Tests.Host.Guards.RepoPaths.Root, "README.md"));
            int section = readme.IndexOf("## The device's configuration file", StringComparison.Ordinal);
            Assert.True(section >= 0, "README has the configuration section");
            int start = readme.IndexOf("```\n", section, StringComparison.Ordinal) + 4;
            int end = readme.IndexOf("```", start, StringComparison.Ordinal);
            McuUpdater.Application.UpdaterSettings s = McuUpdater.Application.ConfigFile.Parse(readme.Substring(start, end - start), "README.md", null);
            Assert.Equal("D:\\fw\\EC21.pkg", s.ImagePath);
            Assert.Equal(5, s.MaxAttempts);
        }

        [Fact]
        public void Journal_Verb_TellsPendingFromDone()
        {
            string folder = Path.Combine(Path.GetTempPath(), "mcuupdater-journal-cli-" + Guid.NewGuid().ToString("N"));
            try
            {
                Assert.Equal((int)ExitCode.ImageNotFound, CliHarness.Run("journal", folder).Code);

                Directory.CreateDirectory(folder);
                CliRun empty = CliHarness.Run("journal", folder);
                Assert.Equal(0, empty.Code);
                Assert.Contains("no journal records", empty.Output);

                McuUpdater.Storage.UpdateJournal journal = new McuUpdater.Storage.UpdateJournal(new McuUpdater.Storage.FileJournalStore(folder));
                journal.MarkPending("D:\\fw\\EC21.pkg", 1234, "V2", 0xBEEF);
                CliRun pending = CliHarness.Run("journal", folder);
                Assert.Equal((int)ExitCode.UpdateFailed, pending.Code);
                Assert.Contains("update pending", pending.Output);
                Assert.Contains("0xBEEF", pending.Output);
                Assert.Contains("cut off by a reset", pending.Output);

                journal.MarkDone((int)UpdateOutcome.Success);
                CliRun done = CliHarness.Run("journal", folder);
                Assert.Equal(0, done.Code);
                Assert.Contains("nothing pending", done.Output);
                Assert.Contains("Success", done.Output);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, true);
                }
            }
        }

        [Fact]
        public void SimulatorSettings_TakeTheRomsMtuUnlessTold()
        {
            Assert.Equal(8224, new SimulatorSettings().CreateModule(out _).Options.Mtu);
            Assert.Equal(16384, new SimulatorSettings { Rom = "quirks" }.CreateModule(out _).Options.Mtu);
            Assert.Equal(0, new SimulatorSettings { Rom = "quirks" }.CreateModule(out _).Options.FlashWriteMs);
            Assert.Equal(1024, new SimulatorSettings { Rom = "quirks", Mtu = 1024 }.CreateModule(out _).Options.Mtu);
            Assert.Equal(16384, new SimulatorSettings { Rom = "quirks" }.EffectiveMtu);
        }

        [Fact]
        public void Trace_WriterAndReader_RoundTrip()
        {
            StringWriter text = new StringWriter();
            using (TraceWriter writer = new TraceWriter(text))
            {
                writer.Power(false);
                writer.Bytes(true, new byte[] { 0xAA, 0x00, 0xB5 }, 1, 2);
                writer.Bytes(false, new byte[] { 0x5B }, 0, 1);
                writer.Power(true, released: true);
            }

            string[] lines = text.ToString().Trim().Split('\n');
            Assert.Equal(4, lines.Length);
            TraceEvent bytes = TraceReader.Parse(lines[1]);
            Assert.True(bytes.Tx);
            Assert.Equal(new byte[] { 0x00, 0xB5 }, bytes.Data);
            Assert.Matches("^\\{\"t_us\":\\d+,\"dir\":\"tx\",\"hex\":\"00B5\"\\}", lines[1]);
            Assert.Equal("off", TraceReader.Parse(lines[0]).Power);
            Assert.True(TraceReader.Parse(lines[3]).Released);
        }

        [Theory]
        [InlineData("none", "none")]
        [InlineData("DTR", "dtr")]
        [InlineData("rts-inv", "rts")]
        [InlineData("gpio:0:17", "gpio")]
        [InlineData("gpio:2:5:low", "gpio")]
        public void PowerSpec_ParsesTheDocumentedForms(string text, string kind)
        {
            Assert.Equal(kind, PowerSpec.Parse(text).Kind);
        }

        [Theory]
        [InlineData("gpio:x:1")]
        [InlineData("usb")]
        [InlineData("gpio:1")]
        public void PowerSpec_RejectsOtherForms(string text)
        {
            CliException ex = Assert.Throws<CliException>(() => PowerSpec.Parse(text));
            Assert.Equal(ExitCode.PowerControlUnavailable, ex.Code);
        }

        [Fact]
        public void Help_ListsEachVerbOnItsOwnLine()
        {
            CliRun run = CliHarness.Run("--help");
            Assert.True(run.Code == 0, run.ToString());
            string[] lines = run.Output.Split('\n');
            foreach (string verb in new[] { "flash", "package", "inspect", "simulate", "relay", "demo", "ports", "trace", "exit-codes" })
            {
                Assert.True(Array.Exists(lines, l => l.TrimStart().StartsWith(verb + " ", StringComparison.Ordinal)), "no help line starts with '" + verb + "':\n" + run.Output);
            }
        }
}
}
