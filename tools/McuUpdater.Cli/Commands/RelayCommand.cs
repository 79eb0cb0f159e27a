using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`relay` (placeholder until its dependency lands).</summary>
    public static class RelayCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("relay", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "relay is not available yet")));
            return command;
        }
    }
}
