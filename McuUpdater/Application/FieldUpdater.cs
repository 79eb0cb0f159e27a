using System;
using System.IO;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>
    /// Update mode at start-up, in one call: verify the configured image, consult the journal,
    /// then install, finish a pending update, or leave the module alone.
    /// </summary>
    /// <remarks>
    /// Boards call <see cref="Run"/> after mounting their storage and opening the module's UART
    /// and power pins; <see cref="Session"/> is exposed before the run so a board can hang its
    /// LEDs on the events. The image stream is closed on every path.
    /// </remarks>
    public sealed class FieldUpdater
    {
        private readonly UpdaterSettings _settings;
        private readonly IDeviceStorage _storage;
        private readonly UpdateJournal _journal;

        /// <summary>Prepares the update: the session is built (buffers allocated) before anything is decided.</summary>
        public FieldUpdater(UpdaterSettings settings, IDeviceStorage storage, UpdateJournal journal, ISerialLink link, IModulePower power, IClock clock)
        {
            _settings = settings;
            _storage = storage;
            _journal = journal;
            Session = new UpdateSession(link, power, clock, settings.ToUpdateOptions());
            Session.Journal = journal;
        }

        /// <summary>The session that will run (events for LEDs and logs).</summary>
        public UpdateSession Session { get; private set; }

        /// <summary>Decides and, when needed, runs the update.</summary>
        public FieldReport Run()
        {
            FieldReport report = new FieldReport();
            Stream configuredStream = null;
            Stream pendingStream = null;
            try
            {
                if (_journal.CorruptSlots > 0)
                {
                    report.JournalProblem = "the journal in " + _journal.Store.Name + " had " + _journal.CorruptSlots.ToString() + " unreadable record(s); the state before them is used";
                }

                StreamImage configured = OpenConfigured(report, out configuredStream);

                // A pending image that just failed verification as the configured one is no way out.
                bool pendingFailed = configured == null && report.ImageProblem != null && _journal.ImageName == _settings.ImagePath;
                bool pendingExists = _journal.IsPending && _journal.ImageName != null && !pendingFailed && _storage.Exists(_journal.ImageName);
                report.Decision = FieldDecision.Make(_settings, _journal, configured, pendingExists);
                if (!report.Decision.RunsUpdate)
                {
                    return report;
                }

                IImageSource image = configured;
                if (configured == null || configured.Name != report.Decision.ImagePath)
                {
                    pendingStream = _storage.OpenRead(report.Decision.ImagePath);
                    image = ImageFormat.Open(pendingStream, report.Decision.ImagePath);
                }

                // The session verifies too: the configured image's content was read once already and
                // is not read again; a pending image read just now is read in full there.
                report.Result = Session.Run(image);
                return report;
            }
            finally
            {
                Close(configuredStream);
                Close(pendingStream);
            }
        }

        // The configured image, verified; null (with the reason in the report) when it cannot be used.
        private StreamImage OpenConfigured(FieldReport report, out Stream stream)
        {
            stream = null;
            string path = _settings.ImagePath;
            if (path == null)
            {
                return null;
            }

            if (!_storage.Exists(path))
            {
                report.ImageProblem = path + " not found";
                return null;
            }

            try
            {
                stream = _storage.OpenRead(path);
                StreamImage image = ImageFormat.Open(stream, path);
                image.Verify(_settings.ExpectedVersion);
                return image;
            }
            catch (Exception e)
            {
                report.ImageProblem = path + ": " + e.Message;
                Close(stream);
                stream = null;
                return null;
            }
        }

        private static void Close(Stream stream)
        {
            if (stream != null)
            {
                stream.Dispose();
            }
        }
    }
}
