using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using McuUpdater.Cli;
using McuUpdater.Cli.Tracing;
using Xunit;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`trace --vcd` writes VCD that sigrok/PulseView and GTKWave both read (issue 11, item 11), checked by an independent parser.</summary>
    public class VcdTests
    {
        private static readonly byte[] TxBytes = { 0xB5, 0xB5, 0xAA, 0x00, 0x01, 0x00, 0x04, 0x12, 0x34, 0x56, 0x78, 0x9C, 0x0F };
        private static readonly byte[] RxBytes = { 0x5B, 0x9A, 0xAA, 0x00, 0x02 };

        private readonly ITestOutputHelper _output;

        public VcdTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Vcd_IsStrictVcd_SigrokReadable_AndItsWiresDecodeToTheTracedBytes()
        {
            string vcd = WriteVcd(out string bytesVcd);

            StrictVcd waves = StrictVcd.Parse(File.ReadAllText(vcd), sigrokProfile: true);
            Assert.Equal(new[] { "power", "rx", "tx" }, Sorted(waves.Variables.Keys));
            Assert.Equal(TxBytes, waves.Uart("tx", 115200).ToArray());
            Assert.Equal(RxBytes, waves.Uart("rx", 115200).ToArray());
            Assert.Equal(1000L, waves.TimescaleNs); // 8.7 samples a bit at 115200: small enough for sigrok
            Assert.Equal("1", waves.Variables["power"].At(0)); // on until the trace switches it off
            Assert.Equal("0", waves.Variables["power"].At(300));
            Assert.Equal("1", waves.Variables["power"].At(waves.LastTime));

            StrictVcd values = StrictVcd.Parse(File.ReadAllText(bytesVcd), sigrokProfile: false);
            Assert.Equal(8, values.Variables["tx_byte"].Size);
            Assert.Contains(values.Variables["tx_byte"].Changes, c => c.Value == "10110101");
            Assert.Contains(values.Variables["rx_byte"].Changes, c => c.Value == "01011011");
        }

        [Fact]
        public void Vcd_SigrokCli_DecodesTheUartBytes_WhenInstalled()
        {
            string sigrok = FindOnPath("sigrok-cli");
            if (sigrok == null)
            {
                _output.WriteLine("SKIPPED: sigrok-cli is not installed (Debian: apt-get install sigrok-cli); the strict parser test covers the format");
                return;
            }

            string vcd = WriteVcd(out _);
            ProcessStartInfo start = new ProcessStartInfo(sigrok) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-i", vcd, "-P", "uart:rx=tx:baudrate=115200:format=hex", "-A", "uart=rx-data" })
            {
                start.ArgumentList.Add(a);
            }

            using Process p = Process.Start(start);
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120000), "sigrok-cli finished");
            Assert.True(p.ExitCode == 0, stdout + stderr);
            List<string> decoded = new List<string>();
            foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                decoded.Add(line.Substring(line.LastIndexOf(' ') + 1).Trim());
            }

            Assert.Equal(Array.ConvertAll(TxBytes, b => b.ToString("X2")), decoded.ToArray());
        }

        private static string WriteVcd(out string bytesVcd)
        {
            string trace = CliHarness.TempFile("t.jsonl");
            File.WriteAllText(trace,
                "{\"t_us\":100,\"power\":\"off\"}\n"
                + "{\"t_us\":600,\"power\":\"on\"}\n"
                + "{\"t_us\":700,\"dir\":\"tx\",\"hex\":\"" + Convert.ToHexString(TxBytes, 0, 2) + "\"}\n"
                + "{\"t_us\":3000,\"dir\":\"rx\",\"hex\":\"" + Convert.ToHexString(RxBytes, 0, 2) + "\"}\n"
                + "{\"t_us\":5000,\"dir\":\"tx\",\"hex\":\"" + Convert.ToHexString(TxBytes, 2, TxBytes.Length - 2) + "\"}\n"
                + "{\"t_us\":20000,\"dir\":\"rx\",\"hex\":\"" + Convert.ToHexString(RxBytes, 2, RxBytes.Length - 2) + "\"}\n");
            string vcd = CliHarness.TempFile("t.vcd");
            CliRun run = CliHarness.Run("trace", trace, "--vcd", vcd, "-q");
            Assert.True(run.Code == 0, run.ToString());
            bytesVcd = VcdWriter.BytesPath(vcd);
            Assert.True(File.Exists(bytesVcd), run.ToString());
            return vcd;
        }

        private static string[] Sorted(IEnumerable<string> names)
        {
            List<string> list = new List<string>(names);
            list.Sort(StringComparer.Ordinal);
            return list.ToArray();
        }

        private static string FindOnPath(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, name);
                if (dir.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
