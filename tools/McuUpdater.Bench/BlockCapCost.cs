using System;
using System.Globalization;
using System.IO;
using System.Text;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;

namespace McuUpdater.Bench
{
    /// <summary>
    /// What the memory-saving default block cap costs in throughput: the same 2.85 MB update at each
    /// MTU with the default cap (8212) and the opt-in one (16372), measured in virtual time.
    /// </summary>
    internal static class BlockCapCost
    {
        private const int LineRate = Wire.BaudRate / 10;
        private const int ImageBytes = 2988442;

        /// <summary>The table (markdown): block, frame buffers, throughput and its share of the line, per MTU and cap.</summary>
        public static string Table()
        {
            byte[] image = new byte[ImageBytes];
            new Random(2850).NextBytes(image);
            StringBuilder t = new StringBuilder();
            t.AppendLine("| MTU | block cap | block B | frame buffers | payload B/s (virtual) | share of the line | bound B/(B+24) | 2.85 MB download |");
            t.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (int mtu in new[] { 1024, 8224, 16384 })
            {
                foreach (int cap in new[] { UpdateOptions.DefaultMaxBlockSize, UpdateOptions.LargeMaxBlockSize })
                {
                    int block = Wire.BlockSizeForMtu(mtu, cap);
                    double seconds = DownloadSeconds(mtu, cap, image);
                    double throughput = ImageBytes / seconds;
                    t.AppendLine(string.Format(
                        CultureInfo.InvariantCulture,
                        "| {0} | {1} ({2}) | {3} | {4:N0} B | {5:F1} | {6:P2} | {7:P2} | {8:F1} s |",
                        mtu,
                        cap,
                        cap == UpdateOptions.DefaultMaxBlockSize ? "default" : "opt-in",
                        block,
                        2 * (cap + Wire.DataFrameOverhead),
                        throughput,
                        throughput / LineRate,
                        (double)block / (block + Wire.DataFrameOverhead + 13),
                        seconds));
                }
            }

            return t.ToString();
        }

        private static double DownloadSeconds(int mtu, int cap, byte[] image)
        {
            SimulatorOptions sim = SimulatorOptions.Documented();
            sim.Mtu = mtu;
            sim.FlashWriteMs = 0;
            sim.ExpectedImageSize = image.Length;
            sim.KeepImageLimit = 0;
            ModuleSimulator module = new ModuleSimulator(sim);
            VirtualWire wire = new VirtualWire(module);
            UpdateOptions options = new UpdateOptions();
            options.MaxBlockSize = cap;
            options.CheckVersion = false;
            UpdateSession session = new UpdateSession(wire.HostLink, wire.Power, wire.Clock, options);
            DownloadMeter meter = new DownloadMeter(wire, session.Events);
            UpdateResult r = session.Run(new BinImage(new MemoryStream(image, false), "cap.bin"));
            if (r.Outcome != UpdateOutcome.Success || !module.ImageMatches(image))
            {
                throw new InvalidOperationException("block cap bench failed: " + r.Outcome + " " + r.Detail);
            }

            return meter.DownloadNs / 1e9;
        }
    }
}
