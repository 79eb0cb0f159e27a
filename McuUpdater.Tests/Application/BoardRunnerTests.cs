using System.Threading;
using McuUpdater.Application;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Support;
using McuUpdater.Timing;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>The board runner in each mode, with simulated modules, pins, files and LEDs: what a board app does beyond its pin map.</summary>
    [TestClass]
    public class BoardRunnerTests
    {
        private const string ImagePath = "D:\\fw\\module.pkg";
        private const int SystemLed = 50;

        [TestMethod]
        public void Bench_FourSlotRoundWithOneFaultyModule()
        {
            byte[] firmware = EngineRig.Image(3 * 1012 + 7, 91);
            MemoryDeviceStorage files = new MemoryDeviceStorage();
            files.Put(ImagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            SimulatedBoard board = new SimulatedBoard(new ManualClock(), files, new MemoryJournalStore());
            board.Configure("mode = bench\nimage = " + ImagePath + "\nmax_block = 1012\nmax_restarts = 1\n");

            // Slot 3's module keeps failing its flash at block 1.
            FaultPlan bad = new FaultPlan(92);
            for (int i = 0; i < 4; i++)
            {
                bad.StatusAt(1, Status.FlashError);
            }

            ModuleSimulator[] modules = new ModuleSimulator[4];
            BoardSlot[] slots = new BoardSlot[4];
            for (int i = 0; i < 4; i++)
            {
                modules[i] = new ModuleSimulator(EngineRig.Simulator(i % 2, 1024), i == 2 ? bad : null);
                VirtualWire wire = new VirtualWire(modules[i]);
                slots[i] = Slot(i);
                board.AddSlot(slots[i].Port, wire.HostLink, slots[i].Power, wire.Power, wire.Clock);
            }

            BoardLayout layout = Layout(slots);
            layout.StartButton = 0;
            ScriptedButton button = new ScriptedButton(1);
            board.Button = button;
            BoardRunner runner = new BoardRunner(layout, board);
            button.Runner = runner;
            Assert.AreEqual(BlinkCodes.None, runner.RunOnce(), "a bench round is no failure of the board");

            Assert.IsTrue(modules[0].ImageMatches(firmware), "slot 1 byte for byte");
            Assert.IsTrue(modules[1].ImageMatches(firmware), "slot 2 byte for byte (quirk ROM)");
            Assert.IsFalse(modules[2].HasValidFirmware, "slot 3's flash kept failing");
            Assert.IsTrue(modules[3].ImageMatches(firmware), "slot 4 byte for byte");

            Assert.AreEqual(4, board.Results.Lines.Count, "one results line per slot: " + Joined(board.Results.Lines));
            for (int i = 0; i < 4; i++)
            {
                string line = board.Results.Find(1, "slot " + (i + 1).ToString());
                Assert.IsNotNull(line, "slot " + (i + 1).ToString() + " logged");
                string outcome = i == 2 ? ",FlashErrorPersisted," : ",Success,";
                Assert.IsTrue(line.IndexOf(outcome) > 0, line);
                Assert.IsTrue(i == 2 || line.IndexOf("," + EngineRig.NewVersion + ",") > 0, "firmware version logged: " + line);
            }

            for (int i = 0; i < 4; i++)
            {
                LightState expected = i == 2 ? LightState.Failed : LightState.Ok;
                Assert.AreEqual((int)expected, (int)runner.SlotLights[i].State, "slot " + (i + 1).ToString() + "'s LED state");
                Assert.IsTrue(board.Led(10 + i).Lit, "slot " + (i + 1).ToString() + "'s LED is lit (steady, or the first pulse of its code)");
                Assert.IsTrue(board.Led(10 + i).Changes > 2, "slot " + (i + 1).ToString() + "'s LED flickered with its frames");
            }

            Assert.AreEqual(BlinkCodes.UpdateFailed, runner.SlotLights[2].Code, "the failed slot blinks 'update failed'");
            Assert.AreEqual(4, board.SessionPorts.Count, "every slot's port was opened for session writes");
            Assert.AreEqual((int)LightState.Ok, (int)runner.SystemLight.State, "the board is ready for the next round");
            Assert.IsNotNull(board.Line("bench round 1: 3 of 4 flashed"), "the round's summary: " + Joined(board.Lines));
            Assert.IsNotNull(board.Line("slot 3: FlashErrorPersisted"), "the failed slot's reason: " + Joined(board.Lines));
        }

        [TestMethod]
        public void Update_ResetInTheMiddleIsFinishedAtTheNextBoot()
        {
            byte[] firmware = EngineRig.Image(6 * 1012 + 3, 93);
            MemoryDeviceStorage files = new MemoryDeviceStorage();
            files.Put(ImagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            MemoryJournalStore journal = new MemoryJournalStore();
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };

            // Boot 1: the MCU resets after about half the image went out.
            SimulatedBoard first = new SimulatedBoard(new ManualClock(), files, journal);
            first.Configure("image = " + ImagePath + "\nmax_block = 1012\n");
            ThrowingLink reset = new ThrowingLink(wire.HostLink, 3500, new System.IO.IOException("MCU reset"));
            reset.StoreThatDies = journal;
            first.AddSlot(slots[0].Port, reset, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner boot1 = new BoardRunner(Layout(slots), first);
            Assert.AreEqual(BlinkCodes.UpdateFailed, boot1.RunOnce(), "boot 1 cut off: " + Joined(first.Lines));
            Assert.IsFalse(module.HasValidFirmware, "the module was left without firmware");
            journal.Dead = false;
            UpdateJournal after = new UpdateJournal(journal);
            Assert.IsTrue(after.IsPending, "the update is still pending");
            Assert.AreEqual(UpdateJournal.NoOutcome, after.LastOutcome, "nothing after the reset reached the journal");

            // Boot 2: same card, journal and module; a fresh board.
            SimulatedBoard second = new SimulatedBoard(new ManualClock(), files, journal);
            second.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner boot2 = new BoardRunner(Layout(slots), second);
            Assert.AreEqual(BlinkCodes.None, boot2.RunOnce(), "boot 2: " + Joined(second.Lines));
            Assert.AreEqual((int)FieldAction.Resume, (int)boot2.LastReport.Decision.Action, boot2.LastReport.Decision.Reason);
            Assert.IsTrue(module.ImageMatches(firmware), "byte for byte");
            Assert.IsFalse(new UpdateJournal(journal).IsPending, "nothing pending");
            Assert.AreEqual((int)LightState.Ok, (int)boot2.SystemLight.State, "system LED steady");
            Assert.IsTrue(second.Led(SystemLed).Lit, "and lit");
            Assert.IsNotNull(second.Line("decision: an update is pending"), Joined(second.Lines));
            Assert.IsNotNull(second.Line("done: the module runs the configured firmware"), Joined(second.Lines));

            // Boot 3: nothing to do; the module is not touched.
            int cycles = module.PowerCycles;
            SimulatedBoard third = new SimulatedBoard(new ManualClock(), files, journal);
            third.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner boot3 = new BoardRunner(Layout(slots), third);
            Assert.AreEqual(BlinkCodes.None, boot3.RunOnce(), Joined(third.Lines));
            Assert.AreEqual((int)FieldAction.UpToDate, (int)boot3.LastReport.Decision.Action, boot3.LastReport.Decision.Reason);
            Assert.AreEqual(cycles, module.PowerCycles, "no power cycle");
        }

        [TestMethod]
        public void Relay_PassesBytesBothWaysAndShowsWhenItStops()
        {
            PipeLink pcRunner;
            PipeLink pcTest;
            PipeLink moduleRunner;
            PipeLink moduleTest;
            PipeLink.CreatePair(4096, out pcRunner, out pcTest);
            PipeLink.CreatePair(4096, out moduleRunner, out moduleTest);
            SimulatedBoard board = new SimulatedBoard(SystemClock.Instance, new MemoryDeviceStorage(), new MemoryJournalStore());
            board.Configure("mode = relay\nrelay_auto_power = false\n");
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };
            board.AddSlot(slots[0].Port, moduleRunner, slots[0].Power, new RecordingPower(SystemClock.Instance), SystemClock.Instance);
            board.AddPort("COM3", pcRunner);
            BoardLayout layout = Layout(slots);
            layout.PcPort = "COM3";
            BoardRunner runner = new BoardRunner(layout, board);
            RunnerThread run = new RunnerThread(runner);
            Thread thread = new Thread(run.Run);
            thread.Start();

            Assert.IsTrue(WaitFor(runner.SystemLight, LightState.Ok), "the relay started: " + Joined(board.Lines));
            byte[] toModule = new byte[] { 0xB5, 0xB5, 0x01, 0x02, 0x00, 0x03 };
            pcTest.Write(toModule, 0, toModule.Length);
            Assert.IsTrue(ReadAll(moduleTest, toModule), "PC → module unchanged");
            byte[] toPc = new byte[] { 0x5B, 0x00, 0xAA, 0x10 };
            moduleTest.Write(toPc, 0, toPc.Length);
            Assert.IsTrue(ReadAll(pcTest, toPc), "module → PC unchanged");

            // The PC's adapter is unplugged: the next byte for it cannot go anywhere.
            pcTest.Close();
            moduleTest.Write(toPc, 0, 1);
            Assert.IsTrue(thread.Join(10000), "the runner returned when the relay stopped");
            Assert.AreEqual(BlinkCodes.RelayStopped, run.Code, Joined(board.Lines));
            Assert.AreEqual((int)LightState.Failed, (int)runner.SystemLight.State, "the system LED blinks");
            Assert.AreEqual(BlinkCodes.RelayStopped, runner.SystemLight.Code, "code 6");
            Assert.IsNotNull(board.Line("relay stopped: "), Joined(board.Lines));
            Assert.AreEqual(0, board.SessionPorts.Count, "relay ports carry no session's writes");
        }

        [TestMethod]
        public void Config_ABadLineBlinksCodeTwoAndTouchesNothing()
        {
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            SimulatedBoard board = new SimulatedBoard(new ManualClock(), new MemoryDeviceStorage(), new MemoryJournalStore());
            board.Configure("mode = update\nmax_block = lots\n");
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };
            board.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner runner = new BoardRunner(Layout(slots), board);
            Assert.AreEqual(BlinkCodes.ConfigError, runner.RunOnce(), Joined(board.Lines));
            Assert.AreEqual(BlinkCodes.ConfigError, runner.SystemLight.Code, "system LED blinks 2");
            Assert.AreEqual(0, module.PowerCycles, "the module was not touched");
            string line = board.Line("configuration: ");
            Assert.IsNotNull(line, Joined(board.Lines));
            Assert.IsTrue(line.IndexOf("mcuupdater.cfg") >= 0 && line.IndexOf("2") >= 0, "names the file and line: " + line);
        }

        [TestMethod]
        public void Bench_WithoutAButtonRunsOneRoundAtBoot()
        {
            byte[] firmware = EngineRig.Image(2 * 1012 + 1, 94);
            MemoryDeviceStorage files = new MemoryDeviceStorage();
            files.Put(ImagePath, QuecFotaPackageWriter.Build(firmware, EngineRig.NewVersion));
            SimulatedBoard board = new SimulatedBoard(new ManualClock(), files, new MemoryJournalStore());
            board.Configure("mode = bench\nimage = " + ImagePath + "\nmax_block = 1012\n");
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };
            board.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner runner = new BoardRunner(Layout(slots), board);
            Assert.AreEqual(BlinkCodes.None, runner.RunOnce(), Joined(board.Lines));
            Assert.AreEqual(1, runner.Rig.Rounds, "one round");
            Assert.AreEqual(1, board.Results.Lines.Count, "one results line");
            Assert.IsTrue(module.ImageMatches(firmware), "flashed");
            Assert.AreEqual((int)LightState.Ok, (int)runner.SlotLights[0].State, "slot LED steady");
        }

        [TestMethod]
        public void Bench_AResultsLogThatCannotBeWrittenRefusesTheRoundAndBlinks()
        {
            MemoryDeviceStorage files = new MemoryDeviceStorage();
            files.Put(ImagePath, QuecFotaPackageWriter.Build(EngineRig.Image(1500, 96), EngineRig.NewVersion));
            SimulatedBoard board = new SimulatedBoard(new ManualClock(), files, new MemoryJournalStore());
            board.Configure("mode = bench\nimage = " + ImagePath + "\nmax_block = 1012\n");
            board.Results.Broken = true;
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };
            board.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner runner = new BoardRunner(Layout(slots), board);
            Assert.AreEqual(BlinkCodes.ResultsLogFailed, runner.RunOnce(), Joined(board.Lines));
            Assert.AreEqual(0, module.PowerCycles, "the module was not touched");
            Assert.IsNotNull(board.Line("bench round refused, no module touched: results log"), Joined(board.Lines));
            Assert.AreEqual((int)LightState.Failed, (int)runner.SystemLight.State, "the board's LED says so");
        }

        [TestMethod]
        public void Update_ACorruptImageBlinksCodeFourAndLeavesTheModuleAlone()
        {
            byte[] package = QuecFotaPackageWriter.Build(EngineRig.Image(3000, 95), EngineRig.NewVersion);
            package[package.Length - 5] ^= 0x01;
            MemoryDeviceStorage files = new MemoryDeviceStorage();
            files.Put(ImagePath, package);
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            SimulatedBoard board = new SimulatedBoard(new ManualClock(), files, new MemoryJournalStore());
            board.Configure("image = " + ImagePath + "\n");
            BoardSlot[] slots = new BoardSlot[] { Slot(0) };
            board.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            BoardRunner runner = new BoardRunner(Layout(slots), board);
            Assert.AreEqual(BlinkCodes.NoImage, runner.RunOnce(), Joined(board.Lines));
            Assert.AreEqual(0, module.PowerCycles, "the module was not touched");
            Assert.IsNotNull(board.Line("image: " + ImagePath), "the image's problem, naming the file: " + Joined(board.Lines));
            Assert.IsNotNull(board.Line("stopped: blink code 4 (no usable image)"), Joined(board.Lines));

            // No image at all is no failure: a product with nothing to install runs on.
            files.Remove(ImagePath);
            SimulatedBoard again = new SimulatedBoard(new ManualClock(), files, new MemoryJournalStore());
            again.AddSlot(slots[0].Port, wire.HostLink, slots[0].Power, wire.Power, wire.Clock);
            Assert.AreEqual(BlinkCodes.None, new BoardRunner(Layout(slots), again).RunOnce(), Joined(again.Lines));
        }

        [TestMethod]
        public void Light_PlaysItsBlinkCodeInTime()
        {
            RecordingLed led = new RecordingLed(1);
            StatusLight light = new StatusLight(led);
            light.Fail(3, 1000);
            string seen = string.Empty;
            for (long t = 1000; t < 1000 + BlinkCodes.PeriodMs(3); t += 100)
            {
                light.Refresh(t);
                seen += led.Lit ? "#" : ".";
            }

            // Three 200 ms pulses with 200 ms gaps, then 1.5 s dark.
            Assert.AreEqual("##..##..##.." + "..............." , seen, "code 3");
            light.Refresh(1000 + BlinkCodes.PeriodMs(3));
            Assert.IsTrue(led.Lit, "and again");
            light.Ok();
            light.Refresh(1000 + BlinkCodes.PeriodMs(3) + 300);
            Assert.IsTrue(led.Lit, "steady once ok");
        }

        private static BoardSlot Slot(int i)
        {
            ModulePowerPins pins = new ModulePowerPins();
            pins.SupplyPin = 20 + i;
            pins.SupplyActiveHigh = true;
            BoardSlot slot = new BoardSlot("slot " + (i + 1).ToString(), "COM" + (i + 4).ToString(), pins);
            slot.Led = 10 + i;
            return slot;
        }

        private static BoardLayout Layout(BoardSlot[] slots)
        {
            BoardLayout layout = new BoardLayout("test board", slots);
            layout.SystemLed = SystemLed;
            layout.Defaults.ExpectedVersion = EngineRig.NewVersion;
            return layout;
        }

        private static bool WaitFor(StatusLight light, LightState state)
        {
            for (int i = 0; i < 500 && light.State != state; i++)
            {
                Thread.Sleep(10);
            }

            return light.State == state;
        }

        private static bool ReadAll(PipeLink link, byte[] expected)
        {
            byte[] got = new byte[expected.Length];
            int n = 0;
            for (int i = 0; i < 50 && n < got.Length; i++)
            {
                n += link.Read(got, n, got.Length - n, 100);
            }

            if (n != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                if (got[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Joined(System.Collections.ArrayList lines)
        {
            string all = string.Empty;
            for (int i = 0; i < lines.Count; i++)
            {
                all += " | " + (string)lines[i];
            }

            return all;
        }

        /// <summary>Runs a runner on its own thread and keeps its code.</summary>
        private sealed class RunnerThread
        {
            private readonly BoardRunner _runner;

            public RunnerThread(BoardRunner runner)
            {
                _runner = runner;
            }

            public int Code { get; private set; }

            public void Run()
            {
                Code = _runner.RunOnce();
            }
        }
    }
}
