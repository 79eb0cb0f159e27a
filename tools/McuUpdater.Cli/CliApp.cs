using System;
using System.CommandLine;
using System.IO;
using Spectre.Console;
using McuUpdater.Cli.Commands;

namespace McuUpdater.Cli
{
    /// <summary>The command tree of `mcuupdater` and the one place failures become exit codes and messages.</summary>
    public static class CliApp
    {
        /// <summary>Builds the root command with every verb.</summary>
        public static RootCommand Build(CliContext ctx)
        {
            RootCommand root = new RootCommand(
                "mcuupdater: flash Quectel-class modules over their boot-ROM UART protocol, directly or through an MCU relay.\n"
                + "Exit codes: 0 ok, 2 usage, 10-19 image, 20-29 port/power, 30-39 module, 40-49 fetch/network, 50-59 relay/simulator/demo, 60 trace, 130 Ctrl+C, 143 SIGTERM "
                + "(`mcuupdater exit-codes` lists them).");
            root.Subcommands.Add(FlashCommand.Build(ctx));
            root.Subcommands.Add(BenchCommand.Build(ctx));
            root.Subcommands.Add(JournalCommand.Build(ctx));
            root.Subcommands.Add(PackageCommand.Build(ctx));
            root.Subcommands.Add(InspectCommand.Build(ctx));
            root.Subcommands.Add(SimulateCommand.Build(ctx));
            root.Subcommands.Add(RelayCommand.Build(ctx));
            root.Subcommands.Add(DemoCommand.Build(ctx));
            root.Subcommands.Add(FetchCommand.Build(ctx));
            root.Subcommands.Add(PortsCommand.Build(ctx));
            root.Subcommands.Add(TraceCommand.Build(ctx));
            root.Subcommands.Add(ExitCodesCommand.Build(ctx));
            return root;
        }

        /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
        public static int Run(string[] args, CliContext ctx)
        {
            RootCommand root = Build(ctx);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
                {
                    ctx.Error.WriteLine("error: " + error.Message);
                }

                ctx.Error.WriteLine("Run 'mcuupdater --help' (or 'mcuupdater VERB --help') for usage.");
                return (int)ExitCode.Usage;
            }

            InvocationConfiguration config = new InvocationConfiguration
            {
                Output = new SpectreWriter(ctx),
                Error = ctx.Error,
                EnableDefaultExceptionHandler = false,
            };
            return parsed.Invoke(config);
        }

        /// <summary>Runs a verb body, turning failures into an exit code and a one-line message.</summary>
        public static int Guard(CliContext ctx, Func<ExitCode> body)
        {
            try
            {
                return (int)body();
            }
            catch (CliException ex)
            {
                ctx.Error.WriteLine("error: " + ex.Message);
                return (int)ex.Code;
            }
            catch (OperationCanceledException)
            {
                ctx.Error.WriteLine("interrupted");
                return (int)ExitCode.Cancelled;
            }
            catch (Exception ex)
            {
                ctx.Error.WriteLine("internal error: " + ex);
                return (int)ExitCode.InternalError;
            }
        }

        // Help text goes to the context's output, so tests capture it too.
        private sealed class SpectreWriter : StringWriter
        {
            private readonly CliContext _ctx;

            public SpectreWriter(CliContext ctx)
            {
                _ctx = ctx;
            }

            public override void Write(char value) => _ctx.Out.Write(value.ToString());

            public override void Write(string value) => _ctx.Out.Write(value ?? string.Empty);

            public override void Write(char[] buffer, int index, int count) => _ctx.Out.Write(new string(buffer, index, count));

            // Help output ends rows with the parameterless WriteLine; without this override the
            // newline went into StringWriter's own buffer and every row ran into the next.
            public override void WriteLine() => _ctx.Out.WriteLine();

            public override void WriteLine(string value) => _ctx.Out.WriteLine(value ?? string.Empty);
        }
    }
}
