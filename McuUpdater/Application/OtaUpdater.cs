using System;
using System.IO;
using McuUpdater.Fetch;
using McuUpdater.Link;
using McuUpdater.Modem;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>
    /// The field flow in one call: check → fetch (through the module's own TCP/IP, while its old
    /// firmware runs) → verify → journal → flash → version check.
    /// </summary>
    /// <remarks>
    /// The journal covers both halves: a reset mid-fetch resumes the fetch from the stored bytes, a
    /// reset mid-flash finishes the flash first, and a package installed already is not fetched
    /// again. The module is only powered into its boot ROM (by <see cref="FieldUpdater"/>) when a
    /// complete, verified package is on storage, or when a flash cut off by a reset must be finished.
    /// The module must be powered and running its firmware for the check and the fetch (a product's
    /// normal state). Without <c>ota_host</c> this is just <see cref="FieldUpdater"/>.
    /// </remarks>
    public sealed class OtaUpdater
    {
        private readonly UpdaterSettings _settings;
        private readonly IWritableStorage _storage;
        private readonly UpdateJournal _journal;
        private readonly ISerialLink _link;
        private readonly IClock _clock;

        /// <summary>Prepares the flow: the update session and the fetcher are built (buffers allocated) before anything is decided.</summary>
        public OtaUpdater(UpdaterSettings settings, IWritableStorage storage, UpdateJournal journal, ISerialLink link, IModulePower power, IClock clock, IModuleNetwork network)
        {
            _settings = settings;
            _storage = storage;
            _journal = journal;
            _link = link;
            _clock = clock;
            Updater = new FieldUpdater(settings, storage, journal, link, power, clock);
            if (settings.FetchConfigured)
            {
                Fetcher = new PackageFetcher(network, storage, journal, clock, settings.ToFetchOptions());
            }
        }

        /// <summary>The flash half (its <see cref="FieldUpdater.Session"/> raises the update's events).</summary>
        public FieldUpdater Updater { get; private set; }

        /// <summary>The fetch half (progress events), or null when fetching is not configured.</summary>
        public PackageFetcher Fetcher { get; private set; }

        /// <summary>Checks, and fetches and flashes when needed.</summary>
        public OtaReport Run()
        {
            OtaReport report = new OtaReport();
            if (Fetcher == null)
            {
                report.Check = "fetching is not configured (no ota_host): the package on storage is used as it is";
                report.Field = Updater.Run();
                return report;
            }

            if (_journal.IsPending)
            {
                report.Check = "a flash with " + _journal.ImageName + " was cut off: it is finished before anything is fetched";
                report.Field = Updater.Run();
                return report;
            }

            string expected = _settings.ExpectedVersion;
            string problem = StoredPackageProblem();
            if (problem == null)
            {
                report.Check = _settings.ImagePath + " holds version " + expected + ", verified: nothing to fetch";
                report.Field = Updater.Run();
                return report;
            }

            if (!_journal.IsFetching && _journal.LastOutcome == (int)UpdateOutcome.Success && _journal.ImageVersion == expected)
            {
                report.InstalledAlready = true;
                report.Check = "version " + expected + " was installed (journal): nothing to fetch";
                return report;
            }

            if (!_journal.IsFetching)
            {
                AtVersionCheck check = new AtVersionCheck(_link, _clock, _settings.ToUpdateOptions(), Fetcher);
                VersionCheckResult found = check.Run(expected);
                report.ModuleVersion = check.FoundVersion;
                if (found == VersionCheckResult.Match)
                {
                    report.InstalledAlready = true;
                    report.Check = "the module runs " + expected + " already: nothing to fetch";
                    return report;
                }
            }

            report.Check = (_journal.IsFetching ? "resuming the fetch of " : "fetching ") + expected + " (" + problem + (report.ModuleVersion == null ? string.Empty : "; the module runs " + report.ModuleVersion) + ")";
            report.Fetch = Fetcher.Fetch();
            if (!report.Fetch.Succeeded)
            {
                // The module was not touched: its old firmware runs on, the next check tries again.
                return report;
            }

            report.Field = Updater.Run();
            return report;
        }

        // Null when the configured package is on storage, whole, and of the expected version; else why not.
        private string StoredPackageProblem()
        {
            string path = _settings.ImagePath;
            if (!_storage.Exists(path))
            {
                return path + " not on storage";
            }

            Stream stream = null;
            try
            {
                stream = _storage.OpenRead(path);
                StreamImage image = ImageFormat.Open(stream, path);
                image.Verify(_settings.ExpectedVersion);
                return null;
            }
            catch (Exception e)
            {
                return e.Message;
            }
            finally
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
        }
    }
}
