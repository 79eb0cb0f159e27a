using System.IO;
using McuUpdater.Application;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Application
{
    /// <summary>A product's start-ups against a simulated module: install once, skip when installed, resume after a reset, give up in the end.</summary>
    [TestClass]
    public class FieldDecisionTests
    {
        private const string Path = "D:\\fw\\module.bin";

        [TestMethod]
        public void Field_InstallsOnceThenLeavesTheModuleAlone()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            MemoryJournalStore store = new MemoryJournalStore();
            byte[] image = EngineRig.Image(5000, 51);
            UpdaterSettings settings = Settings();

            FieldDecision first = FieldDecision.Make(settings, new UpdateJournal(store), Verified(image, Path), false);
            Assert.AreEqual((int)FieldAction.Install, (int)first.Action, first.Reason);
            Assert.AreEqual(Path, first.ImagePath, "the configured image");
            Run(rig, store, image, first.ImagePath);

            FieldDecision second = FieldDecision.Make(settings, new UpdateJournal(store), Verified(image, Path), false);
            Assert.AreEqual((int)FieldAction.UpToDate, (int)second.Action, second.Reason);
            Assert.IsFalse(second.RunsUpdate, "nothing to run");

            byte[] sameLength = EngineRig.Image(5000, 55);
            FieldDecision replaced = FieldDecision.Make(settings, new UpdateJournal(store), Verified(sameLength, Path), false);
            Assert.AreEqual((int)FieldAction.Install, (int)replaced.Action, "another BIN of the same length at the same path is installed (its CRC differs): " + replaced.Reason);

            byte[] newer = EngineRig.Image(5002, 52);
            FieldDecision third = FieldDecision.Make(settings, new UpdateJournal(store), Verified(newer, Path), false);
            Assert.AreEqual((int)FieldAction.Install, (int)third.Action, "a different image at the same path is installed: " + third.Reason);
        }

        [TestMethod]
        public void Field_ResumesAfterAResetAndGivesUpAfterMaxAttempts()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            MemoryJournalStore store = new MemoryJournalStore();
            byte[] image = EngineRig.Image(9000, 53);
            UpdaterSettings settings = Settings();
            settings.MaxAttempts = 2;

            // Start-up 1: install, cut off by a "reset" at block 3.
            UpdateJournal journal = new UpdateJournal(store);
            rig.Session.Journal = journal;
            new PhaseRecorder(rig.Session.Events).OnEachProgress = new Canceller(rig.Session, 3).OnProgress;
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, rig.Update(image), "cut off");

            // Start-up 2: the configured image is gone, the pending one is still there.
            FieldDecision resume = FieldDecision.Make(settings, new UpdateJournal(store), null, true);
            Assert.AreEqual((int)FieldAction.Resume, (int)resume.Action, resume.Reason);
            Assert.AreEqual("test.bin", resume.ImagePath, "the journal's image");

            // Attempt 2 also fails (the card is pulled: nothing pending can be found next time).
            new UpdateJournal(store).MarkPending("test.bin", image.Length, null, Verified(image, "test.bin").Crc16);
            FieldDecision gaveUp = FieldDecision.Make(settings, new UpdateJournal(store), null, true);
            Assert.AreEqual((int)FieldAction.GaveUp, (int)gaveUp.Action, gaveUp.Reason);
            Assert.IsTrue(gaveUp.Reason.IndexOf("failed 2 times") >= 0, gaveUp.Reason);

            byte[] fix = EngineRig.Image(9002, 54);
            FieldDecision other = FieldDecision.Make(settings, new UpdateJournal(store), Verified(fix, "D:\\fw\\fix.bin"), true);
            Assert.AreEqual((int)FieldAction.Resume, (int)other.Action, "another image gets its own attempts: " + other.Reason);

            settings.MaxAttempts = 0;
            FieldDecision missing = FieldDecision.Make(settings, new UpdateJournal(store), null, false);
            Assert.AreEqual((int)FieldAction.PendingWithoutImage, (int)missing.Action, missing.Reason);

            FieldDecision again = FieldDecision.Make(settings, new UpdateJournal(store), Verified(image, Path), false);
            Assert.AreEqual((int)FieldAction.Resume, (int)again.Action, "a verified configured image finishes a pending update: " + again.Reason);
            Run(rig, store, image, again.ImagePath);
            Assert.IsTrue(rig.Module.ImageMatches(image), "module restored byte for byte");
            Assert.IsFalse(new UpdateJournal(store).IsPending, "nothing pending any more");
        }

        [TestMethod]
        public void Field_NothingConfiguredNothingPending()
        {
            FieldDecision d = FieldDecision.Make(new UpdaterSettings(), new UpdateJournal(new MemoryJournalStore()), null, false);
            Assert.AreEqual((int)FieldAction.NothingToInstall, (int)d.Action, d.Reason);
            Assert.IsNull(d.ImagePath, "no image");
        }

        private static UpdaterSettings Settings()
        {
            UpdaterSettings s = new UpdaterSettings();
            s.ImagePath = Path;
            s.ExpectedVersion = EngineRig.NewVersion;
            return s;
        }

        private static IImageSource Verified(byte[] image, string name)
        {
            BinImage bin = new BinImage(new MemoryStream(image), name);
            bin.Verify(null);
            return bin;
        }

        private static void Run(EngineRig rig, MemoryJournalStore store, byte[] image, string name)
        {
            UpdateSession session = new UpdateSession(rig.Wire.HostLink, rig.Wire.Power, rig.Wire.Clock, EngineRig.DefaultsFor(rig.Module.Options.Mtu));
            session.Journal = new UpdateJournal(store);
            EngineRig.ExpectOutcome(UpdateOutcome.Success, session.Run(new BinImage(new MemoryStream(image), name)), "install " + name);
        }
    }
}
