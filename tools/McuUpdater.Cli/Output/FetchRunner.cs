using System.Globalization;
using McuUpdater.Fetch;
using McuUpdater.Modem;
using McuUpdater.Session;
using Spectre.Console;

namespace McuUpdater.Cli.Output
{
    /// <summary>Runs one <see cref="PackageFetcher"/> with a progress bar and prints its summary. Shared by `fetch` and `demo --ota`.</summary>
    public static class FetchRunner
    {
        /// <summary>Fetches; returns the fetcher's result (the caller maps it to an exit code).</summary>
        public static FetchResult Run(CliContext ctx, PackageFetcher fetcher, bool live, string title, int baud)
        {
            ProgressState state = Follow(fetcher);
            using (ctx.Cancel.Register(fetcher.Cancel))
            {
                FetchResult result = ProgressView.Run(ctx.Out, live, title, state, fetcher.Fetch);
                PrintSummary(ctx, result, baud);
                return result;
            }
        }

        /// <summary>A progress state that follows the fetcher's part file.</summary>
        public static ProgressState Follow(PackageFetcher fetcher)
        {
            ProgressState state = new ProgressState();
            state.SetPhase("fetching " + fetcher.Options.Path);
            fetcher.Progress += (s, stored, total) =>
            {
                if (total > 0)
                {
                    state.SetTotal(total);
                }

                state.SetDone(stored);
            };
            return state;
        }

        /// <summary>Result, sizes, resume, connections and the body rate against the UART's line rate.</summary>
        public static void PrintSummary(CliContext ctx, FetchResult r, int baud)
        {
            Grid grid = new Grid().AddColumn().AddColumn();
            string colour = r.Succeeded ? "green" : "red";
            grid.AddRow("[bold]fetch[/]", "[" + colour + "]" + FetchOutcomeNames.Name(r.Outcome) + "[/]: " + Markup.Escape(r.Detail ?? string.Empty));
            grid.AddRow("package", (r.PackageLength >= 0 ? r.PackageLength + " bytes" : "length unknown") + (r.Version != null ? ", version " + Markup.Escape(r.Version) : string.Empty) + (r.ResumedFrom > 0 ? ", resumed from byte " + r.ResumedFrom : string.Empty));
            string network = r.Connections + " connection(s), " + r.RestartsFromZero + " restart(s) from byte 0";
            if (r.Socket != SocketOutcome.Ok)
            {
                network += "; last network failure " + r.Socket;
            }

            grid.AddRow("network", Markup.Escape(network));
            if (r.BodyMs > 0 && r.BodyBytes > 0)
            {
                double lineRate = baud / 10.0;
                double rate = r.BodyBytes * 1000.0 / r.BodyMs;
                grid.AddRow("throughput", string.Format(CultureInfo.InvariantCulture, "{0} body bytes in {1:0.0} s = {2:0} B/s = [bold]{3:0.0} % of the UART's {4:0} B/s[/] (AT read framing takes the rest); {5:0.0} s with bring-up and connect", r.BodyBytes, r.BodyMs / 1000.0, rate, 100 * rate / lineRate, lineRate, r.ElapsedMs / 1000.0));
            }

            ctx.Out.Write(grid);
            ctx.Out.WriteLine();
        }

        /// <summary>The exit code of a fetch outcome.</summary>
        public static ExitCode ExitCodeOf(FetchOutcome outcome)
        {
            switch (outcome)
            {
                case FetchOutcome.Fetched: return ExitCode.Ok;
                case FetchOutcome.NotFound: return ExitCode.FetchNotFound;
                case FetchOutcome.ServerError:
                case FetchOutcome.HttpRefused:
                case FetchOutcome.BadResponse: return ExitCode.FetchServerError;
                case FetchOutcome.Interrupted: return ExitCode.FetchInterrupted;
                case FetchOutcome.NetworkFailed: return ExitCode.NetworkFailed;
                case FetchOutcome.PackageRejected: return ExitCode.ImageInvalid;
                case FetchOutcome.StorageFailed: return ExitCode.OutputNotWritable;
                case FetchOutcome.BadRequest: return ExitCode.Usage;
                case FetchOutcome.Cancelled: return ExitCode.Cancelled;
                default: return ExitCode.UpdateFailed;
            }
        }

        /// <summary>Lets the module's network see a Ctrl+C between its commands.</summary>
        public sealed class CancelFlag : ICancellation
        {
            private readonly CliContext _ctx;

            /// <summary>Follows <paramref name="ctx"/>'s cancellation.</summary>
            public CancelFlag(CliContext ctx) => _ctx = ctx;

            /// <inheritdoc />
            public bool IsCancelled => _ctx.Cancel.IsCancellationRequested;
        }
    }
}
