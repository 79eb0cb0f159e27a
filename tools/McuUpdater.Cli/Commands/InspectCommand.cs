using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`inspect` (placeholder until its dependency lands).</summary>
    public static class InspectCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("inspect", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "inspect is not available yet")));
            return command;
        }
    }
}
