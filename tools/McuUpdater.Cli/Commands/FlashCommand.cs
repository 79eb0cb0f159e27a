using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`flash` (placeholder until its dependency lands).</summary>
    public static class FlashCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("flash", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "flash is not available yet")));
            return command;
        }
    }
}
