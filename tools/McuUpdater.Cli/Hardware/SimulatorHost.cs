using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO.Ports;
using System.Threading;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>Simulator settings from the command line (shared by `simulate`, `demo` and the tests).</summary>
    public sealed class SimulatorSettings
    {
        /// <summary>MTU the module advertises.</summary>
        public int Mtu { get; set; }

        /// <summary>Version the new firmware reports after RUN.</summary>
        public string Version { get; set; } = "M10ER01A08W32";

        /// <summary>documented | quirks.</summary>
        public string Rom { get; set; } = "documented";

        /// <summary>Fault specs (see <see cref="FaultHelp"/>).</summary>
        public string[] Faults { get; set; } = Array.Empty<string>();

        /// <summary>supply | pwrkey: what the power input (or sensed pin) is wired to on the module.</summary>
        public string PowerInput { get; set; } = "supply";

        /// <summary>Seed of the line faults.</summary>
        public uint Seed { get; set; } = 1;

        /// <summary>Flash write time per block, ms.</summary>
        public int FlashMs { get; set; } = -1;

        /// <summary>Firmware boot time after RUN, ms.</summary>
        public int BootMs { get; set; } = 1500;

        /// <summary>The TCP/IP AT commands the firmware speaks: qi | legacy.</summary>
        public string Dialect { get; set; } = "qi";

        /// <summary>The network behind the module's sockets (real TCP on loopback for simulate and demo --ota), or null.</summary>
        public ISimNetwork Network { get; set; }

        /// <summary>The MTU the module will advertise: <see cref="Mtu"/>, or the ROM's own when it is 0.</summary>
        public int EffectiveMtu => Mtu != 0 ? Mtu : (Rom == "quirks" ? SimulatorOptions.SpreadtrumQuirks() : SimulatorOptions.Documented()).Mtu;

        /// <summary>Fault option help.</summary>
        public const string FaultHelp =
            "fault to inject (repeatable): status:BLOCK:CODE (refuse a block once with status 1/2/4), silence:BLOCK, slow:BLOCK:MS, "
            + "power-loss:BLOCK, wrong-next:BLOCK:NEXT, next-beyond:BLOCK:EXTRA (a next beyond anything sent), miss-boot:N (ignore the first N sync windows), reply-delay:MS, "
            + "gmr-noise:N (a noise byte inside the next N AT+GMR answers), at-idle-noise:N (a noise byte before the next N AT commands), "
            + "noise:RATE, drop:RATE, dup:RATE, corrupt:RATE (line faults per byte, host→module; prefix rx- for module→host, e.g. rx-corrupt:0.001), "
            + "idle-noise:MS (a made-up byte about every MS ms while the line is idle; rx-idle-noise:MS towards the host)";

        /// <summary>Builds the simulator options and fault plan; throws a usage error on a bad spec.</summary>
        public ModuleSimulator CreateModule(out FaultPlan plan)
        {
            SimulatorOptions options = Rom switch
            {
                "documented" => SimulatorOptions.Documented(),
                "quirks" => SimulatorOptions.SpreadtrumQuirks(),
                _ => throw new CliException(ExitCode.Usage, "--rom must be documented or quirks"),
            };
            if (Mtu != 0 && (Mtu < Protocol.Wire.DataFrameOverhead + 2 || Mtu > 0xFFFF))
            {
                throw new CliException(ExitCode.Usage, "--mtu must be between 13 and 65535");
            }

            options.PowerInput = (PowerInput ?? "supply").ToLowerInvariant() switch
            {
                "supply" => Simulator.PowerInput.Supply,
                "pwrkey" => Simulator.PowerInput.PwrKey,
                _ => throw new CliException(ExitCode.Usage, "--power-input must be supply or pwrkey"),
            };
            if (Mtu != 0)
            {
                options.Mtu = Mtu;
            }

            options.NewFirmwareVersion = Version;
            if (FlashMs >= 0)
            {
                options.FlashWriteMs = FlashMs;
            }

            options.FirmwareBootMs = BootMs;
            options.AtDialect = (Dialect ?? "qi").ToLowerInvariant() switch
            {
                "qi" => McuUpdater.Modem.AtDialect.Qi,
                "legacy" => McuUpdater.Modem.AtDialect.Legacy,
                _ => throw new CliException(ExitCode.Usage, "--dialect must be qi or legacy"),
            };
            options.Network = Network;
            plan = new FaultPlan(Seed);
            foreach (string spec in Faults ?? Array.Empty<string>())
            {
                AddFault(plan, spec);
            }

            return new ModuleSimulator(options, plan);
        }

        private static void AddFault(FaultPlan plan, string spec)
        {
            string[] p = (spec ?? string.Empty).Trim().ToLowerInvariant().Split(':');
            switch (p[0])
            {
                case "status":
                    Fields(spec, p, "BLOCK:CODE");
                    int code = Int(spec, p, 2, "CODE", 1, 4);
                    if (code == 3)
                    {
                        throw Bad(spec, "CODE 3 is not a refusal of a block; use 1 (CRC error), 2 (flash error) or 4 (package error)");
                    }

                    plan.StatusAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue), code);
                    return;
                case "silence":
                    Fields(spec, p, "BLOCK");
                    plan.SilenceAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue));
                    return;
                case "slow":
                    Fields(spec, p, "BLOCK:MS");
                    plan.SlowAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue), Int(spec, p, 2, "MS", 0, 600000));
                    return;
                case "power-loss":
                    Fields(spec, p, "BLOCK");
                    plan.PowerLossAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue));
                    return;
                case "wrong-next":
                    Fields(spec, p, "BLOCK:NEXT");
                    plan.WrongNextAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue), Int(spec, p, 2, "NEXT", 0, int.MaxValue));
                    return;
                case "next-beyond":
                    Fields(spec, p, "BLOCK:EXTRA");
                    plan.NextBeyondSentAt(Int(spec, p, 1, "BLOCK", 0, int.MaxValue), Int(spec, p, 2, "EXTRA", 0, int.MaxValue));
                    return;
                case "gmr-noise":
                    Fields(spec, p, "N");
                    plan.GmrAnswerNoise = Int(spec, p, 1, "N", 0, 1000);
                    return;
                case "at-idle-noise":
                    Fields(spec, p, "N");
                    plan.NoiseBeforeAtCommands = Int(spec, p, 1, "N", 0, 1000);
                    return;
                case "miss-boot":
                    Fields(spec, p, "N");
                    plan.MissBootWindows = Int(spec, p, 1, "N", 0, 1000);
                    return;
                case "reply-delay":
                    Fields(spec, p, "MS");
                    plan.ExtraReplyDelayMs = Int(spec, p, 1, "MS", 0, 600000);
                    return;
            }

            bool rx = p[0].StartsWith("rx-", StringComparison.Ordinal);
            ByteFaults line = rx ? plan.ModuleToHost : plan.HostToModule;
            string kind = rx ? p[0].Substring(3) : p[0];
            switch (kind)
            {
                case "idle-noise":
                    Fields(spec, p, "MS");
                    line.IdleNoiseMs = Int(spec, p, 1, "MS", 1, 600000);
                    return;
                case "noise":
                case "drop":
                case "dup":
                case "corrupt":
                    Fields(spec, p, "RATE");
                    if (!double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !(rate >= 0 && rate <= 1))
                    {
                        throw Bad(spec, "RATE " + p[1] + " is not a fraction from 0 to 1 (e.g. 0.001)");
                    }

                    if (kind == "noise")
                    {
                        line.NoiseRate = rate;
                    }
                    else if (kind == "drop")
                    {
                        line.DropRate = rate;
                    }
                    else if (kind == "dup")
                    {
                        line.DuplicateRate = rate;
                    }
                    else
                    {
                        line.CorruptRate = rate;
                    }

                    return;
            }

            throw Bad(spec, "'" + p[0] + "' is not a fault (see --help for the list)");
        }

        // One line naming the bad field; the whole list is in --help.
        private static CliException Bad(string spec, string why) => new CliException(ExitCode.Usage, "--fault " + spec + ": " + why);

        private static void Fields(string spec, string[] p, string form)
        {
            int expected = form.Split(':').Length + 1;
            if (p.Length != expected)
            {
                throw Bad(spec, (p.Length < expected ? "missing fields" : "too many fields") + "; the form is " + p[0] + ":" + form);
            }
        }

        private static int Int(string spec, string[] p, int i, string name, int min, int max)
        {
            if (!int.TryParse(p[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                throw Bad(spec, name + " " + p[i] + " is not a whole number");
            }

            if (value < min || value > max)
            {
                throw Bad(spec, name + " " + value + " is out of range (" + min + ".." + max + ")");
            }

            return value;
        }
    }

    /// <summary>
    /// The module simulator serving a real byte link in real time: the simulator engineer's
    /// <see cref="RealTimeModuleRunner"/>, optionally paced at a baud rate (pseudo-terminals have
    /// none), with the fault plan's line faults applied, and a power input.
    /// </summary>
    public sealed class SimulatorHost : IDisposable
    {
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private Thread _senseThread;
        private volatile bool _sensing;

        private SimulatorHost(ModuleSimulator module, RealTimeModuleRunner runner)
        {
            Module = module;
            Runner = runner;
        }

        /// <summary>The simulated module (image, counters).</summary>
        public ModuleSimulator Module { get; }

        /// <summary>The real-time runner.</summary>
        public RealTimeModuleRunner Runner { get; }

        /// <summary>
        /// Starts a simulator on <paramref name="link"/> (the module side). <paramref name="paceBaud"/> &gt; 0
        /// paces it at that line rate. <paramref name="idlePowerSense"/>: a 0xB5 after 300 ms of silence
        /// counts as a power-on (for links with no power line); otherwise power comes from <see cref="Power"/>
        /// or <see cref="SensePins"/>.
        /// </summary>
        public static SimulatorHost Start(ISerialLink link, SimulatorSettings settings, int paceBaud, bool idlePowerSense)
        {
            ModuleSimulator module = settings.CreateModule(out FaultPlan plan);
            RealTimeModuleRunner runner = new RealTimeModuleRunner(module, link, paceBaud > 0 ? paceBaud : Protocol.Wire.BaudRate)
            {
                Paced = paceBaud > 0,
                IdlePowerSensing = idlePowerSense,
                IdlePowerOnMs = 300,
            };
            runner.UseFaults(plan);
            if (!idlePowerSense)
            {
                runner.PowerChanged(true);
            }

            runner.Start();
            return new SimulatorHost(module, runner) { Faults = plan };
        }

        /// <summary>The fault plan the simulator runs with (its counters show what fired).</summary>
        public FaultPlan Faults { get; private init; }

        /// <summary>What the line faults did so far, or null when none are active.</summary>
        public string LineFaultSummary()
        {
            if (!Faults.HostToModule.IsActive && !Faults.ModuleToHost.IsActive)
            {
                return null;
            }

            return "line faults: towards the module " + Counts(Faults.HostToModule) + "; towards the host " + Counts(Faults.ModuleToHost);
        }

        private static string Counts(ByteFaults f) =>
            $"{f.IdleNoiseInserted} made up on the idle line, {f.NoiseInserted} noise, {f.Dropped} dropped, {f.Duplicated} duplicated, {f.Corrupted} corrupted";

        /// <summary>A power control wired straight to the simulated module (the demo's "DTR", the relay tests' power pin).</summary>
        public IModulePower Power => new RunnerPower(Runner);

        /// <summary>Keeps <paramref name="owned"/> until this host is disposed.</summary>
        public void Own(IDisposable owned) => _owned.Add(owned);

        /// <summary>Senses power from a modem input of <paramref name="port"/>: cts, dsr or dcd (asserted = powered), or ri (each ring = power cycle).</summary>
        public void SensePins(SerialPort port, string pin)
        {
            if (pin == "ri")
            {
                port.PinChanged += (s, e) =>
                {
                    if (e.EventType == SerialPinChange.Ring)
                    {
                        Runner.PowerChanged(false);
                        Runner.PowerChanged(true);
                    }
                };
                return;
            }

            // An "-inv" line reads powered when it is not asserted: a TTL USB-UART's modem inputs are
            // active low, so an active-high supply or PWRKEY pin wired straight to CTS needs it.
            bool inverted = pin.EndsWith("-inv", StringComparison.Ordinal);
            string line = inverted ? pin.Substring(0, pin.Length - 4) : pin;
            Func<bool> asserted = line switch
            {
                "cts" => () => port.CtsHolding,
                "dsr" => () => port.DsrHolding,
                "dcd" => () => port.CDHolding,
                _ => throw new CliException(ExitCode.Usage, "--power-sense must be cts, dsr, dcd (each optionally -inv), ri or idle"),
            };
            Func<bool> read = inverted ? () => !asserted() : asserted;
            bool last;
            try
            {
                last = read();
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is InvalidOperationException)
            {
                throw new CliException(ExitCode.PowerControlUnavailable, "cannot read " + pin.ToUpperInvariant() + " on " + port.PortName + " (pseudo-terminals have no modem lines: use --power-sense idle): " + ex.Message, ex);
            }

            Runner.PowerChanged(last);
            _sensing = true;
            _senseThread = new Thread(() =>
            {
                while (_sensing)
                {
                    bool now;
                    try
                    {
                        now = read();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    if (now != last)
                    {
                        last = now;
                        Runner.PowerChanged(now);
                    }

                    Thread.Sleep(1);
                }
            })
            { IsBackground = true, Name = "power sense" };
            _senseThread.Start();
        }

        /// <summary>Stops the runner and closes what it owns.</summary>
        public void Dispose()
        {
            _sensing = false;
            _senseThread?.Join(1000);
            Runner.Stop();
            foreach (IDisposable d in _owned)
            {
                try
                {
                    d.Dispose();
                }
                catch (Exception)
                {
                }
            }
        }

        private sealed class RunnerPower : IModulePower
        {
            private readonly RealTimeModuleRunner _runner;

            public RunnerPower(RealTimeModuleRunner runner) => _runner = runner;

            public void Off() => _runner.PowerChanged(false);

            public void On() => _runner.PowerChanged(true);

            public void Release() => _runner.PowerChanged(true);
        }
    }
}
