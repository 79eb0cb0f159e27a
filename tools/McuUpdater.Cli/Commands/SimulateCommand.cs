using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`simulate` (placeholder until its dependency lands).</summary>
    public static class SimulateCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("simulate", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "simulate is not available yet")));
            return command;
        }
    }
}
