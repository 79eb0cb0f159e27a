using System.Device.Gpio;

namespace McuUpdater.Application
{
    /// <summary>A push button on a GPIO pin: pulled up and pressed low (the ESP32 DevKitC's BOOT button), or pressed high with the board's own pull-down (an STM32 Discovery's user button).</summary>
    public sealed class GpioStartButton : IStartButton
    {
        private readonly GpioPin _pin;
        private readonly PinValue _pressed;

        /// <summary>Opens <paramref name="pin"/> as an input.</summary>
        public GpioStartButton(GpioController gpio, int pin, bool pressedHigh)
        {
            _pressed = pressedHigh ? PinValue.High : PinValue.Low;
            _pin = gpio.OpenPin(pin, pressedHigh ? PinMode.Input : PinMode.InputPullUp);
        }

        /// <inheritdoc />
        public bool IsPressed
        {
            get { return _pin.Read() == _pressed; }
        }
    }
}
