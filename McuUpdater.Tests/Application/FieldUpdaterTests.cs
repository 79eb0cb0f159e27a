using McuUpdater.Application;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>Update mode in one call, against the simulated module: install, skip, refuse a bad image, finish a pending update.</summary>
    [TestClass]
    public class FieldUpdaterTests
    {
        private const string PackagePath = "D:\\fw\\module.pkg";

        [TestMethod]
        public void FieldUpdater_InstallsThePackageOnceThenSkipsIt()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] firmware = EngineRig.Image(6000, 61);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(PackagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            MemoryJournalStore journal = new MemoryJournalStore();

            FieldReport first = Updater(rig, storage, journal).Run();
            Assert.AreEqual((int)FieldAction.Install, (int)first.Decision.Action, first.Decision.Reason);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, first.Result, "installed");
            Assert.IsTrue(first.ModuleUpToDate, "up to date");
            Assert.IsTrue(rig.Module.ImageMatches(firmware), "the package's firmware, byte for byte");
            int powerCalls = rig.Power.Calls;

            FieldReport second = Updater(rig, storage, journal).Run();
            Assert.AreEqual((int)FieldAction.UpToDate, (int)second.Decision.Action, second.Decision.Reason);
            Assert.IsNull(second.Result, "no session ran");
            Assert.IsTrue(second.ModuleUpToDate, "still up to date");
            Assert.AreEqual(powerCalls, rig.Power.Calls, "the module was not touched on the second start-up");
        }

        [TestMethod]
        public void FieldUpdater_CorruptPackageIsReportedAndTheModuleUntouched()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(3000, 62), EngineRig.NewVersion);
            package[package.Length - 10] ^= 0x40;
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(PackagePath, package);

            FieldReport report = Updater(rig, storage, new MemoryJournalStore()).Run();
            Assert.AreEqual((int)FieldAction.NothingToInstall, (int)report.Decision.Action, report.Decision.Reason);
            Assert.IsNotNull(report.ImageProblem, "the problem is reported");
            Assert.IsTrue(report.ImageProblem.IndexOf(PackagePath) == 0, "naming the file: " + report.ImageProblem);
            Assert.IsTrue(report.ImageProblem.IndexOf("CRC") >= 0, "and the CRC: " + report.ImageProblem);
            Assert.AreEqual(0, rig.Power.Calls, "no pin changed");
        }

        [TestMethod]
        public void FieldUpdater_FinishesAPendingUpdateWithThePendingImage()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] firmware = EngineRig.Image(7000, 63);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            storage.Put(PackagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            MemoryJournalStore journal = new MemoryJournalStore();

            // Start-up 1 is cut off at block 2 (stands in for a reset).
            FieldUpdater first = Updater(rig, storage, journal);
            new PhaseRecorder(first.Session.Events).OnEachProgress = new Canceller(first.Session, 2).OnProgress;
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, first.Run().Result, "cut off");
            Assert.IsFalse(rig.Module.HasValidFirmware, "module left without firmware");

            // Start-up 2: the configuration now names another file that is not there; the pending package is.
            UpdaterSettings settings = Settings();
            settings.ImagePath = "D:\\fw\\missing.pkg";
            FieldReport report = new FieldUpdater(settings, storage, new UpdateJournal(journal), rig.Wire.HostLink, rig.Power, rig.Wire.Clock).Run();
            Assert.AreEqual((int)FieldAction.Resume, (int)report.Decision.Action, report.Decision.Reason);
            Assert.AreEqual("D:\\fw\\missing.pkg not found", report.ImageProblem, "the configured file is reported missing");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Result, "finished");
            Assert.IsTrue(rig.Module.ImageMatches(firmware), "byte for byte");
            Assert.IsFalse(new UpdateJournal(journal).IsPending, "nothing pending");
        }

        [TestMethod]
        public void FieldUpdater_PendingImageThatNoLongerVerifiesIsNotRetried()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(3000, 64), EngineRig.NewVersion);
            MemoryDeviceStorage storage = new MemoryDeviceStorage();
            MemoryJournalStore journal = new MemoryJournalStore();
            new UpdateJournal(journal).MarkPending(PackagePath, 3000, EngineRig.NewVersion);
            package[package.Length - 1] ^= 0x01;
            storage.Put(PackagePath, package);

            FieldReport report = Updater(rig, storage, journal).Run();
            Assert.AreEqual((int)FieldAction.PendingWithoutImage, (int)report.Decision.Action, "the only image is corrupt: " + report.Decision.Reason);
            Assert.IsNull(report.Result, "no session ran on a corrupt image");
            Assert.AreEqual(0, rig.Power.Calls, "the module was not touched");
        }

        private static UpdaterSettings Settings()
        {
            UpdaterSettings s = new UpdaterSettings();
            s.ImagePath = PackagePath;
            s.MaxBlockSize = 1012;
            return s;
        }

        private static FieldUpdater Updater(EngineRig rig, MemoryDeviceStorage storage, MemoryJournalStore journal)
        {
            return new FieldUpdater(Settings(), storage, new UpdateJournal(journal), rig.Wire.HostLink, rig.Power, rig.Wire.Clock);
        }
    }
}
