using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;

namespace McuUpdater.Bench
{
    /// <summary>
    /// Benchmark of the update engine against the module simulator in virtual time: payload
    /// throughput versus protocol.md's stop-and-wait bound, CPU time per MB, allocations per DATA
    /// frame, and full simulated updates per second; then bytes allocated at construction and the
    /// relay's cost per KB. Usage: [--out docs/benchmarks.md] [--runs N]; `memory` or `relay` for one part;
    /// or `campaign [RUNS [FIRST_SEED]]` for a seeded fault campaign (see <see cref="FaultCampaign"/>).
    /// </summary>
    internal static class Program
    {
        private const int LineRate = Wire.BaudRate / 10;
        private const int Size256K = 256 * 1024;
        private const int Size285M = 2988442;

        private static int Main(string[] args)
        {
            string outPath = null;
            int runs = 5;
            if (args.Length == 2 && args[0] == "replay")
            {
                FaultCampaign.Outcome o = FaultCampaign.One(int.Parse(args[1], CultureInfo.InvariantCulture), true);
                Console.WriteLine(OutcomeNames.Name(o.Result.Outcome) + ": " + o.Result.Detail + (o.Problem != null ? " — " + o.Problem : string.Empty));
                return o.Problem == null ? 0 : 1;
            }

            if (args.Length == 1 && args[0] == "memory")
            {
                Console.Write(ConstructionAllocations.Section());
                return 0;
            }

            if (args.Length == 1 && args[0] == "relay")
            {
                Console.Write(RelayCost.Section());
                return 0;
            }

            if (args.Length >= 1 && args[0] == "campaign")
            {
                int count = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
                int first = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
                return FaultCampaign.Run(count, first);
            }

            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--out" && i + 1 < args.Length)
                {
                    outPath = args[++i];
                }
                else if (args[i] == "--runs" && i + 1 < args.Length)
                {
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                }
                else
                {
                    Console.Error.WriteLine("usage: McuUpdater.Bench [--out FILE.md] [--runs N] | memory | relay | campaign [RUNS [FIRST_SEED]] | replay SEED");
                    return 2;
                }
            }

            StringBuilder table = new StringBuilder();
            table.AppendLine("| MTU | block B | image bytes | payload B/s (virtual) | bound B/(B+24)×11520 | ratio to bound | CPU ms per MB | bytes alloc per DATA frame |");
            table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            bool ok = true;
            foreach (int mtu in new[] { 1024, 8224 })
            {
                foreach (int size in new[] { Size256K, Size285M })
                {
                    // Warm-up run so JIT tiering does not land in the measured one.
                    Measure(mtu, size);
                    Row row = Measure(mtu, size);
                    ok &= row.Ratio >= 0.995 && row.BytesPerFrame == 0;
                    table.AppendLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "| {0} | {1} | {2:N0} | {3:F1} | {4:F1} | {5:P2} | {6:F1} | {7} |",
                        mtu, row.Block, size, row.Throughput, row.Bound, row.Ratio, row.CpuMsPerMb, row.BytesPerFrame.ToString("F1", CultureInfo.InvariantCulture)));
                }
            }

            double perSecond = FullUpdatesPerSecond(8224, Size285M, runs, out double virtualSeconds);
            string summary = string.Format(
                CultureInfo.InvariantCulture,
                "Full simulated updates (sync, BEGIN, {0:N0}-byte image, END, RUN, AT version check; MTU 8224, documented ROM, flash time 0): {1:F2} per wall-clock second on one thread ({2:F1} s of virtual time each, mean of {3} runs).",
                Size285M, perSecond, virtualSeconds, runs);

            string report = "Module flashing benchmark (McuUpdater.Bench): engine + simulator in virtual time, documented ROM answering instantly (flash time 0).\n"
                + "Images: 256 KiB = 262 144 bytes, 2.85 MB = 2 988 442 bytes (seeded random). Throughput = image bytes / virtual time from the first DATA frame to the last DATA_RSP.\n"
                + "Allocations: GC.GetAllocatedBytesForCurrentThread between 25 % and 75 % of the blocks (engine and simulator on the same thread).\n\n"
                + table.ToString() + "\n" + summary + "\n";
            // Device-side figures (issue 9, items 7 and 8): allocations at construction and the relay's cost.
            report += "\n" + ConstructionAllocations.Section() + "\n" + RelayCost.Section();
            ok &= ConstructionAllocations.SessionFits();
            Console.Write(report);
            if (outPath != null)
            {
                string dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
                Directory.CreateDirectory(dir);
                File.WriteAllText(outPath, "# Benchmarks\n\n" + report + "\nTargets: ≥ 99.5 % of the bound, 0 bytes per frame, update session with its link < 40 KB at construction: " + (ok ? "met" : "NOT met") + ".\n");
                Console.WriteLine("written to " + outPath);
            }

            Console.WriteLine(ok ? "targets met (>= 99.5 % of bound, 0 bytes/frame, session < 40 KB)" : "TARGETS NOT MET");
            return ok ? 0 : 1;
        }

        private static Row Measure(int mtu, int size)
        {
            byte[] image = Image(size);
            Rig rig = new Rig(mtu, size);
            DownloadMeter meter = new DownloadMeter(rig.Wire, rig.Session.Events);
            rig.Session.Options.CheckVersion = false;
            long cpuStart = Process.GetCurrentProcess().TotalProcessorTime.Ticks;
            Stopwatch wall = Stopwatch.StartNew();
            UpdateResult r = rig.Session.Run(new BinImage(new MemoryStream(image, false), "bench.bin"));
            wall.Stop();
            long cpuTicks = Process.GetCurrentProcess().TotalProcessorTime.Ticks - cpuStart;
            Check(r, rig, image);

            int block = Wire.BlockSizeForMtu(mtu, rig.Session.Options.MaxBlockSize);
            Row row = new Row();
            row.Block = block;
            row.Throughput = size / (meter.DownloadNs / 1e9);
            row.Bound = (double)block / (block + Wire.DataFrameOverhead + 13) * LineRate;
            row.Ratio = row.Throughput / row.Bound;
            row.CpuMsPerMb = TimeSpan.FromTicks(cpuTicks).TotalMilliseconds / (size / 1e6);
            row.BytesPerFrame = meter.BytesPerFrame;
            return row;
        }

        private static double FullUpdatesPerSecond(int mtu, int size, int runs, out double virtualSeconds)
        {
            byte[] image = Image(size);
            virtualSeconds = 0;
            Stopwatch wall = new Stopwatch();
            for (int i = 0; i <= runs; i++)
            {
                Rig rig = new Rig(mtu, size);
                MemoryStream stream = new MemoryStream(image, false);
                if (i > 0)
                {
                    wall.Start();
                }

                UpdateResult r = rig.Session.Run(new BinImage(stream, "bench.bin"));
                wall.Stop();
                Check(r, rig, image);
                virtualSeconds = rig.Wire.NowNs / 1e9;
            }

            return runs / wall.Elapsed.TotalSeconds;
        }

        private static void Check(UpdateResult r, Rig rig, byte[] image)
        {
            if (r.Outcome != UpdateOutcome.Success || !rig.Module.ImageMatches(image))
            {
                throw new InvalidOperationException("benchmark update failed: " + r.Outcome + " " + r.Detail);
            }
        }

        private static byte[] Image(int size)
        {
            byte[] image = new byte[size];
            new Random(2850).NextBytes(image);
            return image;
        }

        private sealed class Row
        {
            public int Block;
            public double Throughput;
            public double Bound;
            public double Ratio;
            public double CpuMsPerMb;
            public double BytesPerFrame;
        }

        private sealed class Rig
        {
            public Rig(int mtu, int size)
            {
                SimulatorOptions sim = SimulatorOptions.Documented();
                sim.Mtu = mtu;
                sim.FlashWriteMs = 0;
                sim.ExpectedImageSize = size;

                // Length and CRC-32 only: keeping 2.85 MB of bytes would allocate inside the measurement.
                sim.KeepImageLimit = 0;
                Module = new ModuleSimulator(sim);
                Wire = new VirtualWire(Module);
                UpdateOptions options = new UpdateOptions();
                options.ExpectedVersion = sim.NewFirmwareVersion;
                Session = new UpdateSession(Wire.HostLink, Wire.Power, Wire.Clock, options);
            }

            public ModuleSimulator Module { get; }

            public VirtualWire Wire { get; }

            public UpdateSession Session { get; }
        }
    }
}
