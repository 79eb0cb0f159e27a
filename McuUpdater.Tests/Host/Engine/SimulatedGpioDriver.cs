using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;
using McuUpdater.Power;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>A host GpioDriver whose pins are wired to a simulated module's supply, PWRKEY and reset.</summary>
    /// <remarks>
    /// The module is powered while the supply is on, reset is not held, and PWRKEY has been pressed
    /// since the supply came on (Quectel modules start on a PWRKEY press). Power changes go to the
    /// simulator through <see cref="IModulePower"/>.
    /// </remarks>
    public sealed class SimulatedGpioDriver : GpioDriver
    {
        private readonly Dictionary<int, PinMode> _modes = new Dictionary<int, PinMode>();
        private readonly Dictionary<int, PinValue> _values = new Dictionary<int, PinValue>();
        private readonly ModulePowerPins _board;
        private readonly IModulePower _module;
        private bool _pwrKeyLatched;
        private bool _powered;

        public SimulatedGpioDriver(ModulePowerPins board, IModulePower module)
        {
            _board = board;
            _module = module;
        }

        /// <summary>Power changes passed to the module.</summary>
        public int PowerChanges { get; private set; }

        /// <summary>True while the simulated module has power.</summary>
        public bool Powered
        {
            get { return _powered; }
        }

        /// <summary>Pins opened and not closed.</summary>
        public int OpenPins
        {
            get { return _modes.Count; }
        }

        /// <summary>True when <paramref name="pin"/> is open and its function asserted at its active level.</summary>
        public bool Asserted(int pin, bool activeHigh)
        {
            return _values.TryGetValue(pin, out PinValue v) && (v == PinValue.High) == activeHigh;
        }

        /// <summary>The pin's last written level, or null when closed.</summary>
        public PinValue? Level(int pin)
        {
            return _modes.ContainsKey(pin) && _values.TryGetValue(pin, out PinValue v) ? v : null;
        }

        protected override int PinCount => 64;

        protected override void OpenPin(int pinNumber)
        {
            if (_modes.ContainsKey(pinNumber))
            {
                throw new InvalidOperationException("pin " + pinNumber + " already open");
            }

            _modes[pinNumber] = PinMode.Input;
        }

        protected override void ClosePin(int pinNumber)
        {
            _modes.Remove(pinNumber);
            _values.Remove(pinNumber);
            Update();
        }

        protected override void SetPinMode(int pinNumber, PinMode mode)
        {
            RequireOpen(pinNumber);
            _modes[pinNumber] = mode;
        }

        protected override PinMode GetPinMode(int pinNumber)
        {
            RequireOpen(pinNumber);
            return _modes[pinNumber];
        }

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

        protected override PinValue Read(int pinNumber)
        {
            RequireOpen(pinNumber);
            return _values.TryGetValue(pinNumber, out PinValue v) ? v : PinValue.Low;
        }

        protected override void Write(int pinNumber, PinValue value)
        {
            RequireOpen(pinNumber);
            if (_modes[pinNumber] != PinMode.Output)
            {
                throw new InvalidOperationException("pin " + pinNumber + " is not an output");
            }

            _values[pinNumber] = value;
            Update();
        }

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        {
            throw new NotSupportedException();
        }

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            throw new NotSupportedException();
        }

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            throw new NotSupportedException();
        }

        private void RequireOpen(int pinNumber)
        {
            if (!_modes.ContainsKey(pinNumber))
            {
                throw new InvalidOperationException("pin " + pinNumber + " not open");
            }
        }

        // A pin that is not wired (or not driven) never blocks power: the board ties it off.
        private bool Function(int pin, bool activeHigh, bool whenUnwired)
        {
            if (pin == ModulePowerPins.None || !_values.ContainsKey(pin))
            {
                return whenUnwired;
            }

            return Asserted(pin, activeHigh);
        }

        private void Update()
        {
            bool supply = Function(_board.SupplyPin, _board.SupplyActiveHigh, true);
            bool reset = Function(_board.ResetPin, _board.ResetActiveHigh, false);
            bool pwrKey = Function(_board.PwrKeyPin, _board.PwrKeyActiveHigh, true);
            if (!supply)
            {
                _pwrKeyLatched = false;
            }
            else if (pwrKey)
            {
                _pwrKeyLatched = true;
            }

            bool powered = supply && !reset && _pwrKeyLatched;
            if (powered == _powered)
            {
                return;
            }

            _powered = powered;
            PowerChanges++;
            if (powered)
            {
                _module.On();
            }
            else
            {
                _module.Off();
            }
        }
    }
}
