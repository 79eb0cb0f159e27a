using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using McuUpdater.Application;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Output;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`bench IMAGE --port A --port B ...`: a production bench on a PC, flashing one image into several modules at once.</summary>
    public static class BenchCommand
    {
        /// <summary>Settings.</summary>
        public sealed class Settings
        {
            public string Image { get; set; }
            public string[] Ports { get; set; } = Array.Empty<string>();
            public int Baud { get; set; } = Protocol.Wire.BaudRate;
            public string Power { get; set; } = "none";
            public int Attempts { get; set; } = 4;
            public string ExpectVersion { get; set; }
            public bool NoVersionCheck { get; set; }
            public string Results { get; set; }
        }

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> image = new Argument<string>("image") { Description = "raw BIN or QuecFOTA package (detected by its head)" };
            Option<string[]> ports = new Option<string[]>("--port", "-p") { Description = "a slot's serial port (repeat for each slot)", Required = true, AllowMultipleArgumentsPerToken = true };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate", DefaultValueFactory = _ => Protocol.Wire.BaudRate };
            Option<string> power = new Option<string>("--power") { Description = "each slot's power control on its own port: none | dtr | rts | dtr-inv | rts-inv", DefaultValueFactory = _ => "none" };
            Option<int> attempts = new Option<int>("--attempts") { Description = "whole-procedure attempts per module", DefaultValueFactory = _ => 4 };
            Option<string> expect = new Option<string>("--expect-version") { Description = "version every module must report afterwards (default: the package's)" };
            Option<bool> noCheck = new Option<bool>("--no-version-check") { Description = "do not ask the new firmware for its version" };
            Option<string> results = new Option<string>("--results") { Description = "append one CSV line per module to this file (" + BenchRig.ResultsHeader + ")" };
            Command command = new Command("bench", "Flash one image into several modules at once (one port per slot); a results table and an optional CSV log.");
            command.Arguments.Add(image);
            foreach (Option o in new Option[] { ports, baud, power, attempts, expect, noCheck, results })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                Image = r.GetValue(image),
                Ports = r.GetValue(ports) ?? Array.Empty<string>(),
                Baud = r.GetValue(baud),
                Power = r.GetValue(power),
                Attempts = r.GetValue(attempts),
                ExpectVersion = r.GetValue(expect),
                NoVersionCheck = r.GetValue(noCheck),
                Results = r.GetValue(results),
            })));
            return command;
        }

        /// <summary>Runs one round on every slot; Ok only when every module was flashed.</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            PowerSpec powerSpec = PowerSpec.Parse(s.Power);
            if (powerSpec.Kind == "manual" || powerSpec.Kind == "gpio")
            {
                throw new CliException(ExitCode.Usage, "--power " + s.Power + " cannot serve several slots; use none, dtr or rts (each slot's own port lines)");
            }

            if (new HashSet<string>(Array.ConvertAll(s.Ports, PortLock.Resolve)).Count != s.Ports.Length)
            {
                throw new CliException(ExitCode.Usage, "a --port is given twice");
            }

            FlashCommand.Settings engine = new FlashCommand.Settings { Attempts = s.Attempts, ExpectVersion = s.ExpectVersion, NoVersionCheck = s.NoVersionCheck, Baud = s.Baud };
            FlashCommand.Options(engine, powerSpec.IsNone); // bad values fail here, before any port opens

            // The image is checked once, before any port is opened.
            StreamImage checkedImage = Images.Open(s.Image, s.ExpectVersion, out FileStream file);
            file.Dispose();

            // So is the results log: a production log must never be lost, so no module is touched without it.
            FileResultsLog log = s.Results != null ? new FileResultsLog(s.Results) : null;
            if (log != null)
            {
                OpenLog(log);
            }

            List<SerialPortLink> links = new List<SerialPortLink>();
            List<IDisposable> owned = new List<IDisposable>();
            try
            {
                BenchSlot[] slots = new BenchSlot[s.Ports.Length];
                for (int i = 0; i < s.Ports.Length; i++)
                {
                    SerialPortLink link = Ports.Open(s.Ports[i], s.Baud);
                    links.Add(link);
                    IModulePower power = powerSpec.Create(link.Port, ctx);
                    if (power is IDisposable d)
                    {
                        owned.Add(d);
                    }

                    slots[i] = new BenchSlot(s.Ports[i], link, power, SystemClock.Instance, FlashCommand.Options(engine, powerSpec.IsNone));
                }

                using CancellationHook hook = new CancellationHook(ctx, slots);
                ctx.Out.WriteLine($"{s.Image}: {checkedImage.Length} bytes{(checkedImage.Version != null ? ", version " + checkedImage.Version : string.Empty)} → {slots.Length} slots at {s.Baud} baud, power {powerSpec.Text}");
                BenchRig rig = new BenchRig(slots, log);
                ProgressState[] states = new ProgressState[slots.Length];
                string[] titles = new string[slots.Length];
                for (int i = 0; i < slots.Length; i++)
                {
                    states[i] = ProgressState.Follow(slots[i].Session, !powerSpec.IsNone);
                    states[i].SetTotal(checkedImage.Length);
                    titles[i] = slots[i].Name;
                }

                int ok = ProgressView.RunMany(ctx.Out, titles, states, () =>
                {
                    int flashed = RunRound(rig, s.Image);
                    for (int i = 0; i < slots.Length; i++)
                    {
                        states[i].Finish(slots[i].LastResult);
                    }

                    return flashed;
                });

                Table table = new Table().AddColumns("slot", "outcome", "resends", "restarts", "firmware", "detail");
                foreach (BenchSlot slot in slots)
                {
                    UpdateResult r = slot.LastResult;
                    string outcome = OutcomeNames.Name(r.Outcome);
                    table.AddRow(Markup.Escape(slot.Name), r.Outcome == UpdateOutcome.Success ? "[green]" + outcome + "[/]" : "[red]" + outcome + "[/]", r.Resends.ToString(), r.Restarts.ToString(), Markup.Escape(r.FirmwareVersion ?? "-"), Markup.Escape(r.Detail ?? string.Empty));
                }

                ctx.Out.Write(table);
                ctx.Out.WriteLine($"{ok} of {slots.Length} modules flashed{(s.Results != null && rig.LogFailure == null ? "; round " + rig.Rounds + " appended to " + s.Results : string.Empty)}");
                if (rig.LogFailure != null)
                {
                    throw new CliException(ExitCode.OutputNotWritable, rig.LogFailure + "; the table above is this round's only record");
                }

                if (ok == slots.Length)
                {
                    return ExitCode.Ok;
                }

                if (ctx.Cancel.IsCancellationRequested)
                {
                    ctx.Error.WriteLine($"interrupted: {slots.Length - ok} of {slots.Length} modules not flashed (exit {(int)ExitCode.Cancelled})");
                    return ExitCode.Cancelled;
                }

                ctx.Error.WriteLine($"error: {slots.Length - ok} of {slots.Length} modules failed (exit {(int)ExitCode.UpdateFailed}: {ExitCodes.Describe(ExitCode.UpdateFailed)})");
                return ExitCode.UpdateFailed;
            }
            finally
            {
                foreach (IDisposable d in owned)
                {
                    d.Dispose();
                }

                foreach (SerialPortLink link in links)
                {
                    Ports.Close(link);
                }
            }
        }

        private static int OpenLog(FileResultsLog log)
        {
            try
            {
                return log.Open();
            }
            catch (IOException ex)
            {
                throw new CliException(ExitCode.OutputNotWritable, ex.Message + " (no module was touched)", ex);
            }
        }

        private static int RunRound(BenchRig rig, string image)
        {
            try
            {
                return rig.RunRound(new FileDeviceStorage(), image);
            }
            catch (IOException ex)
            {
                throw new CliException(ExitCode.OutputNotWritable, ex.Message + " (no module was touched)", ex);
            }
        }

        /// <summary>Ctrl+C cancels every slot's session.</summary>
        private sealed class CancellationHook : IDisposable
        {
            private readonly System.Threading.CancellationTokenRegistration _registration;

            public CancellationHook(CliContext ctx, BenchSlot[] slots)
            {
                _registration = ctx.Cancel.Register(() =>
                {
                    foreach (BenchSlot slot in slots)
                    {
                        slot.Session.Cancel();
                    }
                });
            }

            public void Dispose() => _registration.Dispose();
        }
    }
}
