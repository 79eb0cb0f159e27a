using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Modem;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>Fetch then flash through the simulated module's own TCP/IP in both dialects, in virtual time (small packages; the 300 KB run is a host test).</summary>
    [TestClass]
    public class SimulatedModuleFetchTests
    {
        [TestMethod]
        [DataRow((int)AtDialect.Qi)]
        [DataRow((int)AtDialect.Legacy)]
        public void SimFetch_FetchesVerifiesAndFlashesInEachDialect(int dialect)
        {
            byte[] firmware = EngineRig.Image(12000, 81);
            SimFetchRig rig = new SimFetchRig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion), (AtDialect)dialect, 1024);
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.AreEqual("M10ER01A07W32", report.ModuleVersion, "checked the old firmware first");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "the fetched firmware in the module, byte for byte");
            Assert.AreEqual(1, rig.Network.Connections, "one connection");
        }

        [TestMethod]
        [DataRow((int)AtDialect.Qi, 1)]
        [DataRow((int)AtDialect.Qi, 3000)]
        [DataRow((int)AtDialect.Legacy, 1499)]
        [DataRow((int)AtDialect.Legacy, 7000)]
        public void SimFetch_ResumesAfterTheServerCutsAtAnOffset(int dialect, int cutAt)
        {
            byte[] package = PackageFetcherTests.Package(9000, 82);
            SimFetchRig rig = new SimFetchRig(package, (AtDialect)dialect, 1024);
            rig.Server.CloseAfterBodyBytes = cutAt;
            rig.Server.FaultyRequests = 1;
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.AreEqual((long)cutAt, rig.Server.RangeOf(1), "resumed with a Range from the cut");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
        }

        [TestMethod]
        [DataRow((int)AtDialect.Qi)]
        [DataRow((int)AtDialect.Legacy)]
        public void SimFetch_McuResetMidFetchResumesFromTheStoredBytes(int dialect)
        {
            byte[] firmware = EngineRig.Image(9000, 83);
            SimFetchRig rig = new SimFetchRig(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion), (AtDialect)dialect, 1024);
            OtaUpdater first = rig.Updater();
            first.Fetcher.Progress += new PackageFetcherTests.ResetAt(first.Fetcher, 4000).OnProgress;
            PackageFetcherTests.Expect(FetchOutcome.Cancelled, first.Run().Fetch);
            long stored = rig.Storage.LengthOf(SimFetchRig.PackagePath + ".part");
            Assert.IsTrue(stored >= 4000, "stored " + stored.ToString());

            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.AreEqual(stored, report.Fetch.ResumedFrom, "resumed from the stored bytes");
            Assert.AreEqual(stored, rig.Server.RangeOf(rig.Server.Requests.Count - 1), "asked from there");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
            Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "byte for byte");
        }

        [TestMethod]
        [DataRow((int)AtDialect.Qi)]
        [DataRow((int)AtDialect.Legacy)]
        public void SimFetch_CorruptPackageIsFetchedRefusedAndTheModuleNeverEntersItsBootRom(int dialect)
        {
            byte[] package = PackageFetcherTests.Package(6000, 84);
            package[100] ^= 0x04;
            SimFetchRig rig = new SimFetchRig(package, (AtDialect)dialect, 1024);
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.PackageRejected, report.Fetch);
            Assert.AreEqual((long)package.Length, report.Fetch.BodyBytes, "fetched whole");
            Assert.IsNull(report.Field, "no flash");
            Assert.AreEqual(0, rig.Engine.Power.Calls, "no power pin changed");
            Assert.AreEqual(0, rig.Engine.Module.Syncs, "never in the boot ROM");
            Assert.AreEqual("M10ER01A07W32", rig.Engine.Module.FirmwareVersion, "the old firmware runs on");
        }

        [TestMethod]
        [DataRow(404, (int)FetchOutcome.NotFound)]
        [DataRow(500, (int)FetchOutcome.ServerError)]
        public void SimFetch_ServerStatusEndsInItsOutcomeWithTheModuleUntouched(int status, int outcome)
        {
            SimFetchRig rig = new SimFetchRig(PackageFetcherTests.Package(3000, 85), AtDialect.Qi, 1024);
            rig.Server.ForceStatus = status;
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect((FetchOutcome)outcome, report.Fetch);
            Assert.AreEqual(0, rig.Engine.Power.Calls, "no power pin changed");
        }

        [TestMethod]
        public void SimFetch_ServerIgnoringRangeAnd206FromElsewhereStillEndFetched()
        {
            byte[] package = PackageFetcherTests.Package(8000, 86);
            SimFetchRig rig = new SimFetchRig(package, AtDialect.Legacy, 1024);
            rig.Server.CloseAfterBodyBytes = 2500;
            rig.Server.FaultyRequests = 2;
            rig.Server.RangeShift = 10;
            OtaReport report = rig.Updater().Run();
            PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
            Assert.IsTrue(report.Fetch.RestartsFromZero >= 1, "restarted from 0 after the wrong offset");
            EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
        }
    }
}
