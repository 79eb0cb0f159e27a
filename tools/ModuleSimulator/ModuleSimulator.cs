using McuUpdater.Protocol;

namespace McuUpdater.Simulator
{
    /// <summary>A faithful model of the module: power input, boot ROM (sync, command mode, download checks) and AT firmware.</summary>
    /// <remarks>
    /// Driven by an <see cref="IModuleLine"/> (a <see cref="VirtualWire"/> or a real-time runner);
    /// all state changes happen inside its callbacks, on one thread. This file holds the state,
    /// the counters tests read, power and timers; ModuleSimulator.Boot.cs the sync, and
    /// ModuleSimulator.Commands.cs the command mode.
    /// </remarks>
    public sealed partial class ModuleSimulator : IModuleEndpoint
    {
        private const long NsPerMs = 1000000;

        // Timer slots multiplexed onto the line's one wake-up.
        private const int TimerNoise = 0;
        private const int TimerWindowClose = 1;
        private const int TimerSync2 = 2;
        private const int TimerInterByte = 3;
        private const int TimerReply = 4;
        private const int TimerFirmware = 5;
        private const int TimerPwrKey = 6;
        private const int TimerExtraReply = 7;
        private const int TimerNetwork = 8;
        private const int TimerCount = 9;

        private readonly SimulatorOptions _options;
        private readonly FaultPlan _faults;
        private readonly TimerSet _timers = new TimerSet(TimerCount);
        private readonly ReceivedImage _image;
        private readonly AtFirmware _firmware;
        private readonly int[] _rejections = new int[10];
        private IModuleLine _line;

        private bool _powered;
        private bool _lostPower;
        private long _offSinceNs = long.MinValue / 2;
        private long _powerOnNs;
        private bool _firmwareValid;
        private string _firmwareVersion;
        private bool _firmwareReady;
        private bool _keyDown;
        private bool _keyPressedWhileOn;
        private long _keyDownNs;

        /// <summary>Creates a module with no faults.</summary>
        public ModuleSimulator(SimulatorOptions options)
            : this(options, null)
        {
        }

        /// <summary>Creates a module; <paramref name="faults"/> may be null.</summary>
        public ModuleSimulator(SimulatorOptions options, FaultPlan faults)
        {
            _options = options ?? new SimulatorOptions();
            _faults = faults;
            _image = new ReceivedImage(_options.KeepImageLimit);
            _firmware = new AtFirmware(_options, faults);
            _firmwareValid = _options.HasFirmwareInitially;
            _firmwareVersion = _firmwareValid ? _options.OldFirmwareVersion : null;
            CreateCommandState();
        }

        /// <summary>The options the module was made with.</summary>
        public SimulatorOptions Options
        {
            get { return _options; }
        }

        /// <summary>The fault plan, or null.</summary>
        public FaultPlan Faults
        {
            get { return _faults; }
        }

        /// <summary>Where the module is.</summary>
        public ModulePhase Phase { get; private set; }

        /// <summary>True while the host has the module powered (and it has not lost power on its own).</summary>
        public bool IsPowered
        {
            get { return _powered && !_lostPower; }
        }

        /// <summary>Power-ons that booted the ROM.</summary>
        public int PowerCycles { get; private set; }

        /// <summary>Power-ons ignored because the module had not been off long enough.</summary>
        public int IgnoredPowerOns { get; private set; }

        /// <summary>Power losses injected by the fault plan.</summary>
        public int PowerLosses { get; private set; }

        /// <summary>Times the boot ROM answered 0xB5.</summary>
        public int Syncs { get; private set; }

        /// <summary>BEGINs accepted (each starts a download from scratch).</summary>
        public int Downloads { get; private set; }

        /// <summary>Frames the ROM accepted (BEGIN, DATA, END, RUN).</summary>
        public int FramesAccepted { get; private set; }

        /// <summary>DATA blocks accepted.</summary>
        public int BlocksAccepted { get; private set; }

        /// <summary>Frames the ROM refused, all reasons.</summary>
        public int FramesRejected { get; private set; }

        /// <summary>The reason of the last refusal.</summary>
        public RejectReason LastRejectReason { get; private set; }

        /// <summary>True when the flash holds a complete image (stored, or a finished download).</summary>
        public bool HasValidFirmware
        {
            get { return _firmwareValid; }
        }

        /// <summary>Version of the valid firmware, or null.</summary>
        public string FirmwareVersion
        {
            get { return _firmwareVersion; }
        }

        /// <summary>The image of the current (or last) download.</summary>
        public ReceivedImage Image
        {
            get { return _image; }
        }

        /// <summary>Bytes received in the current (or last) download, the odd-block pad included.</summary>
        public int ReceivedImageLength
        {
            get { return _image.Length; }
        }

        /// <summary>CRC-32 of the received image.</summary>
        public uint ReceivedImageCrc32
        {
            get { return _image.Crc32Value; }
        }

        /// <summary>AT commands the running firmware has answered since it booted.</summary>
        public int AtCommands
        {
            get { return _firmware.Commands; }
        }

        /// <summary>Refusals counted for one reason.</summary>
        public int Rejections(RejectReason reason)
        {
            return _rejections[(int)reason];
        }

        /// <summary>True when the received image is <paramref name="original"/> (one 0xFF pad allowed after an odd length).</summary>
        public bool ImageMatches(byte[] original)
        {
            return _image.Matches(original);
        }

        /// <inheritdoc />
        public void Attach(IModuleLine line)
        {
            _line = line;
        }

        /// <inheritdoc />
        public void PowerChanged(bool on)
        {
            long now = _line.NowNs;
            if (_options.PowerInput == PowerInput.PwrKey)
            {
                PwrKeyChanged(on, now);
                ApplyTimers();
                return;
            }

            if (!on)
            {
                if (_powered && !_lostPower)
                {
                    _offSinceNs = now;
                }

                _powered = false;
                _lostPower = false;
                PowerDown();
            }
            else if (!_powered)
            {
                SwitchOn(now);
            }

            ApplyTimers();
        }

        // The supply is always there; PWRKEY presses switch the module, as on a Quectel module.
        private void PwrKeyChanged(bool pressed, long now)
        {
            if (pressed == _keyDown)
            {
                return;
            }

            _keyDown = pressed;
            if (pressed)
            {
                _keyDownNs = now;
                _keyPressedWhileOn = _powered && !_lostPower;
                if (!_keyPressedWhileOn)
                {
                    _timers.Arm(TimerPwrKey, now + _options.PwrKeyOnHoldMs * NsPerMs);
                }

                return;
            }

            _timers.Disarm(TimerPwrKey);
            if (_lostPower)
            {
                // A module that browned out is off for good once the key is up; the next press starts it.
                _powered = false;
                _lostPower = false;
            }
            else if (_keyPressedWhileOn && _powered && now - _keyDownNs >= _options.PwrKeyOffHoldMs * NsPerMs)
            {
                _powered = false;
                _offSinceNs = now;
                PowerDown();
            }
        }

        // The key has been held long enough: the module turns on (unless it has not been off long enough).
        private void PwrKeyHeld()
        {
            if (!_keyDown || _powered)
            {
                return;
            }

            SwitchOn(_line.NowNs);
        }

        private void SwitchOn(long now)
        {
            _powered = true;
            if (now - _offSinceNs < _options.PowerOnMinOffMs * NsPerMs)
            {
                // Not discharged long enough: the module stays dark until it is switched off and on again.
                IgnoredPowerOns++;
                _lostPower = true;
            }
            else
            {
                PowerUp(now);
            }
        }

        /// <inheritdoc />
        public void Received(byte[] buffer, int offset, int count)
        {
            if (!IsPowered)
            {
                return;
            }

            switch (Phase)
            {
                case ModulePhase.Booting:
                    BootBytes(buffer, offset, count);
                    break;
                case ModulePhase.WaitSync2:
                    Sync2Bytes(buffer, offset, count);
                    break;
                case ModulePhase.CommandMode:
                case ModulePhase.Downloading:
                case ModulePhase.Done:
                    CommandBytes(buffer, offset, count);
                    break;
                case ModulePhase.RunningFirmware:
                    if (_firmwareReady)
                    {
                        _firmware.Received(buffer, offset, count, _line, _faults);
                    }

                    break;
            }

            ApplyTimers();
        }

        /// <inheritdoc />
        public void Timer()
        {
            long now = _line.NowNs;
            int slot;
            while ((slot = _timers.TakeDue(now)) >= 0)
            {
                Fire(slot);
            }

            ApplyTimers();
        }

        private void Fire(int slot)
        {
            switch (slot)
            {
                case TimerNoise:
                    NextBootNoise();
                    break;
                case TimerWindowClose:
                    if (Phase == ModulePhase.Booting)
                    {
                        BootStoredFirmware();
                    }

                    break;
                case TimerSync2:
                    if (Phase == ModulePhase.WaitSync2)
                    {
                        BootStoredFirmware();
                    }

                    break;
                case TimerInterByte:
                    InterByteTimeout();
                    break;
                case TimerReply:
                    SendPendingReply();
                    break;
                case TimerPwrKey:
                    PwrKeyHeld();
                    break;
                case TimerExtraReply:
                    SendExtraReply();
                    break;
                case TimerFirmware:
                    _firmwareReady = true;
                    _firmware.Boot(_firmwareVersion, _options.AtEcho, _line);
                    break;
                case TimerNetwork:
                    if (Phase == ModulePhase.RunningFirmware && _firmwareReady)
                    {
                        _firmware.Timer(_line);
                    }

                    break;
            }
        }

        private void ApplyTimers()
        {
            // The firmware keeps its own deadlines (open URCs, the network tick, a restart's RDY).
            long firmwareWake = Phase == ModulePhase.RunningFirmware && _firmwareReady ? _firmware.NextWakeNs : long.MaxValue;
            if (firmwareWake == long.MaxValue)
            {
                _timers.Disarm(TimerNetwork);
            }
            else
            {
                _timers.Arm(TimerNetwork, firmwareWake);
            }

            _line.WakeAt(_timers.Earliest);
        }

        private void PowerUp(long now)
        {
            PowerCycles++;
            _powerOnNs = now;
            Phase = ModulePhase.Booting;
            StartBoot();
        }

        private void PowerDown()
        {
            Phase = ModulePhase.Off;
            _timers.Clear();
            _firmwareReady = false;
            _firmware.PowerDown();
            ResetCommandState();
        }

        // Fault: the module drops dead mid-download until the host switches it off and on again.
        private void LosePower()
        {
            PowerLosses++;
            _lostPower = true;
            _offSinceNs = _line.NowNs;
            PowerDown();
        }

        // After the sync window (or a failed sync) the ROM starts whatever the flash holds.
        private void BootStoredFirmware()
        {
            Phase = ModulePhase.RunningFirmware;
            _timers.Disarm(TimerNoise);
            _timers.Disarm(TimerWindowClose);
            _timers.Disarm(TimerSync2);
            StartFirmware(0);
        }

        private void StartFirmware(long delayNs)
        {
            _firmwareReady = false;
            if (_firmwareValid)
            {
                _timers.Arm(TimerFirmware, _line.NowNs + delayNs + _options.FirmwareBootMs * NsPerMs);
            }
        }

        private void Reject(RejectReason reason)
        {
            FramesRejected++;
            _rejections[(int)reason]++;
            LastRejectReason = reason;
        }
    }
}
