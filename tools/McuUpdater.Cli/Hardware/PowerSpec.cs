using System;
using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Globalization;
using System.IO.Ports;
using McuUpdater.Power;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>
    /// The --power option: how the PC (or Linux board) switches the module.
    /// <list type="bullet">
    /// <item><c>none</c>: nothing (the module is cycled by someone else, e.g. the MCU relay when it sees the 0xB5 ticks).</item>
    /// <item><c>manual</c>: a person switches the module, pressing Enter at each step; the sync starts when they say the module is being switched on.</item>
    /// <item><c>dtr</c> / <c>rts</c>: the port's DTR or RTS line switches the supply (asserted = powered); <c>dtr-inv</c> / <c>rts-inv</c>: deasserted = powered.</item>
    /// <item><c>gpio:CHIP:LINE</c>: a GPIO line of /dev/gpiochipCHIP (CHIP a number, or gpiochipN) enables the supply (high = powered); <c>gpio:CHIP:LINE:low</c> for active-low.</item>
    /// </list>
    /// </summary>
    public sealed class PowerSpec
    {
        private PowerSpec(string kind, int chip, int line, bool activeHigh, string text)
        {
            Kind = kind;
            Chip = chip;
            Line = line;
            ActiveHigh = activeHigh;
            Text = text;
        }

        /// <summary>none, manual, dtr, rts, gpio.</summary>
        public string Kind { get; }

        /// <summary>GPIO chip number.</summary>
        public int Chip { get; }

        /// <summary>GPIO line (offset on the chip).</summary>
        public int Line { get; }

        /// <summary>True when the asserted (powered) level is high / the line asserted.</summary>
        public bool ActiveHigh { get; }

        /// <summary>The option text.</summary>
        public string Text { get; }

        /// <summary>True for "none".</summary>
        public bool IsNone => Kind == "none";

        /// <summary>Help text for the option.</summary>
        public const string Help = "module power control: none | manual (you switch it, pressing Enter at each step) | dtr | rts | dtr-inv | rts-inv | gpio:CHIP:LINE[:low] (CHIP: N or gpiochipN of /dev/gpiochipN; LINE: the line's offset)";

        /// <summary>Parses the option; throws a usage error naming the accepted forms.</summary>
        public static PowerSpec Parse(string text)
        {
            string t = (text ?? "none").Trim().ToLowerInvariant();
            switch (t)
            {
                case "none":
                case "manual":
                    return new PowerSpec(t, 0, 0, true, t);
                case "dtr":
                case "rts":
                    return new PowerSpec(t, 0, 0, true, t);
                case "dtr-inv":
                case "rts-inv":
                    return new PowerSpec(t.Substring(0, 3), 0, 0, false, t);
            }

            string[] parts = t.Split(':');
            if (parts.Length > 1 && parts[1].StartsWith("gpiochip", StringComparison.Ordinal))
            {
                parts[1] = parts[1].Substring("gpiochip".Length);
            }

            if (parts[0] == "gpio" && (parts.Length == 3 || (parts.Length == 4 && (parts[3] == "low" || parts[3] == "high")))
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int chip)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int line))
            {
                return new PowerSpec("gpio", chip, line, parts.Length == 3 || parts[3] == "high", t);
            }

            throw new CliException(ExitCode.PowerControlUnavailable, "--power " + text + " is not understood; use " + Help);
        }

        /// <summary>Creates the power control; <paramref name="port"/> is the module port (for DTR/RTS).</summary>
        public IModulePower Create(SerialPort port, CliContext ctx)
        {
            switch (Kind)
            {
                case "none":
                    return new NoPower();
                case "manual":
                    return new ManualPower(ctx);
                case "dtr":
                case "rts":
                    return new SerialLinePower(port, Kind == "dtr", ActiveHigh);
                default:
                    return CreateGpio();
            }
        }

        private IModulePower CreateGpio()
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new CliException(ExitCode.PowerControlUnavailable, "--power gpio needs Linux (libgpiod)");
            }

            GpioController controller = null;
            try
            {
                controller = new GpioController(new LibGpiodDriver(Chip));
                ModulePowerPins pins = new ModulePowerPins { SupplyPin = Line, SupplyActiveHigh = ActiveHigh };
                return new GpioModulePower(controller, true, pins);
            }
            catch (Exception ex) when (ex is not CliException)
            {
                controller?.Dispose();
                throw new CliException(ExitCode.PowerControlUnavailable, "cannot use GPIO line " + Line + " of /dev/gpiochip" + Chip + ": " + ex.Message, ex);
            }
        }
    }

    /// <summary>No power control: calls do nothing.</summary>
    public sealed class NoPower : IModulePower
    {
        /// <inheritdoc />
        public void Off()
        {
        }

        /// <inheritdoc />
        public void On()
        {
        }

        /// <inheritdoc />
        public void Release()
        {
        }
    }

    /// <summary>
    /// A person switches the module: the tool asks, and waits for Enter at each step. The sync bytes
    /// start when the person presses Enter to say the module is being switched on, and only from
    /// then does the sync time out.
    /// </summary>
    public sealed class ManualPower : IModulePower
    {
        private readonly CliContext _ctx;
        private System.Threading.Tasks.Task<string> _pending;
        private bool _inputEnded;

        /// <summary>Prompts on <paramref name="ctx"/>'s error writer (stdout may carry the progress bar) and reads its input.</summary>
        public ManualPower(CliContext ctx)
        {
            _ctx = ctx;
        }

        /// <inheritdoc />
        public void Off() => WaitForEnter(">>> Switch the module OFF (or hold it in reset), then press Enter.");

        /// <inheritdoc />
        public void On() => WaitForEnter(">>> Press Enter, then switch the module ON: the sync bytes start when you press Enter.");

        /// <inheritdoc />
        public void Release()
        {
        }

        private void WaitForEnter(string prompt)
        {
            _ctx.Error.WriteLine(prompt);
            if (_ctx.Input == null || _inputEnded)
            {
                return;
            }

            // A read left over from a cancelled wait is still the next line the person types.
            System.Threading.Tasks.Task<string> line = _pending ?? System.Threading.Tasks.Task.Run(() => _ctx.Input.ReadLine());
            int which = System.Threading.WaitHandle.WaitAny(new[] { ((IAsyncResult)line).AsyncWaitHandle, _ctx.Cancel.WaitHandle });
            if (which != 0)
            {
                _pending = line; // cancelled: the session ends itself
                return;
            }

            _pending = null;
            if (line.Result == null)
            {
                _inputEnded = true;
                _ctx.Error.WriteLine(">>> (input ended: not waiting for Enter any more)");
            }
        }
    }

    /// <summary>DTR or RTS of the module's port switches its supply (through a transistor or load switch).</summary>
    public sealed class SerialLinePower : IModulePower
    {
        private readonly SerialPort _port;
        private readonly bool _dtr;
        private readonly bool _assertedIsOn;

        /// <summary>Uses DTR (<paramref name="dtr"/>) or RTS; <paramref name="assertedIsOn"/> false for an inverting driver.</summary>
        public SerialLinePower(SerialPort port, bool dtr, bool assertedIsOn)
        {
            if (port == null)
            {
                throw new CliException(ExitCode.PowerControlUnavailable, "--power dtr/rts needs the module's serial port");
            }

            _port = port;
            _dtr = dtr;
            _assertedIsOn = assertedIsOn;

            // Checked now, at the level a released module rests at: a port without the line (a
            // pseudo-terminal, an adapter without DTR/RTS) fails here, not at the first power cycle.
            Set(true);
        }

        /// <inheritdoc />
        public void Off() => Set(false);

        /// <inheritdoc />
        public void On() => Set(true);

        /// <inheritdoc />
        public void Release() => Set(true);

        private void Set(bool on)
        {
            bool asserted = on == _assertedIsOn;
            try
            {
                if (_dtr)
                {
                    _port.DtrEnable = asserted;
                }
                else
                {
                    _port.RtsEnable = asserted;
                }
            }
            catch (Exception ex) when (ex is not CliException)
            {
                throw new CliException(ExitCode.PowerControlUnavailable, "cannot switch " + (_dtr ? "DTR" : "RTS") + " on " + _port.PortName + " (this port has no such line?): " + ex.Message, ex);
            }
        }
    }
}
