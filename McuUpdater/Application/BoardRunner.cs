using System;
using System.Threading;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Relay;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Application
{
    /// <summary>
    /// Everything a board app does after its pin map: mount the card, load the configuration, run
    /// the configured mode (update, relay or bench), and show how it went on the LEDs and in the
    /// debug output. A board's Program is a <see cref="BoardLayout"/> and a call to <see cref="Run"/>.
    /// </summary>
    /// <remarks>
    /// Bench slots run on one thread each (inside <see cref="BenchRig"/>); everything else, including
    /// the blink codes, is played on the caller's thread between rounds and after the end. Ports and
    /// power pins stay open when a mode ends: the module must stay powered and its pins at their
    /// safe levels while the board shows its result.
    /// </remarks>
    public sealed partial class BoardRunner
    {
        /// <summary>How often the button is read and blinking LEDs are refreshed.</summary>
        public const int PollMs = 20;

        /// <summary>How long the button must stay down to count as a press.</summary>
        public const int DebounceMs = 60;

        private readonly BoardLayout _layout;
        private readonly IBoardHardware _hw;
        private readonly IClock _clock;
        private readonly StatusLight _system;
        private readonly StatusLight[] _slotLights;
        private int _stopped;

        /// <summary>Prepares the runner and opens the LEDs (all dark).</summary>
        public BoardRunner(BoardLayout layout, IBoardHardware hardware)
        {
            if (layout == null || hardware == null)
            {
                throw new ArgumentNullException(layout == null ? "layout" : "hardware");
            }

            if (layout.Slots == null || layout.Slots.Length == 0)
            {
                throw new ArgumentException("board " + layout.Name + " has no module slot", "layout");
            }

            _layout = layout;
            _hw = hardware;
            _clock = hardware.Clock;
            _system = new StatusLight(Led(layout.SystemLed, layout.SystemLedActiveHigh));
            _slotLights = new StatusLight[layout.Slots.Length];
            for (int i = 0; i < _slotLights.Length; i++)
            {
                _slotLights[i] = new StatusLight(Led(layout.Slots[i].Led, layout.Slots[i].LedActiveHigh));
            }
        }

        /// <summary>The board's own LED.</summary>
        public StatusLight SystemLight
        {
            get { return _system; }
        }

        /// <summary>One LED per slot, in slot order.</summary>
        public StatusLight[] SlotLights
        {
            get { return _slotLights; }
        }

        /// <summary>The settings in force (after <see cref="RunOnce"/> loaded them), or null.</summary>
        public UpdaterSettings Settings { get; private set; }

        /// <summary>What update mode did, or null.</summary>
        public FieldReport LastReport { get; private set; }

        /// <summary>Bench mode's rig (its slots' last results), or null.</summary>
        public BenchRig Rig { get; private set; }

        /// <summary>True once <see cref="Stop"/> was called.</summary>
        public bool IsStopped
        {
            get { return Interlocked.CompareExchange(ref _stopped, 0, 0) != 0; }
        }

        /// <summary>A board app's one call: runs the configured mode, then shows the result for ever. Never returns on a device.</summary>
        public static void Run(BoardLayout layout, IBoardHardware hardware)
        {
            BoardRunner runner = new BoardRunner(layout, hardware);
            runner.RunOnce();
            runner.Hold();
        }

        /// <summary>Asks a waiting bench, a running relay and <see cref="Hold"/> to end (tests; a device never stops).</summary>
        public void Stop()
        {
            Interlocked.Exchange(ref _stopped, 1);
        }

        /// <summary>Runs the configured mode once (a bench: until <see cref="Stop"/>); returns the system LED's blink code, <see cref="BlinkCodes.None"/> when all went well.</summary>
        public int RunOnce()
        {
            try
            {
                return RunMode();
            }
            catch (Exception e)
            {
                // A port or pin that would not open, out of memory, a bug: it must still show.
                _hw.Log("internal error (" + ((object)e).GetType().FullName + "): " + e.Message);
                return Failed(BlinkCodes.InternalError);
            }
        }

        /// <summary>Keeps the LEDs showing their states (blink codes play) until <see cref="Stop"/>.</summary>
        public void Hold()
        {
            while (!IsStopped)
            {
                RefreshLights();
                _clock.Sleep(PollMs);
            }
        }

        private int RunMode()
        {
            bool card = _hw.MountCard(_layout.CardRoot);
            string config = (card ? _layout.CardRoot : _layout.FlashRoot) + _layout.ConfigFileName;
            _hw.Log("McuUpdater on " + _layout.Name + ": " + (card ? "card at " + _layout.CardRoot : "no card, internal flash at " + _layout.FlashRoot) + ", configuration " + config);
            UpdaterSettings settings;
            try
            {
                settings = ConfigFile.Load(_hw.Storage, config, _layout.Defaults);
            }
            catch (ConfigException e)
            {
                _hw.Log("configuration: " + e.Message);
                return Failed(BlinkCodes.ConfigError);
            }

            Settings = settings;
            switch (settings.Mode)
            {
                case UpdaterMode.Relay:
                    return RunRelay(settings);
                case UpdaterMode.Bench:
                    return RunBench(settings);
                default:
                    return RunUpdate(settings);
            }
        }

        private int RunUpdate(UpdaterSettings settings)
        {
            BoardSlot slot = _layout.Slots[0];
            _hw.Log("mode: update, module on " + slot.Port + ", image " + (settings.ImagePath == null ? "none" : settings.ImagePath) + ", journal in " + settings.JournalFolder);
            IModulePower power = _hw.OpenPower(slot.Power);
            ISerialLink link = _hw.OpenPort(slot.Port, _layout.UpdateBufferBytes, true);
            UpdateJournal journal = new UpdateJournal(_hw.OpenJournalStore(settings.JournalFolder));
            StatusLight light = _slotLights[0];
            _system.Busy();
            light.Busy();
            if (settings.FetchConfigured)
            {
                // ota_host is set: the flow fetches the package over the module's TCP/IP first (BoardRunner.Ota.cs).
                return RunOta(settings, link, power, journal, slot);
            }

            FieldReport report = RunFieldFlow(settings, link, power, journal, slot);
            LastReport = report;
            Report(report);
            bool badImage = report.ImageProblem != null && settings.ImagePath != null && _hw.Storage.Exists(settings.ImagePath);
            if (report.ModuleUpToDate || (report.Decision.Action == FieldAction.NothingToInstall && !badImage))
            {
                _system.Ok();
                light.Ok();
                _hw.Log("done: " + (report.ModuleUpToDate ? "the module runs the configured firmware" : "nothing to install"));
                return BlinkCodes.None;
            }

            int code = report.Decision.RunsUpdate ? BlinkCodes.UpdateFailed : BlinkCodes.NoImage;
            light.Fail(code, _clock.NowMs);
            return Failed(code);
        }

        // Update mode's field flow in one call: today the image on the card or in flash; a flow that
        // fetches the image first (over the module's own TCP/IP) plugs in here and returns the same report.
        private FieldReport RunFieldFlow(UpdaterSettings settings, ISerialLink link, IModulePower power, UpdateJournal journal, BoardSlot slot)
        {
            FieldUpdater updater = new FieldUpdater(settings, _hw.Storage, journal, link, power, _hw.SlotClock(0));
            ApplyTimings(updater.Session.Options, slot);
            updater.Session.Events.Progress += _system.OnProgress;
            updater.Session.Events.Progress += _slotLights[0].OnProgress;
            return updater.Run();
        }

        private void Report(FieldReport report)
        {
            _hw.Log("decision: " + report.Decision.Reason);
            if (report.JournalProblem != null)
            {
                _hw.Log("journal: " + report.JournalProblem);
            }

            if (report.ImageProblem != null)
            {
                _hw.Log("image: " + report.ImageProblem);
            }

            if (report.Result != null)
            {
                _hw.Log("update: " + Describe(report.Result));
            }
        }

        private int RunRelay(UpdaterSettings settings)
        {
            BoardSlot slot = _layout.Slots[0];
            if (_layout.PcPort == null)
            {
                _hw.Log("relay: board " + _layout.Name + " has no PC port");
                return Failed(BlinkCodes.ConfigError);
            }

            ISerialLink module = _hw.OpenPort(slot.Port, _layout.RelayBufferBytes, false);
            ISerialLink pc = _hw.OpenPort(_layout.PcPort, _layout.RelayBufferBytes, false);
            IModulePower power = settings.RelayAutoPower ? _hw.OpenPower(slot.Power) : null;
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = settings.RelayAutoPower;
            if (slot.PowerOffMs > 0)
            {
                options.PowerOffMs = slot.PowerOffMs;
            }

            RelayEngine relay = new RelayEngine(pc, module, power, _clock, options);
            relay.Start();
            _system.Ok();
            _slotLights[0].Idle();
            _hw.Log("mode: relay, PC on " + _layout.PcPort + ", module on " + slot.Port + (settings.RelayAutoPower ? ", power-cycles the module when the PC starts its sync" : ", power left alone"));
            while (relay.IsRunning && !IsStopped)
            {
                // The slot's LED is lit while a PC session (sync to RUN) is on.
                if (relay.SessionActive != (_slotLights[0].State == LightState.Busy))
                {
                    if (relay.SessionActive)
                    {
                        _slotLights[0].Busy();
                    }
                    else
                    {
                        _slotLights[0].Idle();
                    }
                }

                _clock.Sleep(PollMs);
            }

            Exception fault = relay.Fault;
            relay.Stop();
            if (fault == null && IsStopped)
            {
                _hw.Log("relay: stopped");
                return BlinkCodes.None;
            }

            _hw.Log("relay stopped: " + (fault != null ? fault.Message : "no reason given"));
            return Failed(BlinkCodes.RelayStopped);
        }

        private int RunBench(UpdaterSettings settings)
        {
            if (settings.ImagePath == null)
            {
                _hw.Log("bench: no image configured");
                return Failed(BlinkCodes.NoImage);
            }

            BenchSlot[] slots = new BenchSlot[_layout.Slots.Length];
            for (int i = 0; i < slots.Length; i++)
            {
                BoardSlot s = _layout.Slots[i];
                UpdateOptions options = settings.ToUpdateOptions();
                ApplyTimings(options, s);
                slots[i] = new BenchSlot(s.Name, _hw.OpenPort(s.Port, _layout.UpdateBufferBytes, true), _hw.OpenPower(s.Power), _hw.SlotClock(i), options);
                slots[i].Session.Events.Progress += _slotLights[i].OnProgress;
            }

            Rig = new BenchRig(slots, _hw.OpenResultsLog(settings.ResultsPath));
            IStartButton button = _layout.StartButton == ModulePowerPins.None ? null : _hw.OpenButton(_layout.StartButton, _layout.StartButtonPressedHigh);
            _hw.Log("mode: bench, " + slots.Length.ToString() + " slots, image " + settings.ImagePath + ", results " + settings.ResultsPath + (button != null ? "; press the start button for a round" : "; one round at boot"));
            while (!IsStopped)
            {
                // A results log that failed keeps blinking until the next round.
                if (_system.State != LightState.Failed)
                {
                    _system.Ok();
                }

                if (button != null && !WaitForPress(button))
                {
                    break;
                }

                RunRound(settings);
                if (button == null)
                {
                    break;
                }
            }

            if (_system.State == LightState.Failed)
            {
                return BlinkCodes.ResultsLogFailed;
            }

            _system.Ok();
            return BlinkCodes.None;
        }

        private void RunRound(UpdaterSettings settings)
        {
            _system.Busy();
            for (int i = 0; i < _slotLights.Length; i++)
            {
                _slotLights[i].Busy();
            }

            int ok;
            try
            {
                ok = Rig.RunRound(_hw.Storage, settings.ImagePath);
            }
            catch (System.IO.IOException e)
            {
                // The rig checks the log before touching a module: no results, no flashing.
                for (int i = 0; i < _slotLights.Length; i++)
                {
                    _slotLights[i].Idle();
                }

                _hw.Log("bench round refused, no module touched: " + e.Message);
                _system.Fail(BlinkCodes.ResultsLogFailed, _clock.NowMs);
                return;
            }

            long now = _clock.NowMs;
            for (int i = 0; i < Rig.Slots.Length; i++)
            {
                UpdateResult r = Rig.Slots[i].LastResult;
                if (r != null && r.Outcome == UpdateOutcome.Success)
                {
                    _slotLights[i].Ok();
                }
                else
                {
                    _slotLights[i].Fail(BlinkCodes.UpdateFailed, now);
                }

                _hw.Log(Rig.Slots[i].Name + ": " + (r == null ? "no result" : Describe(r)));
            }

            _hw.Log("bench round " + Rig.Rounds.ToString() + ": " + ok.ToString() + " of " + Rig.Slots.Length.ToString() + " flashed");
            if (Rig.LogFailure != null)
            {
                _hw.Log("results not logged: " + Rig.LogFailure);
                _system.Fail(BlinkCodes.ResultsLogFailed, now);
            }
        }

        // A press is the button going down after it was seen up, and staying down past the bounce.
        private bool WaitForPress(IStartButton button)
        {
            bool seenUp = false;
            while (!IsStopped)
            {
                RefreshLights();
                if (!button.IsPressed)
                {
                    seenUp = true;
                }
                else if (seenUp)
                {
                    _clock.Sleep(DebounceMs);
                    if (button.IsPressed)
                    {
                        return true;
                    }
                }

                _clock.Sleep(PollMs);
            }

            return false;
        }

        private void RefreshLights()
        {
            long now = _clock.NowMs;
            _system.Refresh(now);
            for (int i = 0; i < _slotLights.Length; i++)
            {
                _slotLights[i].Refresh(now);
            }
        }

        private int Failed(int code)
        {
            _system.Fail(code, _clock.NowMs);
            _hw.Log("stopped: blink code " + code.ToString() + " (" + BlinkCodes.Meaning(code) + ")");
            return code;
        }

        // A pin that will not open costs the board that LED, not the module's update.
        private IStatusLed Led(int pin, bool activeHigh)
        {
            if (pin == ModulePowerPins.None)
            {
                return null;
            }

            try
            {
                return _hw.OpenLed(pin, activeHigh);
            }
            catch (Exception e)
            {
                _hw.Log("LED on pin " + pin.ToString() + " cannot be opened: " + e.Message);
                return null;
            }
        }

        private static void ApplyTimings(UpdateOptions options, BoardSlot slot)
        {
            if (slot.PowerOffMs > 0)
            {
                options.PowerOffMs = slot.PowerOffMs;
            }
        }

        private static string Describe(UpdateResult r)
        {
            return OutcomeNames.Name(r.Outcome) + ": " + r.Detail;
        }
    }
}
