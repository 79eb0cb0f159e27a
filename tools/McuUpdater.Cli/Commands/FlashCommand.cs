using System.CommandLine;
using System.IO;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Output;
using McuUpdater.Cli.Tracing;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Storage;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`flash IMAGE --port P`: update a module over a serial port, directly or through the MCU relay.</summary>
    public static class FlashCommand
    {
        /// <summary>Options shared with `demo`.</summary>
        public sealed class Settings
        {
            public string Image { get; set; }
            public string Port { get; set; }
            public int Baud { get; set; } = Wire.BaudRate;
            public string Power { get; set; } = "none";
            public int MtuCap { get; set; }
            public int Attempts { get; set; } = 4;
            public string ExpectVersion { get; set; }
            public bool NoVersionCheck { get; set; }
            public int SyncTimeoutMs { get; set; }
            public int PowerOffMs { get; set; } = 500;
            public bool Verbose { get; set; }
            public string Trace { get; set; }
            public bool Raw { get; set; }
        }

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> image = new Argument<string>("image") { Description = "raw BIN or QuecFOTA package (detected by its head)" };
            Option<string> port = new Option<string>("--port", "-p") { Description = "serial port of the module (or of the MCU relay's PC side)", Required = true };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate", DefaultValueFactory = _ => Wire.BaudRate };
            Option<string> power = new Option<string>("--power") { Description = PowerSpec.Help + " (none: something else cycles the module, e.g. the MCU relay)", DefaultValueFactory = _ => "none" };
            Option<int> mtuCap = new Option<int>("--mtu-cap") { Description = "never send frames longer than this, whatever MTU the module offers (0 = the module's MTU)" };
            Option<int> attempts = new Option<int>("--attempts") { Description = "whole-procedure attempts (1 + restarts after flash errors, silence, protocol errors)", DefaultValueFactory = _ => 4 };
            Option<string> expect = new Option<string>("--expect-version") { Description = "version the new firmware must report over AT+GMR (default: the package's version)" };
            Option<bool> noCheck = new Option<bool>("--no-version-check") { Description = "do not ask the new firmware for its version" };
            Option<int> syncTimeout = new Option<int>("--sync-timeout") { Description = "ms to wait for 0x5B after power-on per attempt (default 1000; 2000 with --power none, to cover a relay's power cycle; 20000 with --power manual, from your Enter)" };
            Option<int> powerOff = new Option<int>("--power-off-ms") { Description = "how long the module stays off in a power cycle", DefaultValueFactory = _ => 500 };
            Option<bool> verbose = new Option<bool>("--verbose", "-v") { Description = "log every frame in both directions (replaces the live bar)" };
            Option<string> trace = new Option<string>("--trace") { Description = "write every byte and power change as JSON Lines (decode with 'mcuupdater trace')" };
            Option<bool> raw = new Option<bool>("--raw") { Description = "send every byte of the file as raw firmware, even when it looks like a (damaged or unknown) QuecFOTA package" };
            Command command = new Command("flash", "Flash a module: sync, download, run, check the version; live progress and a summary.");
            command.Arguments.Add(image);
            foreach (Option o in new Option[] { port, baud, power, mtuCap, attempts, expect, noCheck, syncTimeout, powerOff, verbose, trace, raw })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                Image = r.GetValue(image),
                Port = r.GetValue(port),
                Baud = r.GetValue(baud),
                Power = r.GetValue(power),
                MtuCap = r.GetValue(mtuCap),
                Attempts = r.GetValue(attempts),
                ExpectVersion = r.GetValue(expect),
                NoVersionCheck = r.GetValue(noCheck),
                SyncTimeoutMs = r.GetValue(syncTimeout),
                PowerOffMs = r.GetValue(powerOff),
                Verbose = r.GetValue(verbose),
                Trace = r.GetValue(trace),
                Raw = r.GetValue(raw),
            })));
            return command;
        }

        /// <summary>Runs the verb.</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            PowerSpec powerSpec = PowerSpec.Parse(s.Power);
            UpdateOptions options = Options(s, powerSpec.IsNone, powerSpec.Kind == "manual");

            // The image is checked before any port or pin is touched.
            StreamImage image = Images.Open(s.Image, s.ExpectVersion, out FileStream file, s.Raw);
            using (file)
            {
                SerialPortLink link = Ports.Open(s.Port, s.Baud);
                IModulePower power = null;
                TraceWriter trace = s.Trace != null ? new TraceWriter(s.Trace) : null;
                try
                {
                    power = powerSpec.Create(link.Port, ctx);
                    ctx.Out.WriteLine($"{s.Image}: {image.Length} bytes{(image.Version != null ? ", version " + image.Version : string.Empty)} → {s.Port} at {s.Baud} baud, power {powerSpec.Text}");
                    UpdateResult result = UpdateRunner.Run(ctx, link, power, image, options, new UpdateView { Verbose = s.Verbose, Trace = trace, Baud = s.Baud, Title = "flashing", PowerControl = !powerSpec.IsNone });
                    return Finish(ctx, result);
                }
                finally
                {
                    trace?.Dispose();
                    (power as System.IDisposable)?.Dispose();
                    Ports.Close(link);
                }
            }
        }

        /// <summary>With --power manual: how long the sync ticks after the person pressed Enter to switch the module on.</summary>
        public const int ManualSyncTimeoutMs = 20000;

        /// <summary>Engine options from the command line.</summary>
        public static UpdateOptions Options(Settings s, bool noPowerControl, bool manual = false)
        {
            if (s.Attempts < 1)
            {
                throw new CliException(ExitCode.Usage, "--attempts must be at least 1");
            }

            UpdateOptions options = new UpdateOptions
            {
                MaxRestarts = s.Attempts - 1,
                ExpectedVersion = s.ExpectVersion,
                CheckVersion = !s.NoVersionCheck,
                PowerOffMs = s.PowerOffMs,
                // A person needs seconds to switch the module on after pressing Enter.
                SyncTimeoutMs = s.SyncTimeoutMs > 0 ? s.SyncTimeoutMs : manual ? ManualSyncTimeoutMs : noPowerControl ? 2000 : 1000,
                BaudRate = s.Baud,

                // A PC has the memory for the largest blocks the 16384-MTU ROM takes (the library's default suits a board without PSRAM).
                MaxBlockSize = UpdateOptions.LargeMaxBlockSize,
            };
            if (s.MtuCap > 0)
            {
                int block = Wire.BlockSizeForMtu(s.MtuCap, 0);
                if (block == 0)
                {
                    throw new CliException(ExitCode.Usage, "--mtu-cap " + s.MtuCap + " cannot carry a block (minimum " + (Wire.DataFrameOverhead + 2) + ")");
                }

                options.MaxBlockSize = block;
            }

            return options;
        }

        /// <summary>Maps the result to the exit code, printing the reason on failure.</summary>
        public static ExitCode Finish(CliContext ctx, UpdateResult result)
        {
            ExitCode code = ExitCodes.FromOutcome(result.Outcome);
            if (code != ExitCode.Ok)
            {
                ctx.Error.WriteLine("error: " + result.Outcome + ": " + result.Detail + " (exit " + (int)code + ": " + ExitCodes.Describe(code) + ")");
            }

            return code;
        }
    }
}
