using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>With the device CPU model, reading and sealing frame k+1 happens while frame k is on the wire, not between the answer and the next frame.</summary>
    [TestClass]
    public class FrameOverlapTests
    {
        // 20 ms per 8 KB block, the benchmark's device figure.
        private const long CpuNsPerKb = 2500000;

        [TestMethod]
        [DataRow(0, true)]
        [DataRow(1, true)]
        [DataRow(2, true)]
        [DataRow(4, false)]
        public void Download_PreparesTheNextFrameWhileThisOneIsOnTheWire(int wire, bool overlaps)
        {
            int blocks = 4;
            SimulatorOptions sim = EngineRig.Simulator(0, 8224);
            sim.FlashWriteMs = 0;
            sim.ExpectedImageSize = blocks * 8212;
            EngineRig rig = EngineRig.ForWire(wire, sim, null, null);
            rig.Wire.CpuNsPerKb = CpuNsPerKb;
            SendLog log = new SendLog(rig.Wire.ByteTimeNs);
            rig.Wire.Tap = log;
            rig.UpdateAndCheck(EngineRig.Image(sim.ExpectedImageSize, 51), "device CPU model");
            Assert.IsTrue(rig.Wire.CpuNsCharged >= blocks * 20000000L, "every block was charged its 20 ms");

            // Frame then answer: 8223 + 13 bytes at 115 200.
            long cycleMs = (8236L * 10 * 1000 + 115199) / 115200;
            Assert.AreEqual(blocks, log.Count, "one frame per block");
            for (int i = 1; i < log.Count; i++)
            {
                long gap = log.StartMs[i] - log.StartMs[i - 1];
                if (overlaps)
                {
                    Assert.IsTrue(gap <= cycleMs + 1, "block " + i.ToString() + " starts as soon as block " + (i - 1).ToString() + " is answered: " + gap.ToString() + " ms for a " + cycleMs.ToString() + " ms cycle");
                }
                else
                {
                    Assert.IsTrue(gap >= cycleMs + 19, "without a writer thread the 20 ms of block work come after the answer: " + gap.ToString() + " ms");
                }
            }
        }
    }
}
