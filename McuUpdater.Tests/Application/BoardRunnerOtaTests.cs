using McuUpdater.Application;
using McuUpdater.Fetch;
using McuUpdater.Power;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Fetch;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>The board runner's update mode with ota_host configured: the field flow with fetching, through the simulated module's TCP/IP.</summary>
    [TestClass]
    public class BoardRunnerOtaTests
    {
        private const string ImagePath = "D:\\fw\\module.pkg";
        private const string Config = "image = " + ImagePath + "\nmax_block = 1012\nota_host = fw.example.com\nota_path = /fw/module.pkg\napn = internet\n";

        [TestMethod]
        public void BoardOta_FetchesThenFlashesAndShowsOk()
        {
            byte[] firmware = EngineRig.Image(5000, 101);
            HttpFileServer server = new HttpFileServer(QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion), "/fw/module.pkg");
            Board board = new Board(server);
            Assert.AreEqual(BlinkCodes.None, board.Runner.RunOnce(), Joined(board.Hardware));
            Assert.IsTrue(board.Module.ImageMatches(firmware), "fetched, then flashed byte for byte");
            PackageFetcherTests.Expect(FetchOutcome.Fetched, board.Runner.LastOtaReport.Fetch);
            Assert.IsNotNull(board.Hardware.Line("fetch: Fetched"), Joined(board.Hardware));
            Assert.IsNotNull(board.Hardware.Line("done: the module runs " + EngineRig.NewVersion), Joined(board.Hardware));
        }

        [TestMethod]
        public void BoardOta_ServerWithoutThePackageBlinksCodeFourAndLeavesTheModuleAlone()
        {
            HttpFileServer server = new HttpFileServer(PackageFetcherTests.Package(3000, 102), "/fw/other.pkg");
            Board board = new Board(server);
            Assert.AreEqual(BlinkCodes.NoImage, board.Runner.RunOnce(), Joined(board.Hardware));
            Assert.AreEqual(0, board.Module.Syncs, "never in the boot ROM");
            Assert.IsNotNull(board.Hardware.Line("fetch: NotFound"), Joined(board.Hardware));
        }

        private static string Joined(SimulatedBoard board)
        {
            string all = string.Empty;
            for (int i = 0; i < board.Lines.Count; i++)
            {
                all = all + (string)board.Lines[i] + "\n";
            }

            return all;
        }

        /// <summary>One slot whose module (powered, old firmware running) reaches the server through its own TCP/IP; the runner is stopped beforehand so it makes exactly one pass.</summary>
        private sealed class Board
        {
            public readonly ModuleSimulator Module;
            public readonly SimulatedBoard Hardware;
            public readonly BoardRunner Runner;

            public Board(HttpFileServer server)
            {
                SimulatorOptions options = EngineRig.Simulator(0, 1024);
                options.Network = new MemoryNetwork().Serve("fw.example.com", 80, server.Respond);
                Module = new ModuleSimulator(options);
                VirtualWire wire = new VirtualWire(Module);
                wire.Power.On();
                wire.Power.Release();
                Hardware = new SimulatedBoard(new ManualClock(), new MemoryDeviceStorage(), new MemoryJournalStore());
                Hardware.Configure(Config);
                ModulePowerPins pins = new ModulePowerPins();
                pins.SupplyPin = 20;
                pins.SupplyActiveHigh = true;
                BoardSlot slot = new BoardSlot("slot 1", "COM4", pins);
                Hardware.AddSlot(slot.Port, wire.HostLink, slot.Power, wire.Power, wire.Clock);
                BoardLayout layout = new BoardLayout("test board", new BoardSlot[] { slot });
                layout.Defaults.ExpectedVersion = EngineRig.NewVersion;
                Runner = new BoardRunner(layout, Hardware);
                Runner.Stop();
            }
        }
    }
}
