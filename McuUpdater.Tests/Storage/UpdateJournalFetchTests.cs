using McuUpdater.Fetch;
using McuUpdater.Session;
using McuUpdater.Storage;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Storage
{
    /// <summary>The journal's fetch state: kept across resets with the package's length, never over a pending update.</summary>
    [TestClass]
    public class UpdateJournalFetchTests
    {
        [TestMethod]
        public void Journal_FetchStateSurvivesAResetWithItsLength()
        {
            MemoryJournalStore store = new MemoryJournalStore();
            UpdateJournal j = new UpdateJournal(store);
            j.MarkFetching("D:\\fw.pkg", "V2");
            j.RecordFetchLength(300000);

            UpdateJournal after = new UpdateJournal(store);
            Assert.IsTrue(after.IsFetching, "fetching");
            Assert.IsFalse(after.IsPending, "no update pending: the module was not touched");
            Assert.AreEqual(300000L, after.ImageLength, "the package's length");
            Assert.AreEqual(1, after.Attempts, "first run");

            after.MarkFetching("D:\\fw.pkg", "V2");
            Assert.AreEqual(300000L, after.ImageLength, "the same fetch keeps its length");
            Assert.AreEqual(2, after.Attempts, "and counts on");
            after.MarkFetching("D:\\fw.pkg", "V3");
            Assert.AreEqual(-1L, after.ImageLength, "another version starts afresh");
            Assert.AreEqual(1, after.Attempts, "with its own count");

            after.EndFetch(UpdateJournal.FetchOutcomeBase + (int)FetchOutcome.Fetched);
            UpdateJournal done = new UpdateJournal(store);
            Assert.IsFalse(done.IsFetching, "ended");
            Assert.AreEqual(UpdateJournal.FetchOutcomeBase + (int)FetchOutcome.Fetched, done.LastOutcome, "how");
            Assert.AreEqual("fetch Fetched", OutcomeNames.OfJournal(done), "in words");
        }

        [TestMethod]
        public void Journal_NoFetchWhileAnUpdateIsPending()
        {
            UpdateJournal j = new UpdateJournal(new MemoryJournalStore());
            j.MarkPending("D:\\fw.pkg", 1000, "V1", 0x1234);
            bool refused = false;
            try
            {
                j.MarkFetching("D:\\fw.pkg", "V2");
            }
            catch (System.InvalidOperationException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "refused");
            Assert.IsTrue(j.IsPending, "the pending update is kept");
        }

        [TestMethod]
        public void Journal_UpdateAfterAFetchIsPendingNotFetching()
        {
            UpdateJournal j = new UpdateJournal(new MemoryJournalStore());
            j.MarkFetching("D:\\fw.pkg", "V2");
            j.EndFetch(UpdateJournal.FetchOutcomeBase + (int)FetchOutcome.Fetched);
            j.MarkPending("D:\\fw.pkg", 1000, "V2", 0x4321);
            Assert.IsTrue(j.IsPending, "pending");
            Assert.IsFalse(j.IsFetching, "not fetching");
        }
    }
}
