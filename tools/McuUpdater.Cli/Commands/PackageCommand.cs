using System.CommandLine;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`package` (placeholder until its dependency lands).</summary>
    public static class PackageCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("package", "(not yet available)");
            command.SetAction(r => CliApp.Guard(ctx, () => throw new CliException(ExitCode.InternalError, "package is not available yet")));
            return command;
        }
    }
}
