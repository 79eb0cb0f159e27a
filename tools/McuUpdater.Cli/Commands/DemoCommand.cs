using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`demo` (placeholder until its dependency lands).</summary>
    public static class DemoCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("demo", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "demo is not available yet")));
            return command;
        }
    }
}
