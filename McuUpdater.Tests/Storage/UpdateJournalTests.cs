using System;
using McuUpdater.Session;
using McuUpdater.Storage;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Storage
{
    /// <summary>The persistent "update pending" record: survives reloads (resets) and torn writes.</summary>
    [TestClass]
    public class UpdateJournalTests
    {
        [TestMethod]
        public void Journal_EmptyStoreIsNotPending()
        {
            UpdateJournal journal = new UpdateJournal(new MemoryJournalStore());
            Assert.IsFalse(journal.IsPending, "nothing pending");
            Assert.AreEqual(0, journal.Attempts, "no attempts");
            Assert.AreEqual(0, journal.CorruptSlots, "nothing corrupt");
        }

        [TestMethod]
        public void Journal_PendingSurvivesAReload()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            new UpdateJournal(store).MarkPending("D:\\fw\\EC21.pkg", 2988442, "EC21EFAR06A01M4G");

            UpdateJournal after = new UpdateJournal(store);
            Assert.IsTrue(after.IsPending, "pending after the reset");
            Assert.AreEqual("D:\\fw\\EC21.pkg", after.ImageName, "image");
            Assert.AreEqual(2988442L, after.ImageLength, "length");
            Assert.AreEqual("EC21EFAR06A01M4G", after.ImageVersion, "version");
            Assert.AreEqual(1, after.Attempts, "first attempt");
            Assert.AreEqual(UpdateJournal.NoOutcome, after.LastOutcome, "no outcome yet: the attempt was cut off");
        }

        [TestMethod]
        public void Journal_AttemptsCountPerImage()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal journal = new UpdateJournal(store);
            journal.MarkPending("a.bin", 10, null);
            journal.RecordFailure((int)UpdateOutcome.SyncFailed);
            journal.MarkPending("a.bin", 10, null);
            Assert.AreEqual(2, new UpdateJournal(store).Attempts, "same image: second attempt");
            Assert.IsNull(new UpdateJournal(store).ImageVersion, "no version stays null");

            journal.MarkPending("b.bin", 10, null);
            Assert.AreEqual(1, new UpdateJournal(store).Attempts, "another image starts again at 1");
        }

        [TestMethod]
        public void Journal_AnEmptyVersionIsNoVersion_AndTheCrcTellsImagesApart()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            new UpdateJournal(store).MarkPending("a.pkg", 10, "", 0x1234);
            UpdateJournal after = new UpdateJournal(store);
            Assert.IsNull(after.ImageVersion, "stored empty, loaded as none");
            Assert.IsTrue(after.Names("a.pkg", 10, "", 0x1234), "an empty version matches itself after a reload");
            Assert.IsTrue(after.Names("a.pkg", 10, null, 0x1234), "and matches no version");
            Assert.IsFalse(after.Names("a.pkg", 10, null, 0x1235), "another CRC is another image");
            after.MarkPending("a.pkg", 10, "", 0x1234);
            Assert.AreEqual(2, new UpdateJournal(store).Attempts, "so attempts count on across resets");
        }

        [TestMethod]
        public void Journal_FailureKeepsPendingAndDoneClearsIt()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal journal = new UpdateJournal(store);
            journal.MarkPending("a.bin", 10, "V1");
            journal.RecordFailure((int)UpdateOutcome.FlashErrorPersisted);
            UpdateJournal reloaded = new UpdateJournal(store);
            Assert.IsTrue(reloaded.IsPending, "a failed update is still pending");
            Assert.AreEqual((int)UpdateOutcome.FlashErrorPersisted, reloaded.LastOutcome, "and says why");

            reloaded.MarkDone((int)UpdateOutcome.Success);
            reloaded = new UpdateJournal(store);
            Assert.IsFalse(reloaded.IsPending, "done");
            Assert.AreEqual((int)UpdateOutcome.Success, reloaded.LastOutcome, "last outcome");
            Assert.AreEqual("a.bin", reloaded.ImageName, "the last image is remembered");
        }

        [TestMethod]
        public void Journal_ManyChangesAlternateSlotsAndTheLatestWins()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal journal = new UpdateJournal(store);
            for (int i = 0; i < 25; i++)
            {
                journal.MarkPending("img" + i.ToString(), i, null);
                Assert.AreEqual("img" + i.ToString(), new UpdateJournal(store).ImageName, "latest after " + i.ToString());
            }

            Assert.AreEqual(25, store.Writes, "one write per change");
        }

        [TestMethod]
        public void Journal_AWriteTornAtAnyByteKeepsTheStateBeforeIt()
        {
            // Measure the record's size, then tear the "done" write at every length short of it.
            MemoryJournalStore probe = new MemoryJournalStore();
            UpdateJournal sizing = new UpdateJournal(probe);
            sizing.MarkPending("a.bin", 4096, "V2");
            sizing.MarkDone((int)UpdateOutcome.Success);
            byte[] slot = new byte[600];
            int recordLength = probe.Read(1, slot);
            Assert.IsTrue(recordLength > 20, "a record was written");

            for (int cut = 0; cut < recordLength + 10; cut++)
            {
                MemoryJournalStore store = new MemoryJournalStore();
                UpdateJournal journal = new UpdateJournal(store);
                journal.MarkPending("a.bin", 4096, "V2");
                store.TearNextWrite(cut);
                journal.MarkDone((int)UpdateOutcome.Success);

                UpdateJournal after = new UpdateJournal(store);
                bool complete = cut >= recordLength;
                Assert.AreEqual(!complete, after.IsPending, "cut at " + cut.ToString() + ": a torn 'done' leaves the update pending");
                Assert.AreEqual("a.bin", after.ImageName, "cut at " + cut.ToString() + ": the image is never lost");
                Assert.AreEqual(complete || cut == 0 ? 0 : 1, after.CorruptSlots, "cut at " + cut.ToString() + ": the torn slot is noticed");
            }
        }

        [TestMethod]
        public void Journal_RefusesFieldsItCannotStoreAndChangesNothing()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal journal = new UpdateJournal(store);
            journal.MarkPending("a.bin", 1, null);
            Assert.ThrowsException(typeof(ArgumentException), () => journal.MarkPending("bad|name.bin", 1, null), "a '|' in the name");
            Assert.ThrowsException(typeof(ArgumentException), () => journal.MarkPending("a.bin", 1, "V1\nV2"), "a line break in the version");
            Assert.AreEqual(1, store.Writes, "nothing written");
            Assert.AreEqual("a.bin", journal.ImageName, "state unchanged");
        }
    }
}
