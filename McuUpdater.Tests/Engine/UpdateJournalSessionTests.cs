using System;
using System.IO;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Engine
{
    /// <summary>The session keeps the journal: pending before the module is touched, cleared only on success, kept across an MCU reset.</summary>
    [TestClass]
    public class UpdateJournalSessionTests
    {
        private const int Length = 8 * 1012 + 5;

        [TestMethod]
        public void Journal_SuccessClearsThePendingFlag()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            MemoryJournalStore store = new MemoryJournalStore();
            rig.Session.Journal = new UpdateJournal(store);
            rig.UpdateAndCheck(EngineRig.Image(Length, 41), "with a journal");

            UpdateJournal after = new UpdateJournal(store);
            Assert.IsFalse(after.IsPending, "nothing pending after success");
            Assert.AreEqual((int)UpdateOutcome.Success, after.LastOutcome, "outcome recorded");
            Assert.AreEqual(2, store.Writes, "pending, then done");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Journal_UpdateCutOffMidDownloadIsFinishedAfterTheReset(int variant)
        {
            SimulatorOptions sim = EngineRig.Simulator(variant, 1024);
            EngineRig rig = new EngineRig(sim, null, null);
            MemoryJournalStore store = new MemoryJournalStore();
            rig.Session.Journal = new UpdateJournal(store);
            byte[] image = EngineRig.Image(Length, 42);
            PhaseRecorder events = new PhaseRecorder(rig.Session.Events);
            Canceller reset = new Canceller(rig.Session, 4);
            events.OnEachProgress = (sender, done, total, blocks, blockTotal) =>
            {
                // The MCU "resets" at block 4: from here on nothing reaches the journal.
                if (blocks == 4)
                {
                    store.Dead = true;
                }

                reset.OnProgress(sender, done, total, blocks, blockTotal);
            };
            UpdateResult first = rig.Update(image);
            EngineRig.ExpectOutcome(UpdateOutcome.Cancelled, first, "cut off at block 4");
            store.Dead = false;
            Assert.IsFalse(rig.Module.HasValidFirmware, "the module has no working firmware now");

            // The MCU restarts: everything in RAM is gone but the journal's store.
            UpdateJournal journal = new UpdateJournal(store);
            Assert.IsTrue(journal.IsPending, "the update is still pending");
            Assert.AreEqual("test.bin", journal.ImageName, "and names its image");
            Assert.AreEqual((long)Length, journal.ImageLength, "and its length");
            Assert.AreEqual(UpdateJournal.NoOutcome, journal.LastOutcome, "the attempt never recorded an end: it was cut off");

            UpdateSession second = new UpdateSession(rig.Wire.HostLink, rig.Wire.Power, rig.Wire.Clock, EngineRig.DefaultsFor(rig.Module.Options.Mtu));
            second.Journal = journal;
            UpdateResult r = second.Run(new BinImage(new MemoryStream(image), journal.ImageName));
            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "finished after the reset");
            Assert.IsTrue(rig.Module.ImageMatches(image), "byte-exact image");
            UpdateJournal done = new UpdateJournal(store);
            Assert.IsFalse(done.IsPending, "cleared");
            Assert.AreEqual(2, done.Attempts, "two attempts at this image");
        }

        [TestMethod]
        public void Journal_FailedUpdateStaysPendingWithItsReason()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), new FaultPlan(43).StatusAt(2, McuUpdater.Protocol.Status.FlashError).StatusAt(2, McuUpdater.Protocol.Status.FlashError), null);
            rig.Options.MaxRestarts = 1;
            MemoryJournalStore store = new MemoryJournalStore();
            rig.Session.Journal = new UpdateJournal(store);
            UpdateResult r = rig.Update(EngineRig.Image(Length, 43));
            EngineRig.ExpectOutcome(UpdateOutcome.FlashErrorPersisted, r, "flash error twice");
            UpdateJournal after = new UpdateJournal(store);
            Assert.IsTrue(after.IsPending, "still pending");
            Assert.AreEqual((int)UpdateOutcome.FlashErrorPersisted, after.LastOutcome, "with the reason");
        }

        [TestMethod]
        public void Journal_RejectedImageNeverMarksPending()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            MemoryJournalStore store = new MemoryJournalStore();
            rig.Session.Journal = new UpdateJournal(store);
            UpdateResult r = rig.Update(new byte[0]);
            EngineRig.ExpectOutcome(UpdateOutcome.ImageRejected, r, "empty image");
            Assert.AreEqual(0, store.Writes, "the journal was not touched");
            Assert.AreEqual(0, rig.Power.Calls, "nor the module");
        }

        [TestMethod]
        public void Journal_ThatCannotBeWrittenStopsTheUpdateBeforeTheModuleIsTouched()
        {
            EngineRig rig = new EngineRig(EngineRig.Simulator(0, 1024), null, null);
            rig.Session.Journal = new UpdateJournal(new BrokenStore());
            UpdateResult r = rig.Update(EngineRig.Image(Length, 44));
            EngineRig.ExpectOutcome(UpdateOutcome.JournalFailed, r, "card pulled");
            Assert.IsTrue(r.Detail.IndexOf("D:\\broken") >= 0, "names the store: " + r.Detail);
            Assert.IsTrue(r.Detail.IndexOf("card removed") >= 0, "and why: " + r.Detail);
            Assert.AreEqual(0, rig.Power.Calls, "no pin changed");
            Assert.AreEqual(0L, rig.Wire.HostBytesWritten, "nothing sent");
        }

        /// <summary>A store whose card was pulled: reads nothing, every write fails.</summary>
        private sealed class BrokenStore : IJournalStore
        {
            public string Name
            {
                get { return "D:\\broken"; }
            }

            public int Read(int slot, byte[] buffer)
            {
                return 0;
            }

            public void Write(int slot, byte[] buffer, int count)
            {
                throw new Exception("card removed");
            }
        }
    }
}
