using McuUpdater.Application;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>A bench rig flashing three simulated modules at once, one of them failing, with a results log.</summary>
    [TestClass]
    public class BenchRigTests
    {
        private const string ImagePath = "D:\\fw\\module.pkg";

        [TestMethod]
        public void Bench_FlashesEverySlotAtOnceAndLogsEachResult()
        {
            byte[] firmware = EngineRig.Image(4 * 1012 + 9, 71);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(ImagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));

            // Slot 2's module keeps failing its flash at block 1: 4 refusals, 2 per round.
            FaultPlan bad = new FaultPlan(72);
            for (int i = 0; i < 4; i++)
            {
                bad.StatusAt(1, Status.FlashError);
            }

            ModuleSimulator[] modules = new ModuleSimulator[3];
            BenchSlot[] slots = new BenchSlot[3];
            for (int i = 0; i < 3; i++)
            {
                modules[i] = new ModuleSimulator(EngineRig.Simulator(i % 2, 1024), i == 1 ? bad : null);
                VirtualWire wire = new VirtualWire(modules[i]);
                UpdateOptions options = EngineRig.DefaultsFor(1024);
                options.MaxRestarts = 1;
                slots[i] = new BenchSlot("slot " + (i + 1).ToString(), wire.HostLink, wire.Power, wire.Clock, options);
            }

            MemoryResultsLog log = new MemoryResultsLog();
            BenchRig rig = new BenchRig(slots, log);
            Assert.AreEqual(2, rig.RunRound(storage, ImagePath), "two of three modules flashed");
            Assert.IsTrue(modules[0].ImageMatches(firmware), "slot 1 byte for byte");
            Assert.IsTrue(modules[2].ImageMatches(firmware), "slot 3 byte for byte (quirk ROM)");
            Assert.AreEqual((int)UpdateOutcome.FlashErrorPersisted, (int)slots[1].LastResult.Outcome, "slot 2's flash kept failing");
            Assert.AreEqual(3, log.Lines.Count, "one log line per slot");
            Assert.IsTrue(log.Find(1, "slot 1").IndexOf(",Success,") > 0, log.Find(1, "slot 1"));
            Assert.IsTrue(log.Find(1, "slot 2").IndexOf(",FlashErrorPersisted,") > 0, log.Find(1, "slot 2"));
            Assert.IsTrue(log.Find(1, "slot 3").IndexOf("," + EngineRig.NewVersion + ",") > 0, "the firmware version is logged: " + log.Find(1, "slot 3"));

            long framesRound1 = slots[1].LastResult.DataFramesSent;
            Assert.AreEqual(1, slots[1].LastResult.Restarts, "slot 2 restarted once in round 1");
            Assert.AreEqual(2, rig.RunRound(storage, ImagePath), "the next round, same result");
            Assert.AreEqual(6, log.Lines.Count, "three more lines");
            Assert.AreEqual(1, slots[1].LastResult.Restarts, "counters are per module, not accumulated over rounds");
            Assert.AreEqual(framesRound1, slots[1].LastResult.DataFramesSent, "the same frames as in round 1, not twice as many");
            Assert.IsTrue(log.Find(2, "slot 2").IndexOf(",FlashErrorPersisted,") > 0, log.Find(2, "slot 2"));
        }

        [TestMethod]
        public void Bench_MissingImageFailsEverySlotWithTheFileName()
        {
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            BenchSlot[] slots = new BenchSlot[] { new BenchSlot("A1", wire.HostLink, wire.Power, wire.Clock, EngineRig.DefaultsFor(1024)) };
            MemoryResultsLog log = new MemoryResultsLog();
            Assert.AreEqual(0, new BenchRig(slots, log).RunRound(new MemoryDeviceStorage(), ImagePath), "nothing flashed");
            Assert.AreEqual(0, module.PowerCycles, "the module was never powered");
            string line = log.Find(1, "A1");
            Assert.IsNotNull(line, "logged");
            Assert.IsTrue(line.IndexOf(",ImageRejected,") > 0, "image refused: " + line);
            Assert.IsTrue(line.IndexOf(ImagePath + " cannot be opened") > 0, "names the file: " + line);
        }
    
        [TestMethod]
        public void Bench_RoundsContinueAcrossRunsOfTheSameLog_EachLineStampedInUtc()
        {
            byte[] firmware = EngineRig.Image(1012 + 5, 73);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(ImagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            MemoryResultsLog log = new MemoryResultsLog();
            for (int run = 1; run <= 2; run++)
            {
                // A new rig each time, as after a reset of the board or a new `mcuupdater bench`.
                VirtualWire wire = new VirtualWire(new ModuleSimulator(EngineRig.Simulator(0, 1024)));
                BenchRig rig = new BenchRig(new BenchSlot[] { new BenchSlot("A1", wire.HostLink, wire.Power, wire.Clock, EngineRig.Defaults()) }, log);
                Assert.AreEqual(1, rig.RunRound(storage, ImagePath), "flashed");
                Assert.AreEqual(run, rig.Rounds, "the round continues the log's count");
                Assert.IsNull(rig.LogFailure, "every line written");
            }

            Assert.IsNotNull(log.Find(2, "A1"), "the second run wrote round 2, not round 1 again");
            string stamp = ((string)log.Lines[1]).Split(new char[] { ',' })[1];
            Assert.AreEqual(20, stamp.Length, "yyyy-MM-ddTHH:mm:ssZ: " + stamp);
            Assert.AreEqual('T', stamp[10], stamp);
            Assert.AreEqual('Z', stamp[19], stamp);
            Assert.AreEqual("2026-03-04T05:06:07Z", BenchRig.UtcStamp(new System.DateTime(2026, 3, 4, 5, 6, 7)), "zero-padded ISO-8601");
        }

        [TestMethod]
        public void Bench_UnwritableLogStopsTheRoundBeforeAnyModuleIsTouched_AndALostLineIsReported()
        {
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(ImagePath, QuecFotaPackageWriter.Build(EngineRig.Image(600, 74), EngineRig.NewVersion));
            MemoryResultsLog log = new MemoryResultsLog();
            log.Broken = true;
            BenchRig rig = new BenchRig(new BenchSlot[] { new BenchSlot("A1", wire.HostLink, wire.Power, wire.Clock, EngineRig.Defaults()) }, log);
            Assert.ThrowsException(typeof(System.IO.IOException), () => rig.RunRound(storage, ImagePath), "refused");
            Assert.AreEqual(0, module.PowerCycles, "the module was never powered");

            // The log breaks after the check: the module is flashed, and the rig says a line was lost.
            BrokenAfterOpen later = new BrokenAfterOpen();
            rig = new BenchRig(new BenchSlot[] { new BenchSlot("A1", wire.HostLink, wire.Power, wire.Clock, EngineRig.Defaults()) }, later);
            Assert.AreEqual(1, rig.RunRound(storage, ImagePath), "the module is still flashed");
            Assert.IsNotNull(rig.LogFailure, "the lost line is reported");
            Assert.IsTrue(rig.LogFailure.IndexOf("card full") >= 0, rig.LogFailure);
        }

        private sealed class BrokenAfterOpen : IResultsLog
        {
            public int Open()
            {
                return 0;
            }

            public void Append(string line)
            {
                throw new System.IO.IOException("card full");
            }
        }
}
}
