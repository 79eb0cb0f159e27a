using System;
using System.Device.Gpio;

namespace McuUpdater.Power
{
    /// <summary>An <see cref="IModulePower"/> over GPIO pins: supply-enable, PWRKEY and reset, as <see cref="ModulePowerPins"/> wires them.</summary>
    /// <remarks>
    /// Every call only sets pin levels and returns at once, so the boot sync can keep ticking 0xB5
    /// every 20 ms around <see cref="On"/>; the off time is waited by the caller (BootSync).
    /// PWRKEY is asserted at <see cref="On"/> and held for the whole session, as the vendor's
    /// QuecFOTA note asks. <see cref="Release"/> and <see cref="Dispose"/> put every pin at its safe
    /// level: supply on, PWRKEY and reset not asserted (module powered and running its firmware).
    /// A board that wires only PWRKEY cannot force the module off (Off just lets go of PWRKEY); wire
    /// the supply or reset for reliable power cycles. Without <c>shouldDispose</c>, Dispose closes the
    /// pins after setting safe levels, so from then on the board's pull resistors hold them.
    /// </remarks>
    public sealed class GpioModulePower : IModulePower, IDisposable
    {
        private readonly GpioController _controller;
        private readonly bool _shouldDispose;
        private readonly ModulePowerPins _pins;
        private readonly GpioPin _supply;
        private readonly GpioPin _pwrKey;
        private readonly GpioPin _reset;
        private bool _disposed;

        /// <summary>Opens the wired pins as outputs at their safe levels; <paramref name="shouldDispose"/> says whether we dispose the controller.</summary>
        public GpioModulePower(GpioController controller, bool shouldDispose, ModulePowerPins pins)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            if (pins == null)
            {
                throw new ArgumentNullException("pins");
            }

            if (pins.SupplyPin == ModulePowerPins.None && pins.PwrKeyPin == ModulePowerPins.None && pins.ResetPin == ModulePowerPins.None)
            {
                throw new ArgumentException("at least one of supply, PWRKEY or reset must be wired", "pins");
            }

            _controller = controller;
            _shouldDispose = shouldDispose;
            _pins = pins;
            _supply = Open(pins.SupplyPin, Level(true, pins.SupplyActiveHigh));
            _pwrKey = Open(pins.PwrKeyPin, Level(false, pins.PwrKeyActiveHigh));
            _reset = Open(pins.ResetPin, Level(false, pins.ResetActiveHigh));
        }

        /// <summary>True while PWRKEY is held for a session (between <see cref="On"/> and <see cref="Release"/>).</summary>
        public bool InSession { get; private set; }

        /// <summary>Cuts the supply, holds reset and lets go of PWRKEY; whichever of them the board wires.</summary>
        public void Off()
        {
            CheckDisposed();
            InSession = true;
            Set(_pwrKey, false, _pins.PwrKeyActiveHigh);
            Set(_reset, true, _pins.ResetActiveHigh);
            Set(_supply, false, _pins.SupplyActiveHigh);
        }

        /// <summary>Supply on, PWRKEY pressed (and kept pressed), reset released: the module boots into its ROM's sync window.</summary>
        public void On()
        {
            CheckDisposed();
            InSession = true;
            Set(_supply, true, _pins.SupplyActiveHigh);
            Set(_pwrKey, true, _pins.PwrKeyActiveHigh);
            Set(_reset, false, _pins.ResetActiveHigh);
        }

        /// <summary>Ends the session: PWRKEY and reset not asserted, supply on.</summary>
        public void Release()
        {
            if (_disposed)
            {
                return;
            }

            Set(_supply, true, _pins.SupplyActiveHigh);
            Set(_pwrKey, false, _pins.PwrKeyActiveHigh);
            Set(_reset, false, _pins.ResetActiveHigh);
            InSession = false;
        }

        /// <summary>Leaves every pin at its safe level, then closes the pins (and the controller if we own it).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            // Release first: whatever interrupted the session, the module must not stay held in reset or with PWRKEY pressed.
            Release();
            _disposed = true;
            if (_shouldDispose)
            {
                _controller.Dispose();
                return;
            }

            Close(_pins.SupplyPin);
            Close(_pins.PwrKeyPin);
            Close(_pins.ResetPin);
        }

        private static PinValue Level(bool asserted, bool activeHigh)
        {
            return asserted == activeHigh ? PinValue.High : PinValue.Low;
        }

        private static void Set(GpioPin pin, bool asserted, bool activeHigh)
        {
            if (pin != null)
            {
                pin.Write(Level(asserted, activeHigh));
            }
        }

        private GpioPin Open(int pinNumber, PinValue safe)
        {
            if (pinNumber == ModulePowerPins.None)
            {
                return null;
            }

            GpioPin pin = _controller.OpenPin(pinNumber, PinMode.Output);
            pin.Write(safe);
            return pin;
        }

        private void Close(int pinNumber)
        {
            if (pinNumber != ModulePowerPins.None && _controller.IsPinOpen(pinNumber))
            {
                _controller.ClosePin(pinNumber);
            }
        }

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("GpioModulePower");
            }
        }
    }
}
