using System;
using System.CommandLine;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Tracing;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Timing;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`relay --host-port A --module-port B`: the MCU relay engine on a PC or Linux board, until Ctrl+C.</summary>
    public static class RelayCommand
    {
        /// <summary>Settings.</summary>
        public sealed class Settings
        {
            public string HostPort { get; set; }
            public string ModulePort { get; set; }
            public int Baud { get; set; } = Wire.BaudRate;
            public int HostBaud { get; set; }
            public string Power { get; set; } = "none";
            public int PowerOffMs { get; set; } = 500;
            public int IdleMs { get; set; } = 10000;
            public int SyncQuietMs { get; set; } = 200;
            public string Trace { get; set; }

            /// <summary>Tests: a power control to use instead of --power (wired to a simulator).</summary>
            public IModulePower PowerOverride { get; set; }
        }

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Option<string> host = new Option<string>("--host-port") { Description = "PC side: the port the flashing PC talks to", Required = true };
            Option<string> module = new Option<string>("--module-port") { Description = "module side: the module's main UART", Required = true };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate of the module port", DefaultValueFactory = _ => Wire.BaudRate };
            Option<int> hostBaud = new Option<int>("--host-baud") { Description = "baud rate of the host port (default: --baud)" };
            Option<string> power = new Option<string>("--power") { Description = PowerSpec.Help + "; anything but none power-cycles the module when the PC starts sending 0xB5", DefaultValueFactory = _ => "none" };
            Option<int> off = new Option<int>("--power-off-ms") { Description = "how long the module stays off in a cycle", DefaultValueFactory = _ => 500 };
            Option<int> idle = new Option<int>("--idle-ms") { Description = "both lines quiet this long ends a session (power released)", DefaultValueFactory = _ => 10000 };
            Option<int> quiet = new Option<int>("--sync-quiet-ms") { Description = "host line quiet this long before a 0xB5 starts a power cycle", DefaultValueFactory = _ => 200 };
            Option<string> trace = new Option<string>("--trace") { Description = "write the module-side traffic and power changes as JSON Lines" };
            Command command = new Command("relay", "Relay bytes between a PC-side port and the module's port (until Ctrl+C), power-cycling the module on the PC's sync.");
            foreach (Option o in new Option[] { host, module, baud, hostBaud, power, off, idle, quiet, trace })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                HostPort = r.GetValue(host),
                ModulePort = r.GetValue(module),
                Baud = r.GetValue(baud),
                HostBaud = r.GetValue(hostBaud),
                Power = r.GetValue(power),
                PowerOffMs = r.GetValue(off),
                IdleMs = r.GetValue(idle),
                SyncQuietMs = r.GetValue(quiet),
                Trace = r.GetValue(trace),
            })));
            return command;
        }

        /// <summary>Runs until <see cref="CliContext.Cancel"/> (returns Ok) or a link fails (RelayFailed).</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            PowerSpec spec = PowerSpec.Parse(s.Power);
            if (s.HostPort != null && s.ModulePort != null && Ports.SamePort(s.HostPort, s.ModulePort))
            {
                throw new CliException(ExitCode.Usage, "--host-port and --module-port are both " + s.HostPort + ": the relay needs two ports");
            }

            SerialPortLink hostLink = Ports.Open(s.HostPort, s.HostBaud > 0 ? s.HostBaud : s.Baud);
            SerialPortLink moduleLink = null;
            IModulePower power = null;
            TraceWriter trace = null;
            try
            {
                moduleLink = Ports.Open(s.ModulePort, s.Baud);
                power = s.PowerOverride ?? (spec.IsNone ? null : spec.Create(moduleLink.Port, ctx));
                trace = s.Trace != null ? new TraceWriter(s.Trace) : null;
                ISerialLink moduleSide = moduleLink;
                if (trace != null)
                {
                    TapLink tap = new TapLink(moduleLink, writesAreTx: true);
                    tap.Bytes += trace.Bytes;
                    moduleSide = tap;
                    if (power != null)
                    {
                        power = new TracingModulePower(power, trace);
                    }
                }

                RelayOptions options = new RelayOptions
                {
                    AutoPowerCycle = power != null,
                    PowerOffMs = s.PowerOffMs,
                    SessionIdleMs = s.IdleMs,
                    SyncQuietMs = s.SyncQuietMs,
                    ChunkSize = 4096,

                    // A PC has the memory to show the tap DATA frames of the 16384-MTU ROM too.
                    MaxFrameDataLength = RelayOptions.LargeFrameDataLength,
                    ReadTimeoutMs = 5,
                };
                RelayEngine relay = new RelayEngine(hostLink, moduleSide, power, SystemClock.Instance, options);
                ConsoleTap tapView = new ConsoleTap(ctx);
                relay.Tap = tapView;
                ctx.Out.MarkupLine(
                    "relaying [bold]{0}[/] ⇄ [bold]{1}[/] at {2} baud; {3}. Ctrl+C stops.",
                    Markup.Escape(s.HostPort), Markup.Escape(s.ModulePort), s.Baud,
                    power != null ? "power-cycles the module on the PC's 0xB5 (" + Markup.Escape(spec.Text) + ")" : "bytes only (no power control)");
                relay.Start();
                RelayCounters counters = new RelayCounters();
                long shown = -1;
                try
                {
                    while (!ctx.Cancel.IsCancellationRequested && relay.IsRunning)
                    {
                        ctx.Cancel.WaitHandle.WaitOne(1000);
                        relay.CopyCounters(counters);
                        long total = counters.BytesHostToModule + counters.BytesModuleToHost;
                        if (total != shown)
                        {
                            shown = total;
                            ctx.Out.WriteLine(Describe(counters));
                        }
                    }
                }
                finally
                {
                    relay.Stop();
                }

                relay.CopyCounters(counters);
                ctx.Out.WriteLine("stopped: " + Describe(counters));
                if (relay.Fault != null)
                {
                    throw new CliException(ExitCode.RelayFailed, "relay stopped: " + relay.Fault.Message, relay.Fault);
                }

                return ExitCode.Ok;
            }
            finally
            {
                trace?.Dispose();
                if (s.PowerOverride == null)
                {
                    (power as IDisposable)?.Dispose();
                }

                Ports.Close(moduleLink);
                Ports.Close(hostLink);
            }
        }

        /// <summary>One line of counters.</summary>
        public static string Describe(RelayCounters c)
        {
            return $"host→module {c.BytesHostToModule} bytes / {c.FramesHostToModule} frames, module→host {c.BytesModuleToHost} bytes / {c.FramesModuleToHost} frames, "
                + $"longest gap in a frame {c.LongestGapHostToModuleMs}/{c.LongestGapModuleToHostMs} ms, {c.Sessions} sessions, {c.PowerCycles} power cycles";
        }

        // Prints sessions and power changes; frames are only counted (the pump thread must not wait on the console for each).
        private sealed class ConsoleTap : IRelayTap
        {
            private readonly CliContext _ctx;

            public ConsoleTap(CliContext ctx) => _ctx = ctx;

            // Only the PC's BEGIN/END/RUN are printed: the module's answers are not decoded at all.
            public bool WantsFrames(int direction) => direction == RelayDirection.HostToModule;

            public void BytesRelayed(int direction, int count)
            {
            }

            public void FrameSeen(int direction, FrameDecoder frame)
            {
                if (frame.Type == McuUpdater.Protocol.Command.DlBegin || frame.Type == McuUpdater.Protocol.Command.DlEnd || frame.Type == McuUpdater.Protocol.Command.RunGsmSw)
                {
                    _ctx.Out.WriteLine("PC sent " + McuUpdater.Protocol.Command.Name(frame.Type));
                }
            }

            public void PowerChanged(bool on) => _ctx.Out.WriteLine(on ? "module powered on (PWRKEY held)" : "PC sync seen: module powered off");

            public void SessionChanged(bool active) => _ctx.Out.WriteLine(active ? "session started" : "session ended: power released");
        }
    }
}
