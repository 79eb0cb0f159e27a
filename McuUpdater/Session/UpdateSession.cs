using System;
using System.Threading;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>One firmware update, start to end: verify the image, sync, download, restart as protocol.md says, RUN, check the version.</summary>
    /// <remarks>
    /// Single-threaded and blocking: <see cref="Run"/> returns when the update has ended, with one
    /// <see cref="UpdateOutcome"/>. The image is verified before any pin changes; once the module was
    /// touched, <see cref="IModulePower.Release"/> runs on every exit path. Progress comes out through
    /// <see cref="Events"/>; <see cref="Cancel"/> (from any thread) is honoured between frames and ticks.
    /// One session per update: a cancelled session stays cancelled.
    /// </remarks>
    public sealed class UpdateSession : ICancellation
    {
        private readonly IModulePower _power;
        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly UpdateEvents _events;
        private readonly BootSync _sync;
        private readonly Downloader _downloader;
        private readonly AtVersionCheck _versionCheck;
        private int _cancelled;

        /// <summary>Creates a session over the three seams; allocates every buffer the update needs.</summary>
        public UpdateSession(ISerialLink link, IModulePower power, IClock clock, UpdateOptions options)
        {
            if (link == null || power == null || clock == null)
            {
                throw new ArgumentNullException(link == null ? "link" : power == null ? "power" : "clock");
            }

            _power = power;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _events = new UpdateEvents(this);
            // One transmit side for sync and download: a restart waits for the download's frames to leave.
            Transmitter transmitter = new Transmitter(link, clock, _options.BaudRate);
            _sync = new BootSync(transmitter, power, clock, _options, _events, this);
            _downloader = new Downloader(transmitter, clock, _options, _events, this);
            _versionCheck = new AtVersionCheck(link, clock, _options, this);
        }

        /// <summary>Phase, progress, resend, restart and trace events.</summary>
        public UpdateEvents Events
        {
            get { return _events; }
        }

        /// <summary>
        /// Optional persistent journal: marked pending before the module is touched, cleared only
        /// when the update succeeded, and told how every other attempt ended. Set before <see cref="Run"/>.
        /// </summary>
        public IUpdateJournal Journal { get; set; }

        /// <summary>The settings this session runs with.</summary>
        public UpdateOptions Options
        {
            get { return _options; }
        }

        /// <summary>True once <see cref="Cancel"/> was called.</summary>
        public bool IsCancelled
        {
            get { return Interlocked.CompareExchange(ref _cancelled, 0, 0) != 0; }
        }

        /// <summary>Asks the update to stop at the next frame or tick; it ends with <see cref="UpdateOutcome.Cancelled"/>.</summary>
        public void Cancel()
        {
            Interlocked.Exchange(ref _cancelled, 1);
        }

        /// <summary>Runs the update of <paramref name="image"/> and returns how it ended.</summary>
        public UpdateResult Run(IImageSource image)
        {
            UpdateResult result = new UpdateResult();
            result.RunStatus = -1;

            // Every path below sets the real outcome; this one only shows if one ever forgets.
            result.Outcome = UpdateOutcome.LinkError;
            result.Detail = "the update did not finish";
            long start = _clock.NowMs;
            bool touched = false;

            // The downloader counts since construction; a session reused for the next module
            // (a bench slot) reports this run's share.
            int resendsBefore = _downloader.Resends;
            long framesBefore = _downloader.DataFramesSent;
            int staleBefore = _downloader.StaleReplies;
            try
            {
                if (Verify(image, result) && MarkPending(image, result))
                {
                    touched = true;
                    Update(image, result);
                }
            }
            catch (ImageException e)
            {
                // The storage failed while blocks were read: the image is not what was verified.
                Finish(result, UpdateOutcome.ImageRejected, image.Name + ": " + e.Message);
            }
            catch (Exception e)
            {
                if (IsLinkFailure(e))
                {
                    Finish(result, UpdateOutcome.LinkError, "serial port or power control failed: " + e.Message);
                }
                else
                {
                    // Not the hardware: calling it a port failure would send someone to check cables.
                    Finish(result, UpdateOutcome.InternalError, "internal error (" + ((object)e).GetType().FullName + "): " + e.Message);
                }
            }
            finally
            {
                if (touched)
                {
                    ReleasePower(result);
                    RecordEnd(result);
                }

                result.Resends = _downloader.Resends - resendsBefore;
                result.DataFramesSent = _downloader.DataFramesSent - framesBefore;
                result.StaleReplies = _downloader.StaleReplies - staleBefore;
                result.ElapsedMs = _clock.NowMs - start;
                _events.RaisePhase(UpdatePhase.Done);
            }

            return result;
        }

        // Verifies before anything else: a refused image never changes a pin.
        private bool Verify(IImageSource image, UpdateResult result)
        {
            _events.RaisePhase(UpdatePhase.Verifying);
            if (image == null)
            {
                Finish(result, UpdateOutcome.ImageRejected, "no image");
                return false;
            }

            try
            {
                image.Verify(_options.ExpectedVersion);
            }
            catch (ImageException e)
            {
                Finish(result, UpdateOutcome.ImageRejected, e.Message);
                return false;
            }
            catch (Exception e)
            {
                Finish(result, UpdateOutcome.ImageRejected, image.Name + ": cannot be read: " + e.Message);
                return false;
            }

            result.ImageLength = image.Length;
            result.ImageVersion = image.Version;
            if (IsCancelled)
            {
                Finish(result, UpdateOutcome.Cancelled, "cancelled before the module was touched");
                return false;
            }

            return true;
        }

        // protocol.md: the MCU must remember an update is pending before the module loses its
        // firmware. A journal that cannot be written means not starting at all.
        private bool MarkPending(IImageSource image, UpdateResult result)
        {
            if (Journal == null)
            {
                return true;
            }

            try
            {
                Journal.MarkPending(image.Name, image.Length, image.Version, image.Crc16);
                return true;
            }
            catch (Exception e)
            {
                Finish(result, UpdateOutcome.JournalFailed, "cannot record the pending update in " + Journal.Location + ": " + e.Message + "; the module was not touched");
                return false;
            }
        }

        private void RecordEnd(UpdateResult result)
        {
            if (Journal == null)
            {
                return;
            }

            try
            {
                if (result.Outcome == UpdateOutcome.Success)
                {
                    Journal.MarkDone((int)result.Outcome);
                }
                else
                {
                    Journal.RecordFailure((int)result.Outcome);
                }
            }
            catch (Exception e)
            {
                // The outcome stands; the journal still says pending, so the next start retries.
                result.Detail = result.Detail + " (the journal in " + Journal.Location + " could not be updated: " + e.Message + ")";
            }
        }

        private void Update(IImageSource image, UpdateResult result)
        {
            int restarts = 0;
            while (true)
            {
                SyncResult sync = _sync.Run();
                result.PowerCycles += _sync.Attempts;
                if (sync == SyncResult.Cancelled)
                {
                    Finish(result, UpdateOutcome.Cancelled, "cancelled during the boot sync");
                    return;
                }

                if (sync == SyncResult.Failed)
                {
                    Finish(result, UpdateOutcome.SyncFailed, "no 0x5B from the boot ROM within " + _options.SyncTimeoutMs.ToString() + " ms of power-on, in " + _sync.Attempts.ToString() + " power cycles");
                    return;
                }

                result.SyncGot9A = sync == SyncResult.Synced;
                long begin = _clock.NowMs;
                DownloadStep step = _downloader.Download(image, result.SyncGot9A);
                result.Mtu = _downloader.Mtu;
                result.BlockSize = _downloader.BlockSize;
                result.DownloadMs = _clock.NowMs - begin;
                if (step == DownloadStep.Completed)
                {
                    break;
                }

                if (step == DownloadStep.Cancelled)
                {
                    Finish(result, UpdateOutcome.Cancelled, "cancelled during the download: the module has no working firmware until an update completes");
                    return;
                }

                if (restarts >= _options.MaxRestarts)
                {
                    Finish(result, OutcomeOf(_downloader.RestartReason), _downloader.RestartDetail + " (after " + restarts.ToString() + " restarts)");
                    return;
                }

                restarts++;
                result.Restarts = restarts;
                _events.RaiseRestart(_downloader.RestartReason, restarts, _downloader.RestartDetail);
            }

            bool ran = _downloader.Run();
            result.RunStatus = _downloader.RunStatus;
            if (!_options.CheckVersion)
            {
                if (ran)
                {
                    Finish(result, UpdateOutcome.Success, "image accepted and started (RUN_GSMSW_RSP status " + _downloader.RunStatus.ToString() + ")");
                }
                else
                {
                    Finish(result, UpdateOutcome.ModuleSilent, "image accepted (END_RSP 0) but RUN_GSMSW got no answer after 3 sends");
                }

                return;
            }

            CheckVersion(image, result);
        }

        private void CheckVersion(IImageSource image, UpdateResult result)
        {
            _events.RaisePhase(UpdatePhase.CheckingVersion);
            string expected = _options.ExpectedVersion != null ? _options.ExpectedVersion : image.Version;
            VersionCheckResult check = _versionCheck.Run(expected);
            result.FirmwareVersion = _versionCheck.FoundVersion;
            switch (check)
            {
                case VersionCheckResult.Match:
                    Finish(result, UpdateOutcome.Success, "firmware " + _versionCheck.FoundVersion + " running");
                    break;
                case VersionCheckResult.ReadOnly:
                    Finish(result, UpdateOutcome.Success, "firmware " + _versionCheck.FoundVersion + " running (no expected version to compare)");
                    break;
                case VersionCheckResult.Mismatch:
                    Finish(result, UpdateOutcome.VersionMismatch, "firmware reports \"" + _versionCheck.FoundVersion + "\", expected \"" + expected + "\"");
                    break;
                case VersionCheckResult.Cancelled:
                    Finish(result, UpdateOutcome.Cancelled, "cancelled during the version check (the image was written)");
                    break;
                case VersionCheckResult.Unconfirmed:
                    Finish(result, UpdateOutcome.FirmwareSilent, "the new firmware's AT+GMR answers never repeated (last \"" + _versionCheck.FoundVersion + "\", expected \"" + expected + "\"): a noisy line");
                    break;
                default:
                    Finish(result, UpdateOutcome.FirmwareSilent, "the new firmware did not answer AT/AT+GMR within " + _options.BootTimeoutMs.ToString() + " ms of RUN");
                    break;
            }
        }

        private void ReleasePower(UpdateResult result)
        {
            try
            {
                _power.Release();
            }
            catch (Exception e)
            {
                if (result.Outcome == UpdateOutcome.Success)
                {
                    Finish(result, UpdateOutcome.LinkError, "releasing the power pins failed: " + e.Message);
                }
            }
        }

        // What a serial port or a GPIO pin throws when the hardware fails or goes away.
        private static bool IsLinkFailure(Exception e)
        {
            return e is System.IO.IOException || e is TimeoutException || e is InvalidOperationException || e is ObjectDisposedException;
        }

        private static UpdateOutcome OutcomeOf(RestartReason reason)
        {
            switch (reason)
            {
                case RestartReason.FlashError: return UpdateOutcome.FlashErrorPersisted;
                case RestartReason.NoAcceptedResponse: return UpdateOutcome.ModuleSilent;
                case RestartReason.LineNoise: return UpdateOutcome.NoisyLine;
                case RestartReason.NoValidAnswer: return UpdateOutcome.NoValidAnswer;
                default: return UpdateOutcome.ProtocolError;
            }
        }

        private void Finish(UpdateResult result, UpdateOutcome outcome, string detail)
        {
            result.Outcome = outcome;
            result.Detail = detail;
            if (_events.Tracing)
            {
                _events.RaiseTrace(OutcomeNames.Name(outcome) + ": " + detail);
            }
        }
    }
}
