using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    [TestClass]
    public class UpdateHappyPathTests
    {
        // Image sizes relative to the block the MTU gives: 1 byte, odd over several blocks, an exact
        // multiple of the block, one byte short of a block.
        private static int SizeOf(int kind, int block)
        {
            switch (kind)
            {
                case 0: return 1;
                case 1: return block + 333;
                case 2: return 2 * block;
                default: return block - 1;
            }
        }

        [TestMethod]
        [DataRow(0, 1024, 0)]
        [DataRow(0, 1024, 1)]
        [DataRow(0, 1024, 2)]
        [DataRow(0, 1024, 3)]
        [DataRow(0, 8224, 0)]
        [DataRow(0, 8224, 1)]
        [DataRow(0, 8224, 2)]
        [DataRow(0, 8224, 3)]
        [DataRow(0, 1001, 0)]
        [DataRow(0, 1001, 1)]
        [DataRow(0, 1001, 2)]
        [DataRow(0, 1001, 3)]
        [DataRow(1, 1024, 0)]
        [DataRow(1, 1024, 1)]
        [DataRow(1, 1024, 2)]
        [DataRow(1, 1024, 3)]
        [DataRow(1, 8224, 0)]
        [DataRow(1, 8224, 1)]
        [DataRow(1, 8224, 2)]
        [DataRow(1, 8224, 3)]
        [DataRow(1, 1001, 0)]
        [DataRow(1, 1001, 1)]
        [DataRow(1, 1001, 2)]
        [DataRow(1, 1001, 3)]
        public void Update_WritesByteExactImage(int variant, int mtu, int sizeKind)
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, mtu), null, null);
            int block = rig.BlockSize;
            byte[] image = EngineRig.Image(SizeOf(sizeKind, block), (uint)(mtu + sizeKind));

            // The module refuses (quirk ROM: hangs on) anything past the announced size.
            rig.Module.Options.ExpectedImageSize = image.Length;
            UpdateResult r = rig.UpdateAndCheck(image, "variant " + variant.ToString() + " MTU " + mtu.ToString());

            Assert.AreEqual(mtu, r.Mtu, "MTU from BEGIN_RSP");
            Assert.AreEqual(block, r.BlockSize, "block = largest even ≤ MTU - 11");
            Assert.AreEqual((image.Length + block - 1) / block, (int)r.DataFramesSent, "one DATA frame per block, none resent");
            Assert.AreEqual(0, r.Resends, "no resends");
            Assert.AreEqual(0, r.Restarts, "no restarts");
            Assert.AreEqual(0, rig.Module.FramesRejected, "the module refused nothing");
            Assert.AreEqual(variant == 0, r.SyncGot9A, "0x9A only from the documented ROM");
            Assert.AreEqual(1, r.PowerCycles, "one power cycle");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Update_CapsBlockAtConfiguredMaximum(int variant)
        {
            UpdateOptions options = EngineRig.Defaults();
            options.MaxBlockSize = 2001;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 16384), null, options);
            byte[] image = EngineRig.Image(9000, 7);
            UpdateResult r = rig.UpdateAndCheck(image, "capped block");
            Assert.AreEqual(2000, r.BlockSize, "cap made even");
            Assert.AreEqual(5, (int)r.DataFramesSent, "9000 bytes in 2000-byte blocks");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Update_RaisesPhasesInOrderAndProgressToTheEnd(int variant)
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), null, null);
            PhaseRecorder recorder = new PhaseRecorder(rig.Session.Events);
            byte[] image = EngineRig.Image(5000, 3);
            rig.UpdateAndCheck(image, "events");
            Assert.AreEqual("Verifying PowerCycling Syncing Beginning Downloading Ending Running CheckingVersion Done", recorder.Phases, "phase order");
            Assert.AreEqual(5000L, recorder.LastBytes, "progress ends at the image length");
            Assert.AreEqual(5000L, recorder.Total, "total bytes");
            Assert.AreEqual(5, recorder.LastBlocks, "blocks done");
            Assert.AreEqual(recorder.LastBlocks, recorder.TotalBlocks, "all blocks");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Update_ReadsVersionWithEchoOnWhenAte0IsNotSent(int variant)
        {
            UpdateOptions options = EngineRig.Defaults();
            options.SendAte0 = false;
            EngineRig rig = new EngineRig(EngineRig.Simulator(variant, 1024), null, options);
            rig.UpdateAndCheck(EngineRig.Image(100, 1), "echo on");
        }

        [TestMethod]
        public void Update_WithoutVersionCheckSucceedsOnRunResponse()
        {
            UpdateOptions options = EngineRig.Defaults();
            options.CheckVersion = false;
            EngineRig rig = new EngineRig(EngineRig.Simulator(1, 1024), null, options);
            byte[] image = EngineRig.Image(2048, 4);
            UpdateResult r = rig.Update(image);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "no version check");
            Assert.AreEqual(3, r.RunStatus, "the quirk ROM answers RUN with status 3 (informational)");
            Assert.IsNull(r.FirmwareVersion, "nothing asked");
            Assert.IsTrue(rig.Module.ImageMatches(image), "image");
        }
    }
}
