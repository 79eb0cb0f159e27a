using System;
using System.CommandLine;
using System.IO;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Output;
using McuUpdater.Cli.Tracing;
using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator.Host;
using McuUpdater.Storage;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>
    /// `demo`: a full update with no hardware. A pseudo-terminal pair; the module simulator on the
    /// master side, paced at 115200 like a real UART; the updater on the slave through a real
    /// System.IO.Ports.SerialPort; the power line wired straight to the simulated module. Where
    /// there are no pseudo-terminals (Windows) the same simulator runs over an in-process link.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Default image size: 256 KiB ≈ 23 s of line time at 115200.</summary>
        public const int DefaultImageSize = 256 * 1024;

        /// <summary>Settings.</summary>
        public sealed class Settings
        {
            public int ImageSize { get; set; } = DefaultImageSize;
            public int Baud { get; set; } = Wire.BaudRate;
            public bool NoPace { get; set; }
            public SimulatorSettings Simulator { get; set; } = new SimulatorSettings();
            public int Attempts { get; set; } = 4;
            public bool Verbose { get; set; }
            public string Trace { get; set; }
            public string Link { get; set; } = "auto";
            public bool Ota { get; set; }
            public string Dialect { get; set; } = "qi";
        }

        // The in-process link's buffer each way: a 16 KB frame and its answer fit.
        private const int PipeBytes = 64 * 1024;

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Option<int> size = new Option<int>("--image-size") { Description = "bytes of (random, seeded) firmware to send; default 256 KiB ≈ 23 s at 115200", DefaultValueFactory = _ => DefaultImageSize };
            SimulatorOptionSet simulator = new SimulatorOptionSet("seed of the image and the line faults", bench: false);
            Option<int> baud = new Option<int>("--baud") { Description = "line rate the simulator paces at", DefaultValueFactory = _ => Wire.BaudRate };
            Option<bool> noPace = new Option<bool>("--no-pace") { Description = "do not pace: as fast as the pseudo-terminal goes" };
            Option<int> attempts = new Option<int>("--attempts") { Description = "whole-procedure attempts", DefaultValueFactory = _ => 4 };
            Option<bool> verbose = new Option<bool>("--verbose", "-v") { Description = "log every frame" };
            Option<string> trace = new Option<string>("--trace") { Description = "write the byte/power trace as JSON Lines" };
            Option<string> linkOption = new Option<string>("--link") { Description = "auto (a pseudo-terminal pair where there are any, else an in-process link) | pty | memory", DefaultValueFactory = _ => "auto" };
            Option<bool> ota = new Option<bool>("--ota") { Description = "the field story: a loopback HTTP server, the module fetches the package through its own TCP/IP, then it is verified, flashed and its version checked (128 KiB by default)" };
            Option<string> dialect = new Option<string>("--dialect") { Description = "with --ota: the module's TCP/IP AT commands, qi | legacy", DefaultValueFactory = _ => "qi" };
            Command command = new Command("demo", "Full update against the module simulator over a pseudo-terminal pair at 115200 — no hardware, no options needed.");
            command.Options.Add(size);
            foreach (Option o in simulator.All)
            {
                command.Options.Add(o);
            }

            foreach (Option o in new Option[] { baud, noPace, attempts, verbose, trace, linkOption, ota, dialect })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                ImageSize = r.GetValue(size),
                Baud = r.GetValue(baud),
                NoPace = r.GetValue(noPace),
                Attempts = r.GetValue(attempts),
                Verbose = r.GetValue(verbose),
                Trace = r.GetValue(trace),
                Link = r.GetValue(linkOption),
                Simulator = simulator.Read(r),
                Ota = r.GetValue(ota),
                Dialect = r.GetValue(dialect),
            })));
            return command;
        }

        /// <summary>Runs the demo.</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            if (s.ImageSize < 1)
            {
                throw new CliException(ExitCode.Usage, "--image-size must be positive");
            }

            if (s.Ota)
            {
                string dialect = (s.Dialect ?? "qi").ToLowerInvariant();
                if (dialect != "qi" && dialect != "legacy")
                {
                    throw new CliException(ExitCode.Usage, "--dialect must be qi or legacy");
                }

                return DemoOta.Run(ctx, s, dialect);
            }

            // The firmware: seeded random bytes in a QuecFOTA package carrying the version the simulated firmware will report.
            byte[] firmware = new byte[s.ImageSize];
            new Random((int)s.Simulator.Seed).NextBytes(firmware);
            byte[] package = QuecFotaPackageWriter.Build(firmware, s.Simulator.Version);
            QuecFotaPackage image = new QuecFotaPackage(new MemoryStream(package, writable: false), "demo.pkg");

            string mode = (s.Link ?? "auto").ToLowerInvariant();
            if (mode != "auto" && mode != "pty" && mode != "memory")
            {
                throw new CliException(ExitCode.Usage, "--link must be auto, pty or memory");
            }

            PseudoTerminal pty = null;
            string fallback = null;
            if (mode != "memory")
            {
                try
                {
                    pty = new PseudoTerminal();
                }
                catch (Exception ex) when (ex is IOException || ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    if (mode == "pty")
                    {
                        throw new CliException(ExitCode.PseudoTerminalUnavailable, "cannot open a pseudo-terminal pair: " + ex.Message, ex);
                    }

                    fallback = ex.Message;
                }
            }

            if (pty != null)
            {
                using (pty)
                using (SimulatorHost sim = SimulatorHost.Start(pty, s.Simulator, s.NoPace ? 0 : s.Baud, idlePowerSense: false))
                {
                    SerialPortLink link = Ports.Open(pty.SlavePath, s.Baud);
                    try
                    {
                        return Run(ctx, s, link, sim, "a pseudo-terminal pair (" + pty.SlavePath + ", a real serial port)", firmware, image);
                    }
                    finally
                    {
                        Ports.Close(link);
                    }
                }
            }

            // No pseudo-terminals (Windows): the same simulator, paced the same way, over an in-process pipe.
            PipeLink.CreatePair(PipeBytes, out PipeLink moduleSide, out PipeLink updaterSide);
            using (SimulatorHost sim = SimulatorHost.Start(moduleSide, s.Simulator, s.NoPace ? 0 : s.Baud, idlePowerSense: false))
            {
                try
                {
                    string why = fallback != null ? "no pseudo-terminals here: " + fallback : "--link memory";
                    return Run(ctx, s, updaterSide, sim, "an in-process link (" + why + ")", firmware, image);
                }
                finally
                {
                    moduleSide.Close();
                    updaterSide.Close();
                }
            }
        }

        private static ExitCode Run(CliContext ctx, Settings s, ISerialLink link, SimulatorHost sim, string linkText, byte[] firmware, IImageSource image)
        {
            TraceWriter trace = s.Trace != null ? new TraceWriter(s.Trace) : null;
            try
            {
                double seconds = s.ImageSize / (s.Baud / 10.0);
                ctx.Out.MarkupLine(
                    "demo over {0}: {1} bytes → simulated module (MTU {2}, {3} ROM), {4} baud{5}; ≥ {6:0.0} s of line time",
                    Markup.Escape(linkText), s.ImageSize, s.Simulator.EffectiveMtu, s.Simulator.Rom, s.Baud, s.NoPace ? " (not paced)" : " (paced)", seconds);
                UpdateOptions options = FlashCommand.Options(new FlashCommand.Settings { Attempts = s.Attempts, Baud = s.Baud }, noPowerControl: false);
                UpdateResult result = UpdateRunner.Run(ctx, link, sim.Power, image, options, new UpdateView { Verbose = s.Verbose, Trace = trace, Baud = s.Baud, Title = "demo", Paced = !s.NoPace });
                ExitCode code = FlashCommand.Finish(ctx, result);
                if (code != ExitCode.Ok)
                {
                    return code;
                }

                if (!sim.Module.ImageMatches(firmware))
                {
                    throw new CliException(ExitCode.DemoMismatch, "the simulated module received " + sim.Module.ReceivedImageLength + " bytes that differ from the image sent");
                }

                ctx.Out.MarkupLine("[green]the simulated module holds the image byte for byte[/] (CRC-32 0x{0:X8}); it accepted {1} frames, refused {2}", sim.Module.ReceivedImageCrc32, sim.Module.FramesAccepted, sim.Module.FramesRejected);
                if (trace != null)
                {
                    ctx.Out.WriteLine("trace written to " + s.Trace + " (decode: mcuupdater trace " + s.Trace + " --vcd demo.vcd)");
                }

                return ExitCode.Ok;
            }
            finally
            {
                trace?.Dispose();
            }
        }
    }
}
