using System;
using System.CommandLine;
using System.Threading;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Tracing;
using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Simulator.Host;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`simulate --port P`: the module simulator on a real serial port until Ctrl+C (a bench target for flash or a relay).</summary>
    public static class SimulateCommand
    {
        /// <summary>Settings.</summary>
        public sealed class Settings
        {
            public string Port { get; set; }
            public int Baud { get; set; } = Wire.BaudRate;
            public string PowerSense { get; set; } = "idle";
            public string Pace { get; set; } = "auto";
            public SimulatorSettings Simulator { get; set; } = new SimulatorSettings();
            public string Trace { get; set; }
            public string Start { get; set; }
            public string[] Resolve { get; set; } = Array.Empty<string>();
        }

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Option<string> port = new Option<string>("--port", "-p") { Description = "serial port the simulated module listens on", Required = true };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate", DefaultValueFactory = _ => Wire.BaudRate };
            SimulatorOptionSet simulator = new SimulatorOptionSet("seed of the line faults", bench: true);
            Option<string> sense = new Option<string>("--power-sense") { Description = "what powers the module: cts | dsr | dcd (asserted = on; wire the flasher's DTR/RTS there), cts-inv | dsr-inv | dcd-inv (not asserted = on: an MCU's active-high pin on a TTL adapter's active-low input), ri (a ring = power cycle), idle (a 0xB5 after 300 ms of silence = power-on; for ptys and relays)", DefaultValueFactory = _ => "idle" };
            Option<string> pace = new Option<string>("--pace") { Description = "pace bytes at the baud rate: auto (only on /dev/pts/*, which has no line rate) | yes | no", DefaultValueFactory = _ => "auto" };
            Option<string> trace = new Option<string>("--trace") { Description = "write the module's traffic as JSON Lines (tx = towards the module)" };
            Option<string> start = new Option<string>("--start") { Description = "on: the module starts powered, its old firmware running (default with --power-sense idle, as a module on a bench) | off" };
            Option<string> dialect = new Option<string>("--dialect") { Description = "the firmware's TCP/IP AT commands: qi | legacy; its sockets reach 127.x (and --resolve names) over real TCP", DefaultValueFactory = _ => "qi" };
            Option<string[]> resolve = new Option<string[]>("--resolve") { Description = "a host name the module's DNS resolves to 127.0.0.1 (repeatable)", AllowMultipleArgumentsPerToken = true };
            Command command = new Command("simulate", "Run the module simulator on a serial port (until Ctrl+C): boot ROM, download, AT firmware, faults.");
            command.Options.Add(port);
            command.Options.Add(baud);
            foreach (Option o in simulator.All)
            {
                command.Options.Add(o);
            }

            foreach (Option o in new Option[] { sense, pace, trace, start, dialect, resolve })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                Port = r.GetValue(port),
                Baud = r.GetValue(baud),
                PowerSense = r.GetValue(sense),
                Pace = r.GetValue(pace),
                Trace = r.GetValue(trace),
                Simulator = WithSockets(simulator.Read(r), r.GetValue(dialect)),
                Start = r.GetValue(start),
                Resolve = r.GetValue(resolve) ?? Array.Empty<string>(),
            })));
            return command;
        }

        private static SimulatorSettings WithSockets(SimulatorSettings settings, string dialect)
        {
            settings.Dialect = dialect;
            return settings;
        }

        /// <summary>Runs until <see cref="CliContext.Cancel"/>; returns Ok (Ctrl+C is the normal end).</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            string sense = (s.PowerSense ?? "idle").ToLowerInvariant();
            bool pace = s.Pace switch
            {
                "yes" => true,
                "no" => false,
                "auto" => s.Port != null && s.Port.StartsWith("/dev/pts/", StringComparison.Ordinal),
                _ => throw new CliException(ExitCode.Usage, "--pace must be auto, yes or no"),
            };
            bool startOn = (s.Start ?? (sense == "idle" ? "on" : "off")).ToLowerInvariant() switch
            {
                "on" => true,
                "off" => false,
                _ => throw new CliException(ExitCode.Usage, "--start must be on or off"),
            };
            if (startOn && sense != "idle" && s.Start != null)
            {
                throw new CliException(ExitCode.Usage, "--start on needs --power-sense idle: with a sensed pin, the pin decides whether the module is on");
            }

            // Real time: the runner thread must never block waiting on a quiet peer.
            TcpSimNetwork network = new TcpSimNetwork { SettleMs = 0 };
            foreach (string name in s.Resolve)
            {
                network.MapName(name);
            }

            s.Simulator.Network = network;
            s.Simulator.CreateModule(out _); // validate options before touching the port
            SerialPortLink link = Ports.Open(s.Port, s.Baud);
            TraceWriter trace = s.Trace != null ? new TraceWriter(s.Trace) : null;
            ISerialLink line = link;
            if (trace != null)
            {
                TapLink tap = new TapLink(link, writesAreTx: false);
                tap.Bytes += trace.Bytes;
                line = tap;
            }

            try
            {
                using SimulatorHost sim = SimulatorHost.Start(line, s.Simulator, pace ? s.Baud : 0, idlePowerSense: sense == "idle");
                sim.Own(network);
                if (startOn && sense == "idle")
                {
                    // Powered from the start, as a module on a bench: the ROM window passes, the old firmware answers AT.
                    sim.Runner.PowerChanged(true);
                }
                if (sense != "idle")
                {
                    sim.SensePins(link.Port, sense);
                }

                ctx.Out.MarkupLine(
                    "simulated module on [bold]{0}[/] at {1} baud{2}: {3} ROM, MTU {4}, new firmware {5}, power sensed by {6}{7}; AT sockets ({8}) to 127.x over real TCP. Ctrl+C stops.",
                    Markup.Escape(s.Port), s.Baud, pace ? " (paced)" : string.Empty, s.Simulator.Rom, s.Simulator.EffectiveMtu, Markup.Escape(s.Simulator.Version), sense, startOn ? ", started on (old firmware running)" : string.Empty, s.Simulator.Dialect);

                // A line at every phase, sync or download, and while blocks arrive at most one a second.
                string shown = null;
                long blocksShown = -1;
                System.Diagnostics.Stopwatch sinceLine = System.Diagnostics.Stopwatch.StartNew();
                while (!ctx.Cancel.IsCancellationRequested)
                {
                    if (sim.Runner.Fault != null)
                    {
                        throw new CliException(ExitCode.SimulatorFailed, "the simulator on " + s.Port + " stopped: " + sim.Runner.Fault.Message, sim.Runner.Fault);
                    }

                    string key = sim.Module.Phase + "/" + sim.Module.Syncs + "/" + sim.Module.Downloads;
                    long blocks = sim.Module.BlocksAccepted;
                    if (key != shown || (blocks != blocksShown && sinceLine.ElapsedMilliseconds >= 1000))
                    {
                        shown = key;
                        blocksShown = blocks;
                        sinceLine.Restart();
                        ctx.Out.WriteLine($"{sim.Module.Phase}: {Status(sim)}");
                    }

                    ctx.Cancel.WaitHandle.WaitOne(100);
                }

                ctx.Out.WriteLine($"stopped: {Status(sim)}, {sim.Module.FramesAccepted} frames accepted, {sim.Module.FramesRejected} refused");
                string faults = sim.LineFaultSummary();
                if (faults != null)
                {
                    ctx.Out.WriteLine(faults);
                }

                return ExitCode.Ok;
            }
            finally
            {
                trace?.Dispose();
                Ports.Close(link);
            }
        }

        private static string Status(SimulatorHost sim)
        {
            return $"{sim.Module.Syncs} syncs, {sim.Module.Downloads} downloads, {sim.Module.BlocksAccepted} blocks, image {sim.Module.ReceivedImageLength} bytes CRC-32 0x{sim.Module.ReceivedImageCrc32:X8}, firmware {sim.Module.FirmwareVersion}";
        }
    }
}
