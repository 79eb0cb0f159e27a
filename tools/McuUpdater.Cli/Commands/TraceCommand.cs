using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using McuUpdater.Cli.Tracing;
using Spectre.Console;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`trace FILE [--vcd OUT] [--baud B]`: print the frames of a --trace file, optionally write a VCD.</summary>
    public static class TraceCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> file = new Argument<string>("file") { Description = "JSON Lines trace written by --trace" };
            Option<string> vcd = new Option<string>("--vcd") { Description = "also write a Value Change Dump (UART bit waveforms tx/rx and power, for PulseView/sigrok and GTKWave) and NAME-bytes.vcd (byte values, for GTKWave)" };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate for the VCD bit timing", DefaultValueFactory = _ => 115200 };
            Option<bool> quiet = new Option<bool>("--quiet", "-q") { Description = "only the summary, not every frame" };
            Command command = new Command("trace", "Decode a trace file: frames and sync bytes in both directions, power changes; --vcd for a waveform viewer.");
            command.Arguments.Add(file);
            command.Options.Add(vcd);
            command.Options.Add(baud);
            command.Options.Add(quiet);
            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, r.GetValue(file), r.GetValue(vcd), r.GetValue(baud), r.GetValue(quiet))));
            return command;
        }

        /// <summary>Runs the verb.</summary>
        public static ExitCode Run(CliContext ctx, string file, string vcdPath, int baud, bool quiet)
        {
            List<TraceEvent> events = TraceReader.Read(file, ctx.Error);
            TextWriter lines = quiet ? TextWriter.Null : new ConsoleLineWriter(ctx);
            TraceDecoder decoder = TraceDecoder.Print(events, lines);
            lines.Flush();
            double seconds = events.Count == 0 ? 0 : events[events.Count - 1].TimeUs / 1e6;
            ctx.Out.WriteLine($"{events.Count} events over {seconds:0.000} s; {decoder.Counters()}; {decoder.PowerEvents} power events");
            foreach (KeyValuePair<string, int> kv in decoder.FrameCounts)
            {
                ctx.Out.WriteLine($"  {kv.Key,-20} {kv.Value,8}");
            }

            if (!string.IsNullOrEmpty(vcdPath))
            {
                string bytesPath = VcdWriter.BytesPath(vcdPath);
                try
                {
                    using StreamWriter writer = new StreamWriter(vcdPath);
                    using StreamWriter bytes = new StreamWriter(bytesPath);
                    VcdWriter.Write(events, writer, bytes, baud);
                }
                catch (IOException ex)
                {
                    throw new CliException(ExitCode.OutputNotWritable, "cannot write " + vcdPath + ": " + ex.Message, ex);
                }
                catch (System.UnauthorizedAccessException ex)
                {
                    throw new CliException(ExitCode.OutputNotWritable, "cannot write " + vcdPath + ": " + ex.Message, ex);
                }

                ctx.Out.WriteLine("VCD written to " + vcdPath + " (1-bit wires tx, rx: UART 8N1 at " + baud + " baud, and power; PulseView/sigrok and GTKWave), byte values tx_byte, rx_byte to " + bytesPath + " (GTKWave)");
            }

            return ExitCode.Ok;
        }

        // Writes plain lines through the Spectre console without markup parsing.
        private sealed class ConsoleLineWriter : StringWriter
        {
            private readonly CliContext _ctx;

            public ConsoleLineWriter(CliContext ctx)
            {
                _ctx = ctx;
            }

            public override void WriteLine(string value) => _ctx.Out.WriteLine(value ?? string.Empty);
        }
    }
}
