using System.CommandLine;
using System.IO;
using McuUpdater.Session;
using McuUpdater.Storage;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`journal FOLDER`: reads a device's update journal (e.g. the card's <c>mcuupdater</c> folder on a PC) and says what it records.</summary>
    public static class JournalCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> folder = new Argument<string>("folder") { Description = "the journal folder (holds journal.0 and journal.1)" };
            Command command = new Command("journal", "Show a device's update journal: is an update pending, of which image, how many attempts, how the last ended.");
            command.Arguments.Add(folder);
            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, r.GetValue(folder))));
            return command;
        }

        /// <summary>Prints the journal; exit 0 when nothing is pending, 39 when an update is pending (a module may lack firmware) or no record is readable.</summary>
        public static ExitCode Run(CliContext ctx, string folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new CliException(ExitCode.ImageNotFound, folder + " is not a folder");
            }

            FileJournalStore store = new FileJournalStore(folder);
            UpdateJournal journal = new UpdateJournal(store);
            if (journal.ImageName == null && journal.CorruptSlots == 0)
            {
                ctx.Out.WriteLine(folder + ": no journal records (no update was ever started from this storage)");
                return ExitCode.Ok;
            }

            if (journal.ImageName == null)
            {
                // Every record is torn: nothing says whether an update is pending, so no "all clear".
                ctx.Out.WriteLine(folder + ": state unknown: no readable record (" + journal.CorruptSlots + " unreadable); an update may be pending");
                ctx.Error.WriteLine("error: the journal in " + folder + " has no readable record (exit " + (int)ExitCode.UpdateFailed + ")");
                return ExitCode.UpdateFailed;
            }

            Grid grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("state", journal.IsPending ? "[red]update pending[/] (the module may have no working firmware)" : journal.IsFetching ? "[yellow]fetching a package[/] (the module untouched; the download resumes from the part file)" : "[green]nothing pending[/]");
            grid.AddRow("image", Markup.Escape(journal.ImageName ?? "-"));
            grid.AddRow("length", journal.ImageLength.ToString());
            grid.AddRow("version", Markup.Escape(journal.ImageVersion ?? "-"));
            grid.AddRow("CRC-16", journal.ImageCrc >= 0 ? "0x" + journal.ImageCrc.ToString("X4") : "-");
            grid.AddRow("attempts", journal.Attempts.ToString());
            grid.AddRow("last outcome", Markup.Escape(journal.LastOutcome == UpdateJournal.NoOutcome ? (journal.IsPending ? "none recorded (cut off by a reset or power loss)" : "-") : OutcomeNames.OfJournal(journal)));
            if (journal.CorruptSlots > 0)
            {
                grid.AddRow("[yellow]unreadable[/]", journal.CorruptSlots + " record(s) (a torn write); the state before them is shown");
            }

            ctx.Out.Write(grid);
            ctx.Out.WriteLine();
            return journal.IsPending ? ExitCode.UpdateFailed : ExitCode.Ok;
        }
    }
}
