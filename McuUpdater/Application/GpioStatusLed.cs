using System.Device.Gpio;

namespace McuUpdater.Application
{
    /// <summary>An LED on a GPIO pin, lit at the board's active level.</summary>
    public sealed class GpioStatusLed : IStatusLed
    {
        private readonly GpioPin _pin;
        private readonly PinValue _lit;
        private readonly PinValue _dark;

        /// <summary>Opens <paramref name="pin"/> as an output, dark.</summary>
        public GpioStatusLed(GpioController gpio, int pin, bool activeHigh)
        {
            _lit = activeHigh ? PinValue.High : PinValue.Low;
            _dark = activeHigh ? PinValue.Low : PinValue.High;
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _pin.Write(_dark);
        }

        /// <inheritdoc />
        public void Write(bool lit)
        {
            _pin.Write(lit ? _lit : _dark);
        }
    }
}
