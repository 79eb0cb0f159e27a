using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Fetch;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>The field flow (check → fetch → verify → journal → flash → version check) against the simulated module, with the fetch served in memory.</summary>
    [TestClass]
    public class OtaUpdaterTests
    {
        private const string PackagePath = "D:\\fw\\module.pkg";
        private const string ServerPath = "/fw/module.pkg";

        [TestMethod]
        public void Ota_FetchesVerifiesFlashesAndChecksTheVersion()
        {
            byte[] firmware = EngineRig.Image(9000, 71);
            Rig rig = new Rig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.AreEqual("M10ER01A07W32", report.ModuleVersion, "the check read the old firmware's version");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
            Assert.AreEqual(EngineRig.NewVersion, report.Field.Result.FirmwareVersion, "version checked after RUN");
            Assert.IsTrue(report.ModuleUpToDate, "up to date");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "the fetched firmware, byte for byte");
            UpdateJournal journal = new UpdateJournal(rig.Store);
            Assert.IsFalse(journal.IsPending || journal.IsFetching, "nothing pending");
            Assert.AreEqual((int)UpdateOutcome.Success, journal.LastOutcome, "journaled");
        }

        [TestMethod]
        public void Ota_InstalledPackageIsNotFetchedAgain()
        {
            Rig rig = new Rig(PackageFetcherTests.Package(5000, 72));
            Assert.IsTrue(rig.Updater().Run().ModuleUpToDate, "first run installs");
            int opens = rig.Net.Opens;
            int powerCalls = rig.Engine.Power.Calls;

            OtaReport again = rig.Updater().Run();
            Assert.IsNull(again.Fetch, "no fetch: " + again.Check);
            Assert.AreEqual((int)FieldAction.UpToDate, (int)again.Field.Decision.Action, again.Field.Decision.Reason);
            Assert.IsTrue(again.ModuleUpToDate, "up to date");
            Assert.AreEqual(opens, rig.Net.Opens, "no connection");
            Assert.AreEqual(powerCalls, rig.Engine.Power.Calls, "the module was not touched");

            // The package deleted from the card: the journal still knows it was installed.
            rig.Storage.Remove(PackagePath);
            OtaReport third = rig.Updater().Run();
            Assert.IsTrue(third.InstalledAlready, third.Check);
            Assert.AreEqual(opens, rig.Net.Opens, "still no connection");
        }

        [TestMethod]
        public void Ota_ModuleRunningTheExpectedVersionIsNotFetched()
        {
            Rig rig = new Rig(PackageFetcherTests.Package(5000, 73), EngineRig.NewVersion);
            OtaReport report = rig.Updater().Run();
            Assert.IsTrue(report.InstalledAlready, report.Check);
            Assert.IsNull(report.Fetch, "nothing fetched");
            Assert.AreEqual(0, rig.Net.Opens, "no connection");
            Assert.AreEqual(0, rig.Engine.Module.Syncs, "never in the boot ROM");
        }

        [TestMethod]
        [DataRow(1000)]
        [DataRow(6000)]
        public void Ota_ResetMidFetchResumesTheFetchFromTheStoredBytes(int resetAt)
        {
            byte[] firmware = EngineRig.Image(9000, 74);
            Rig rig = new Rig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            OtaUpdater first = rig.Updater();
            first.Fetcher.Progress += new PackageFetcherTests.ResetAt(first.Fetcher, resetAt).OnProgress;
            OtaReport cut = first.Run();
            PackageFetcherTests.Expect(FetchOutcome.Cancelled, cut.Fetch);
            Assert.IsNull(cut.Field, "no flash after a cut fetch");
            Assert.AreEqual(0, rig.Engine.Module.Syncs, "the module never saw the boot ROM");
            long stored = rig.Storage.LengthOf(PackagePath + ".part");

            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.AreEqual(stored, report.Fetch.ResumedFrom, "resumed from the stored bytes");
            Assert.IsTrue(report.Check.IndexOf("resuming") == 0, report.Check);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "byte for byte");
        }

        [TestMethod]
        public void Ota_ResetMidFlashFinishesTheFlashWithoutFetching()
        {
            byte[] firmware = EngineRig.Image(9000, 75);
            Rig rig = new Rig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            OtaUpdater first = rig.Updater();
            new PhaseRecorder(first.Updater.Session.Events).OnEachProgress = new Canceller(first.Updater.Session, 2).OnProgress;
            OtaReport cut = first.Run();
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, cut.Field.Result, "cut off mid-flash");
            Assert.IsFalse(rig.Engine.Module.HasValidFirmware, "the module has no firmware now");
            int opens = rig.Net.Opens;

            OtaReport report = rig.Updater().Run();
            Assert.IsNull(report.Fetch, "nothing fetched: " + report.Check);
            Assert.AreEqual((int)FieldAction.Resume, (int)report.Field.Decision.Action, report.Field.Decision.Reason);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "finished");
            Assert.AreEqual(opens, rig.Net.Opens, "no connection");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "byte for byte");
        }

        [TestMethod]
        public void Ota_FlashCutOffWithItsPackageGoneIsReportedNotFetched()
        {
            Rig rig = new Rig(PackageFetcherTests.Package(9000, 79));
            OtaUpdater first = rig.Updater();
            new PhaseRecorder(first.Updater.Session.Events).OnEachProgress = new Canceller(first.Updater.Session, 2).OnProgress;
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, first.Run().Field.Result, "cut off mid-flash");
            rig.Storage.Remove(PackagePath);
            int opens = rig.Net.Opens;

            // The module has no firmware now, so it cannot fetch anything: the pending flash is reported.
            OtaReport report = rig.Updater().Run();
            Assert.IsNull(report.Fetch, "nothing fetched: " + report.Check);
            Assert.AreEqual((int)FieldAction.PendingWithoutImage, (int)report.Field.Decision.Action, report.Field.Decision.Reason);
            Assert.AreEqual(opens, rig.Net.Opens, "no connection");
        }

        [TestMethod]
        public void Ota_OlderPackageOnStorageIsReplacedByTheFetchedOne()
        {
            byte[] firmware = EngineRig.Image(7000, 80);
            byte[] package = QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion);
            Rig rig = new Rig(package);
            rig.Storage.Put(PackagePath, QuecFotaPackageWriter.Build(EngineRig.Image(5000, 81), "M10ER01A07W32"));
            OtaReport report = rig.Updater().Run();
            Assert.IsTrue(report.Check.IndexOf("M10ER01A07W32") >= 0, "the stored package's version is named: " + report.Check);
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
            Assert.IsTrue(PackageFetcherTests.Same(package, rig.Storage.Content(PackagePath)), "the new package replaced the old");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "byte for byte");
        }

        [TestMethod]
        public void Ota_CorruptPackageIsFetchedRefusedAndTheModuleNeverEntersItsBootRom()
        {
            byte[] package = PackageFetcherTests.Package(6000, 76);
            package[package.Length - 3] ^= 0x10;
            Rig rig = new Rig(package);
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.PackageRejected, report.Fetch);
            Assert.IsNull(report.Field, "no flash considered");
            Assert.IsFalse(report.ModuleUpToDate, "not up to date");
            Assert.AreEqual(0, rig.Engine.Power.Calls, "no power pin changed");
            Assert.AreEqual(0, rig.Engine.Module.Syncs, "never in the boot ROM");
            Assert.AreEqual("M10ER01A07W32", rig.Engine.Module.FirmwareVersion, "the old firmware runs on");
            Assert.IsFalse(rig.Storage.Exists(PackagePath), "no package stored");
        }

        [TestMethod]
        public void Ota_ServerErrorLeavesTheModuleAlone()
        {
            Rig rig = new Rig(PackageFetcherTests.Package(3000, 77));
            rig.Net.Server.ForceStatus = 500;
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.ServerError, report.Fetch);
            Assert.AreEqual(0, rig.Engine.Power.Calls, "no power pin changed");
        }

        [TestMethod]
        public void Ota_WithoutOtaHostIsTheFieldUpdater()
        {
            byte[] firmware = EngineRig.Image(4000, 78);
            Rig rig = new Rig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            rig.Settings.OtaHost = null;
            rig.Storage.Put(PackagePath, rig.Net.Server.Body);
            OtaReport report = rig.Updater().Run();
            Assert.IsNull(report.Fetch, "nothing fetched");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "installed from storage");
            Assert.AreEqual(0, rig.Net.Opens, "no connection");
        }

        /// <summary>Simulated module (powered, old firmware running), in-memory server, storage and journal store that outlive one updater.</summary>
        private sealed class Rig
        {
            public readonly EngineRig Engine;
            public readonly MemoryDeviceStorage Storage = new MemoryDeviceStorage();
            public readonly MemoryJournalStore Store = new MemoryJournalStore();
            public readonly FakeHttpNetwork Net;
            public readonly UpdaterSettings Settings = new UpdaterSettings();

            public Rig(byte[] served)
                : this(served, null)
            {
            }

            public Rig(byte[] served, string oldVersion)
            {
                McuUpdater.Simulator.SimulatorOptions options = EngineRig.Simulator(0, 1024);
                if (oldVersion != null)
                {
                    options.OldFirmwareVersion = oldVersion;
                }

                Engine = new EngineRig(options, null, null);

                // A product's module is on and runs its firmware; the rig's own power line does it, so the counted power stays at 0.
                Engine.Wire.Power.On();
                Engine.Wire.Power.Release();
                Net = new FakeHttpNetwork(served, ServerPath, Engine.Wire.Clock);
                Settings.ImagePath = PackagePath;
                Settings.ExpectedVersion = EngineRig.NewVersion;
                Settings.MaxBlockSize = 1012;
                Settings.OtaHost = "example.com";
                Settings.OtaPath = ServerPath;
                Settings.Apn = "internet";
            }

            public OtaUpdater Updater()
            {
                return new OtaUpdater(Settings, Storage, new UpdateJournal(Store), Engine.Wire.HostLink, Engine.Power, Engine.Wire.Clock, Net);
            }
        }
    }
}
