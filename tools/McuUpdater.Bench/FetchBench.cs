using System;
using System.Globalization;
using System.IO;
using System.Text;
using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Modem;
using McuUpdater.Protocol;
using McuUpdater.Simulator;
using McuUpdater.Storage;

namespace McuUpdater.Bench
{
    /// <summary>
    /// Fetch throughput through the simulated module's TCP/IP AT commands in virtual time: body bytes
    /// per second of a ~300 KB package against the UART's 11 520 B/s, with the AT framing the module
    /// adds around each read (<c>+QIRD</c> header, CR LF, OK) shown, per dialect and read size.
    /// </summary>
    internal static class FetchBench
    {
        private const int LineRate = Wire.BaudRate / 10;
        private const int FirmwareLength = 300 * 1024;
        private const string Host = "fw.example.com";
        private const string ServerPath = "/fw/bench.pkg";

        /// <summary>Target: body bytes/s with 1500-byte reads, as a share of the line rate.</summary>
        public const double Target = 0.90;

        /// <summary>Runs every row; returns the report section (markdown) and whether the 1500-byte rows met the target.</summary>
        public static string Run(out bool ok)
        {
            byte[] firmware = new byte[FirmwareLength];
            new Random(300).NextBytes(firmware);
            byte[] package = QuecFotaPackageWriter.Build(firmware, "BENCH01");
            StringBuilder table = new StringBuilder();
            table.AppendLine("| dialect | read size | package bytes | body B/s (virtual) | share of 11 520 B/s | module→MCU bytes per body byte | AT framing overhead | whole fetch s (bring-up, connect, body) |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            ok = true;
            foreach (AtDialect dialect in new[] { AtDialect.Qi, AtDialect.Legacy })
            {
                foreach (int read in new[] { 1500, 1024, 512 })
                {
                    Row row = Measure(package, dialect, read);
                    if (read == 1500)
                    {
                        ok &= row.Share >= Target;
                    }

                    table.AppendLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "| {0} | {1} | {2:N0} | {3:F0} | {4:P1} | {5:F4} | {6:P2} | {7:F1} |",
                        dialect == AtDialect.Qi ? "qi" : "legacy", read, package.Length, row.BodyRate, row.Share, row.WirePerBody, row.Framing, row.WholeSeconds));
                }
            }

            return "Fetch throughput (McuUpdater.Bench fetch): PackageFetcher + the module's AT sockets (ModuleNetworks) against the simulated module's firmware in virtual time, "
                + "its sockets on an in-memory network (module buffer 8 KB, taken from the network every 5 ms), the UART paced at 115200 baud. "
                + "Body B/s = body bytes / virtual time from each answer's head to its last body byte; the framing overhead is the share of module→MCU bytes during the fetch that are not body "
                + "(read headers, CR LF, OK; echo is off after ATE0). The MCU's read commands go the other way on the full-duplex line but cost a round trip per read.\n\n"
                + table.ToString()
                + "\nTarget: ≥ " + (Target * 100).ToString("F0", CultureInfo.InvariantCulture) + " % of the line rate with 1500-byte reads: " + (ok ? "met" : "NOT met") + ".\n";
        }

        private static Row Measure(byte[] package, AtDialect dialect, int read)
        {
            SimulatorOptions sim = SimulatorOptions.Documented();
            sim.AtDialect = dialect;
            sim.Network = new MemoryNetwork().Serve(Host, 80, new Responder(package).Respond);
            ModuleSimulator module = new ModuleSimulator(sim);
            VirtualWire wire = new VirtualWire(module);
            wire.Power.On();
            wire.Power.Release();

            ModemSettings modem = new ModemSettings();
            modem.Dialect = dialect;
            modem.Apn = "internet";
            modem.ReadChunk = read;
            IModuleNetwork network = ModuleNetworks.Create(wire.HostLink, wire.Clock, modem, null);

            string folder = Path.Combine(Path.GetTempPath(), "mcuupdater-fetch-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                FetchOptions options = new FetchOptions();
                options.Host = Host;
                options.Path = ServerPath;
                options.PackagePath = Path.Combine(folder, "bench.pkg");
                options.ExpectedVersion = "BENCH01";
                options.BufferSize = read;
                PackageFetcher fetcher = new PackageFetcher(network, new FileDeviceStorage(), null, wire.Clock, options);
                long wireBefore = wire.ModuleBytesSent;
                FetchResult r = fetcher.Fetch();
                if (!r.Succeeded || r.BodyBytes != package.Length)
                {
                    throw new InvalidOperationException("benchmark fetch failed: " + FetchOutcomeNames.Name(r.Outcome) + " " + r.Detail);
                }

                long wireBytes = wire.ModuleBytesSent - wireBefore;
                Row row = new Row();
                row.BodyRate = r.BodyBytes * 1000.0 / r.BodyMs;
                row.Share = row.BodyRate / LineRate;
                row.WirePerBody = (double)wireBytes / r.BodyBytes;
                row.Framing = (double)(wireBytes - r.BodyBytes) / wireBytes;
                row.WholeSeconds = r.ElapsedMs / 1000.0;
                return row;
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        private sealed class Row
        {
            public double BodyRate;
            public double Share;
            public double WirePerBody;
            public double Framing;
            public double WholeSeconds;
        }

        // The server: the whole package, 200 with Content-Length (the bench measures the transfer, not the faults).
        private sealed class Responder
        {
            private readonly byte[] _answer;

            public Responder(byte[] package)
            {
                byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: " + package.Length.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n");
                _answer = new byte[head.Length + package.Length];
                Buffer.BlockCopy(head, 0, _answer, 0, head.Length);
                Buffer.BlockCopy(package, 0, _answer, head.Length, package.Length);
            }

            public byte[] Respond(byte[] request, int length) => _answer;
        }
    }
}
