using System;
using System.Diagnostics;
using System.Globalization;
using McuUpdater.Cli.Tracing;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;
using Spectre.Console;

namespace McuUpdater.Cli.Output
{
    /// <summary>How an update is shown: live bar or lines, frame log, trace file.</summary>
    public sealed class UpdateView
    {
        /// <summary>Log every frame both ways (and the engine's diagnostics); the bar becomes plain lines.</summary>
        public bool Verbose { get; init; }

        /// <summary>JSON Lines trace to write, or null.</summary>
        public TraceWriter Trace { get; init; }

        /// <summary>Baud rate of the link (for the efficiency figures).</summary>
        public int Baud { get; init; } = 115200;

        /// <summary>Title of the progress bar.</summary>
        public string Title { get; init; } = "flashing";

        /// <summary>False when nothing here switches the module (--power none): the tool waits for it to be powered on.</summary>
        public bool PowerControl { get; init; } = true;

        /// <summary>False when the line is known not to be paced at <see cref="Baud"/> (demo --no-pace): no ratios to the line rate then.</summary>
        public bool Paced { get; init; } = true;
    }

    /// <summary>Runs one <see cref="UpdateSession"/> with progress, optional frame log and trace, and prints the summary. Shared by `flash` and `demo`.</summary>
    public static class UpdateRunner
    {
        /// <summary>Runs the update; returns the engine's result (the caller maps it to an exit code).</summary>
        public static UpdateResult Run(CliContext ctx, ISerialLink link, IModulePower power, IImageSource image, UpdateOptions options, UpdateView view)
        {
            Stopwatch clock = Stopwatch.StartNew();
            if (view.Trace != null || view.Verbose)
            {
                TapLink tap = new TapLink(link, writesAreTx: true);
                if (view.Trace != null)
                {
                    tap.Bytes += view.Trace.Bytes;
                    power = new TracingModulePower(power, view.Trace);
                }

                if (view.Verbose)
                {
                    TraceDecoder frames = new TraceDecoder((t, text) => ctx.Out.MarkupLine("[grey]{0}[/] {1}", Seconds(t), Markup.Escape(text)));
                    tap.Bytes += (tx, b, o, n) => frames.Bytes(clock.ElapsedTicks * 1_000_000 / Stopwatch.Frequency, tx, b, o, n);
                }

                link = tap;
            }

            UpdateSession session = new UpdateSession(link, power, SystemClock.Instance, options);
            ProgressState state = ProgressState.Follow(session, view.PowerControl);
            state.SetTotal(image.Length);
            if (view.Verbose)
            {
                session.Events.Resend += (s, reason, seq, send) => ctx.Out.MarkupLine("[yellow]resend[/] {0} seq {1}, send {2}", reason, seq, send);
                session.Events.Restart += (s, reason, count, detail) => ctx.Out.MarkupLine("[yellow]restart[/] {0} #{1}: {2}", reason, count, Markup.Escape(detail ?? string.Empty));
                session.Events.Trace += (s, message) => ctx.Out.MarkupLine("[grey]{0}[/] [blue]{1}[/]", Seconds(clock.ElapsedTicks * 1_000_000 / Stopwatch.Frequency), Markup.Escape(message));
            }

            using (ctx.Cancel.Register(session.Cancel))
            {
                UpdateResult result = ProgressView.Run(ctx.Out, !view.Verbose, view.Title, state, () =>
                {
                    UpdateResult r = session.Run(image);
                    state.Finish(r);
                    return r;
                });
                PrintSummary(ctx, result, view.Baud, view.Paced);
                return result;
            }
        }

        /// <summary>Prints the result: outcome, sizes, times, throughput and efficiency versus the stop-and-wait bound.</summary>
        public static void PrintSummary(CliContext ctx, UpdateResult r, int baud, bool paced = true)
        {
            Grid grid = new Grid().AddColumn().AddColumn();
            string colour = r.Succeeded ? "green" : "red";
            grid.AddRow("[bold]result[/]", "[" + colour + "]" + r.Outcome + "[/]: " + Markup.Escape(r.Detail ?? string.Empty));
            grid.AddRow("image", r.ImageLength + " bytes" + (r.ImageVersion != null ? ", version " + Markup.Escape(r.ImageVersion) : string.Empty));
            if (r.Mtu > 0)
            {
                grid.AddRow("link", "MTU " + r.Mtu + ", block " + r.BlockSize + " bytes, sync " + (r.SyncGot9A ? "two-stage (5B, 9A)" : "single-stage (5B)") + ", RUN status " + r.RunStatus);
            }

            grid.AddRow("time", Seconds(r.ElapsedMs * 1000) + " total, " + Seconds(r.DownloadMs * 1000) + " download");
            if (r.DownloadMs > 0 && r.BlockSize > 0 && r.Succeeded)
            {
                double lineRate = baud / 10.0;
                double rate = r.ImageLength * 1000.0 / r.DownloadMs;
                double bound = Bound(r.BlockSize, baud);

                // Faster than the line rate allows: a pseudo-terminal or simulator without pacing,
                // where a ratio to the line rate means nothing.
                if (!paced || rate > lineRate * 1.02)
                {
                    grid.AddRow("throughput", string.Format(CultureInfo.InvariantCulture, "{0:0} B/s; the line was not paced at {1} baud (no ratio to the line rate)", rate, baud));
                }
                else
                {
                    grid.AddRow("throughput", string.Format(
                        CultureInfo.InvariantCulture,
                        "{0:0} B/s = {1:0.0} % of line rate ({2:0} B/s); stop-and-wait bound B/(B+11+13) = {3:0} B/s → [bold]{4:0.0} % of the bound[/]",
                        rate, 100 * rate / lineRate, lineRate, bound, 100 * rate / bound));
                }
            }

            grid.AddRow("retries", r.Resends + " resends, " + r.Restarts + " restarts, " + r.PowerCycles + " power cycles, " + r.DataFramesSent + " DATA frames");
            if (r.FirmwareVersion != null)
            {
                grid.AddRow("firmware", Markup.Escape(r.FirmwareVersion));
            }

            ctx.Out.Write(grid);
            ctx.Out.WriteLine();
        }

        /// <summary>Stop-and-wait bound on payload throughput for block size B: B / (B + 11 + 13) of the line rate.</summary>
        public static double Bound(int blockSize, int baud)
        {
            return blockSize / (double)(blockSize + 11 + 13) * (baud / 10.0);
        }

        /// <summary>Words for a phase.</summary>
        public static string PhaseText(UpdatePhase phase, bool powerControl = true)
        {
            switch (phase)
            {
                case UpdatePhase.Verifying: return "verifying image";
                case UpdatePhase.PowerCycling: return powerControl ? "power-cycling module" : "waiting for the module to be powered on";
                case UpdatePhase.Syncing: return "syncing (0xB5 ticks)";
                case UpdatePhase.Beginning: return "CMD_DL_BEGIN";
                case UpdatePhase.Downloading: return "downloading";
                case UpdatePhase.Ending: return "CMD_DL_END";
                case UpdatePhase.Running: return "starting firmware";
                case UpdatePhase.CheckingVersion: return "checking version (AT+GMR)";
                case UpdatePhase.Done: return "done";
                default: return phase.ToString();
            }
        }

        private static string Seconds(long us)
        {
            return (us / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " s";
        }
    }
}
