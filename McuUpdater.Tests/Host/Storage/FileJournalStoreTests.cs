using System;
using System.IO;
using McuUpdater.Storage;
using Xunit;

namespace McuUpdater.Tests.Host.Storage
{
    /// <summary>The journal on real files (the device uses the same code on D:\ or I:\).</summary>
    public class FileJournalStoreTests
    {
        [Fact]
        public void Journal_OnFiles_SurvivesANewProcessView_AndATruncatedFile()
        {
            string folder = Path.Combine(Path.GetTempPath(), "mcuupdater-journal-" + Guid.NewGuid().ToString("N"), "sub");
            try
            {
                UpdateJournal journal = new UpdateJournal(new FileJournalStore(folder));
                Assert.False(journal.IsPending);
                journal.MarkPending("D:\\fw\\EC21.pkg", 1234, "V9");
                Assert.True(File.Exists(Path.Combine(folder, "journal.0")), "folder and first slot created");

                UpdateJournal reopened = new UpdateJournal(new FileJournalStore(folder));
                Assert.True(reopened.IsPending);
                Assert.Equal("D:\\fw\\EC21.pkg", reopened.ImageName);

                reopened.MarkDone((int)McuUpdater.Session.UpdateOutcome.Success);
                string latest = Path.Combine(folder, "journal.1");
                byte[] bytes = File.ReadAllBytes(latest);
                File.WriteAllBytes(latest, bytes[..(bytes.Length / 2)]); // power lost mid-write

                UpdateJournal afterCrash = new UpdateJournal(new FileJournalStore(folder));
                Assert.True(afterCrash.IsPending, "the torn 'done' falls back to 'pending'");
                Assert.Equal(1, afterCrash.CorruptSlots);
            }
            finally
            {
                string root = Path.GetDirectoryName(folder);
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, true);
                }
            }
        }
    }
}
