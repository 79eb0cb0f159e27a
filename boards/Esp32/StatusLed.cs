using System.Device.Gpio;
using System.Threading;

namespace McuUpdater.Boards.Esp32
{
    /// <summary>One LED that says busy (on, toggling with progress), done (off) or failed (blinking for ever).</summary>
    internal sealed class StatusLed
    {
        private readonly GpioPin _pin;

        public StatusLed(GpioController gpio, int pin)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Busy()
        {
            _pin.Write(PinValue.High);
        }

        public void Progress()
        {
            _pin.Toggle();
        }

        public void Done()
        {
            _pin.Write(PinValue.Low);
        }

        /// <summary>Blinks <paramref name="code"/> times, pauses, and repeats: never returns.</summary>
        public void Fail(int code)
        {
            while (true)
            {
                Blink(code);
            }
        }

        /// <summary>Blinks <paramref name="count"/> times, then pauses.</summary>
        public void Blink(int count)
        {
            for (int i = 0; i < count; i++)
            {
                _pin.Write(PinValue.High);
                Thread.Sleep(200);
                _pin.Write(PinValue.Low);
                Thread.Sleep(200);
            }

            Thread.Sleep(1500);
        }
    }
}
