using System.Collections.Generic;
using System.CommandLine;
using Spectre.Console;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`exit-codes [--markdown]`: the exit-code table.</summary>
    public static class ExitCodesCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Option<bool> markdown = new Option<bool>("--markdown") { Description = "print the table as Markdown (for the README)" };
            Command command = new Command("exit-codes", "List the exit codes and what they mean.");
            command.Options.Add(markdown);
            command.SetAction(r => CliApp.Guard(ctx, () =>
            {
                if (r.GetValue(markdown))
                {
                    ctx.Out.Write(new Text(ExitCodes.Markdown()));
                    return ExitCode.Ok;
                }

                Table table = new Table().AddColumn("code").AddColumn("name").AddColumn("meaning");
                foreach (KeyValuePair<ExitCode, string> row in ExitCodes.All)
                {
                    table.AddRow(((int)row.Key).ToString(), row.Key.ToString(), Markup.Escape(row.Value));
                }

                ctx.Out.Write(table);
                return ExitCode.Ok;
            }));
            return command;
        }
    }
}
