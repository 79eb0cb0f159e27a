using System;
using System.IO;
using McuUpdater.Cli;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>Bad input of every kind gets a clear message and the documented code (issue 11, item 6).</summary>
    public class BadInputTests
    {
        [Fact]
        public void Help_NamesOnlyTheBandsThatExist()
        {
            CliRun run = CliHarness.Run("--help");
            Assert.Contains("30-39 module", run.Output);
            Assert.DoesNotContain("30-49", run.Output);
            // Every code falls in a band the help names, and every band the help names has codes.
            System.Collections.Generic.List<int[]> bands = new System.Collections.Generic.List<int[]>();
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(run.Output, "\\b(\\d+)(?:-(\\d+))? [a-zA-Z]"))
            {
                int from = int.Parse(m.Groups[1].Value);
                bands.Add(new[] { from, m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : from });
            }

            foreach (System.Collections.Generic.KeyValuePair<ExitCode, string> row in ExitCodes.All)
            {
                int code = (int)row.Key;
                Assert.True(bands.Exists(b => code >= b[0] && code <= b[1]) || code == 1, row.Key + " (" + code + ") is outside the bands the help names");
            }

            foreach (int[] band in bands)
            {
                Assert.True(Array.Exists(Enum.GetValues<ExitCode>(), c => (int)c >= band[0] && (int)c <= band[1]), "the help names " + band[0] + "-" + band[1] + ", which has no code");
            }
        }

        [Fact]
        public void Inspect_ExpectVersionOnARawBin_WarnsOrWithRequireVersionExits35()
        {
            string bin = CliHarness.TempFile("fw.bin");
            File.WriteAllBytes(bin, CliHarness.Bytes(500, 61));

            CliRun warned = CliHarness.Run("inspect", bin, "--expect-version", "V9");
            Assert.True(warned.Code == 0, warned.ToString());
            Assert.Contains("warning:", warned.Error);
            Assert.Contains("cannot be checked", warned.Error);

            CliRun strict = CliHarness.Run("inspect", bin, "--expect-version", "V9", "--require-version");
            Assert.True(strict.Code == (int)ExitCode.VersionMismatch, strict.ToString());
            Assert.Contains("declares no version", strict.Error);
        }

        [Fact]
        public void Journal_WithOnlyUnreadableRecords_IsUnknownNotAllClear()
        {
            string folder = Path.GetDirectoryName(CliHarness.TempFile("x"));
            File.WriteAllText(Path.Combine(folder, "journal.0"), "torn write\n");
            File.WriteAllText(Path.Combine(folder, "journal.1"), "MCUJ|garbage|0000\n");

            CliRun run = CliHarness.Run("journal", folder);

            Assert.True(run.Code == (int)ExitCode.UpdateFailed, run.ToString());
            Assert.Contains("state unknown: no readable record", run.Output);
            Assert.DoesNotContain("nothing pending", run.Output);
        }

        [Theory]
        [InlineData("{\"t_us\":2,\"dir\":\"tx\",\"hex\":null}")]
        [InlineData("{\"t_us\":\"2\",\"dir\":\"tx\",\"hex\":\"B5\"}")]
        [InlineData("{\"t_us\":2,\"dir\":7,\"hex\":\"B5\"}")]
        [InlineData("{\"t_us\":2,\"power\":null}")]
        [InlineData("[1,2]")]
        [InlineData("{\"t_us\":99999999999999999,\"dir\":\"tx\",\"hex\":\"B5\"}")]
        [InlineData("{\"t_us\":-5,\"dir\":\"tx\",\"hex\":\"B5\"}")]
        public void Trace_MalformedLine_Exits60WithItsLineNumber(string line)
        {
            string file = CliHarness.TempFile("bad.jsonl");
            File.WriteAllText(file, "{\"t_us\":1,\"dir\":\"tx\",\"hex\":\"B5\"}\n" + line + "\n");

            CliRun run = CliHarness.Run("trace", file);

            Assert.True(run.Code == (int)ExitCode.TraceInvalid, run.ToString());
            Assert.Contains(file + ":2:", run.Error);
        }

        [Fact]
        public void Trace_TimesGoingBack_AreClampedAndSaid_TheVcdNeverGoesBack()
        {
            string file = CliHarness.TempFile("back.jsonl");
            string vcd = CliHarness.TempFile("back.vcd");
            File.WriteAllText(file,
                "{\"t_us\":5000,\"dir\":\"tx\",\"hex\":\"B5B5\"}\n"
                + "{\"t_us\":10,\"dir\":\"rx\",\"hex\":\"5B9A\"}\n"
                + "{\"t_us\":3000,\"power\":\"off\"}\n");

            CliRun run = CliHarness.Run("trace", file, "--vcd", vcd);

            Assert.True(run.Code == 0, run.ToString());
            Assert.Contains(file + ":2: time goes back; 2 event(s)", run.Error);
            long last = -1;
            foreach (string line in File.ReadAllLines(vcd))
            {
                if (line.StartsWith('#'))
                {
                    long t = long.Parse(line.Substring(1));
                    Assert.True(t > last, "VCD time " + t + " after " + last);
                    last = t;
                }
            }
        }
    }
}
