using McuUpdater.Fetch;
using McuUpdater.Link;
using McuUpdater.Modem;
using McuUpdater.Power;
using McuUpdater.Storage;

namespace McuUpdater.Application
{
    /// <summary>Update mode with fetching configured: the field flow (<see cref="OtaUpdater"/>) now, then again every <c>ota_check_minutes</c>.</summary>
    public sealed partial class BoardRunner
    {
        /// <summary>What the last run of the field flow with fetching did, or null.</summary>
        public OtaReport LastOtaReport { get; private set; }

        // Runs the flow, shows the result, waits for the next check with the LEDs alive, and again,
        // until Stop (a device never stops; a test stops before the run to get exactly one).
        private int RunOta(UpdaterSettings settings, ISerialLink link, IModulePower power, UpdateJournal journal, BoardSlot slot)
        {
            IWritableStorage storage = _hw.Storage as IWritableStorage;
            if (storage == null)
            {
                _hw.Log("fetch: this board's storage cannot be written, so ota_host cannot be used");
                return Failed(BlinkCodes.ConfigError);
            }

            IModuleNetwork modem = ModuleNetworks.Create(link, _hw.SlotClock(0), settings.ToModemSettings(), null);
            OtaUpdater updater = new OtaUpdater(settings, storage, journal, link, power, _hw.SlotClock(0), modem);
            ApplyTimings(updater.Updater.Session.Options, slot);
            updater.Updater.Session.Events.Progress += _system.OnProgress;
            updater.Updater.Session.Events.Progress += _slotLights[0].OnProgress;
            while (true)
            {
                int code = OtaPass(updater, settings);
                if (IsStopped)
                {
                    return code;
                }

                _hw.Log("next check in " + settings.OtaCheckMinutes.ToString() + " min");
                long next = _clock.NowMs + (long)settings.OtaCheckMinutes * 60000;
                while (!IsStopped && _clock.NowMs < next)
                {
                    RefreshLights();
                    _clock.Sleep(PollMs);
                }

                if (IsStopped)
                {
                    return code;
                }

                _system.Busy();
                _slotLights[0].Busy();
            }
        }

        private int OtaPass(OtaUpdater updater, UpdaterSettings settings)
        {
            OtaReport report = updater.Run();
            LastOtaReport = report;
            _hw.Log("check: " + report.Check);
            if (report.Fetch != null)
            {
                _hw.Log("fetch: " + FetchOutcomeNames.Name(report.Fetch.Outcome) + ": " + report.Fetch.Detail);
            }

            if (report.Field != null)
            {
                LastReport = report.Field;
                Report(report.Field);
            }

            StatusLight light = _slotLights[0];
            if (report.ModuleUpToDate)
            {
                _system.Ok();
                light.Ok();
                _hw.Log("done: the module runs " + settings.ExpectedVersion);
                return BlinkCodes.None;
            }

            // A failed fetch leaves the old firmware running: the next check tries again.
            int code = report.Field != null && report.Field.Decision.RunsUpdate ? BlinkCodes.UpdateFailed : BlinkCodes.NoImage;
            light.Fail(code, _clock.NowMs);
            return Failed(code);
        }
    }
}
