using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Modem;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;
using McuUpdater.Tests.Application;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Fetch;
using McuUpdater.Tests.Host.Http;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Fetch
{
    /// <summary>
    /// The whole field flow with a real HTTP server on 127.0.0.1: a ~300 KB package fetched through
    /// the simulated module's TCP/IP (virtual time, sockets bridged to real TCP) in each dialect, then
    /// flashed; and the server's faults over real TCP, each ending in success or its named outcome.
    /// </summary>
    [TestClass]
    public class LoopbackFetchThenFlashTests
    {
        private const string Name = "fota.example.net";
        private const string PackagePath = "D:\\fw\\module.pkg";

        [TestMethod]
        [DataRow((int)AtDialect.Qi)]
        [DataRow((int)AtDialect.Legacy)]
        public void Loopback_FetchesA300KBPackageThenFlashesItInEachDialect(int dialect)
        {
            byte[] firmware = EngineRig.Image(300 * 1024, 91);
            byte[] package = QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion);
            using (LoopbackHttpServer server = new LoopbackHttpServer(package))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                Rig rig = new Rig(server, network, (AtDialect)dialect);
                OtaReport report = rig.Updater().Run();
                PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
                Assert.AreEqual((long)package.Length, report.Fetch.BodyBytes, "fetched once, whole");
                Assert.AreEqual(1, server.RequestCount, "one request");
                EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
                Assert.AreEqual(EngineRig.NewVersion, report.Field.Result.FirmwareVersion, "version checked");
                Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "300 KB, byte for byte in the module");
                Assert.IsTrue(PackageFetcherTests.Same(package, rig.Storage.Content(PackagePath)), "and on storage");
                double share = report.Fetch.BodyBytes * 1000.0 / report.Fetch.BodyMs / 11520;
                Assert.IsTrue(share > 0.85, "body rate near the UART's: " + share.ToString("F3"));
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void Loopback_ServerFaultsEndFetchedAfterAResume(int fault)
        {
            byte[] firmware = EngineRig.Image(40000, 92);
            byte[] package = QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion);
            using (LoopbackHttpServer server = new LoopbackHttpServer(package))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                server.FaultyRequests = 1;
                server.CloseAfterBodyBytes = 15000;
                if (fault == 1)
                {
                    server.IgnoreRange = true;
                }
                else if (fault == 2)
                {
                    server.RangeShift = 7;
                    server.FaultyRequests = 2;
                }
                else if (fault == 3)
                {
                    server.CloseAfterBodyBytes = -1;
                    server.ShortBodyBy = 1000;
                }

                Rig rig = new Rig(server, network, AtDialect.Qi);
                OtaReport report = rig.Updater().Run();
                PackageFetcherTests.Expect(FetchOutcome.Fetched, report.Fetch);
                Assert.IsTrue(server.RequestCount >= 2, "resumed: " + server.RequestCount.ToString() + " requests");
                EngineRig.ExpectOutcome(UpdateOutcome.Success, report.Field.Result, "flashed");
                Assert.IsTrue(rig.Engine.Module.ImageMatches(firmware), "byte for byte");
            }
        }

        [TestMethod]
        [DataRow(404, (int)FetchOutcome.NotFound)]
        [DataRow(500, (int)FetchOutcome.ServerError)]
        [DataRow(0, (int)FetchOutcome.BadResponse)]
        public void Loopback_ServerRefusalsEndInTheirOutcomeWithTheModuleUntouched(int status, int outcome)
        {
            using (LoopbackHttpServer server = new LoopbackHttpServer(PackageFetcherTests.Package(5000, 93)))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                server.ForceStatus = status;
                server.Chunked = status == 0;
                Rig rig = new Rig(server, network, AtDialect.Legacy);
                OtaReport report = rig.Updater().Run();
                PackageFetcherTests.Expect((FetchOutcome)outcome, report.Fetch);
                Assert.IsNull(report.Field, "no flash");
                Assert.AreEqual(0, rig.Engine.Module.Syncs, "never in the boot ROM");
            }
        }

        private sealed class Rig
        {
            public readonly EngineRig Engine;
            public readonly MemoryDeviceStorage Storage = new MemoryDeviceStorage();
            public readonly MemoryJournalStore Store = new MemoryJournalStore();
            public readonly UpdaterSettings Settings = new UpdaterSettings();

            public Rig(LoopbackHttpServer server, TcpSimNetwork network, AtDialect dialect)
            {
                SimulatorOptions options = EngineRig.Simulator(0, 8224);
                options.AtDialect = dialect;
                options.Network = network;
                Engine = new EngineRig(options, null, null);
                Engine.Wire.Power.On();
                Engine.Wire.Power.Release();
                Settings.ImagePath = PackagePath;
                Settings.ExpectedVersion = EngineRig.NewVersion;
                Settings.MaxBlockSize = 8212;
                Settings.OtaHost = Name;
                Settings.OtaPort = server.Port;
                Settings.OtaPath = server.Path;
                Settings.Apn = "internet";
                Settings.AtDialect = dialect;
            }

            public OtaUpdater Updater()
            {
                IModuleNetwork network = ModuleNetworks.Create(Engine.Wire.HostLink, Engine.Wire.Clock, Settings.ToModemSettings(), null);
                return new OtaUpdater(Settings, Storage, new UpdateJournal(Store), Engine.Wire.HostLink, Engine.Power, Engine.Wire.Clock, network);
            }
        }
    }
}
