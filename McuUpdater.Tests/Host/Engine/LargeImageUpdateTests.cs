using System.IO;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>
    /// The real-size image (2.85 MB) and 16 KB-frame timing in virtual time: the image, two 16 KB
    /// frame buffers and the simulator's copy do not fit a board's 192 KB heap together, so host only.
    /// </summary>
    [TestClass]
    public class LargeImageUpdateTests
    {
        private const int Length = 2988442;

        [TestMethod]
        [DataRow(2000, 0, 0)]
        [DataRow(3200, 1, 0)]
        [DataRow(2000, 0, 1)]
        [DataRow(3200, 1, 1)]
        [DataRow(2000, 0, 2)]
        [DataRow(3200, 1, 2)]
        [DataRow(2000, 0, 4)]
        [DataRow(3200, 1, 4)]
        public void Download_TimeoutRunsFromTheFramesLastByte(int slowMs, int resends, int wire)
        {
            // A 16 KB frame is 1.42 s on the wire at 115 200: the 3 s start when it has left.
            SimulatorOptions sim = EngineRig.Simulator(1, 16384);
            byte[] image = EngineRig.Image(3 * 16372, 12);
            sim.ExpectedImageSize = image.Length;
            UpdateOptions options = EngineRig.Defaults();
            options.MaxBlockSize = UpdateOptions.LargeMaxBlockSize;
            EngineRig rig = EngineRig.ForWire(wire, sim, new FaultPlan(12).SlowAt(1, slowMs), options);
            UpdateResult r = rig.UpdateAndCheck(image, "slow answer to a 16 KB frame");
            Assert.AreEqual(16372, r.BlockSize, "largest even block under MTU 16384");
            Assert.AreEqual(resends, r.Resends, "answered " + slowMs.ToString() + " ms after the frame arrived");
        }


        [TestMethod]
        [DataRow(0, 8224)]
        [DataRow(0, 1024)]
        [DataRow(1, 16384)]
        public void Update_FullSizeImageArrivesByteExact(int variant, int mtu)
        {
            byte[] firmware = EngineRig.Image(Length, 285);
            SimulatorOptions sim = EngineRig.Simulator(variant, mtu);
            sim.ExpectedImageSize = Length;
            if (variant == 1)
            {
                // Quirk ROM with its bursty flash: most answers at once, one slow one per 64 KB.
                sim.BurstBytes = 64 * 1024;
                sim.BurstWriteMs = 400;
            }

            EngineRig rig = new EngineRig(sim, null, null);
            byte[] package = QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion);
            UpdateResult r = rig.Session.Run(new QuecFotaPackage(new MemoryStream(package), "full.pkg"));
            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "2.85 MB");
            Assert.IsTrue(rig.Module.ImageMatches(firmware), "byte-exact (length + CRC-32)");
            Assert.AreEqual(0, r.Resends, "no resends: the bursts stay inside the 3 s timeout");

            // Stop-and-wait bound of protocol.md plus the module's modelled flash time, within 1 %.
            int block = r.BlockSize;
            long blocks = (Length + block - 1) / block;
            double boundMs = (double)Length * (block + 24) / block / 11.52;
            double flashMs = variant == 1 ? (Length / sim.BurstBytes) * sim.BurstWriteMs : blocks * sim.FlashWriteMs;
            Assert.IsTrue(r.DownloadMs >= boundMs, "not faster than the line");
            Assert.IsTrue(r.DownloadMs <= ((boundMs + flashMs) * 1.01) + 1000, "close to the bound: " + r.DownloadMs.ToString() + " ms vs " + ((long)(boundMs + flashMs)).ToString());
        }
    }
}
