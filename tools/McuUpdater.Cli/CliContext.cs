using System;
using System.IO;
using System.Threading;
using Spectre.Console;

namespace McuUpdater.Cli
{
    /// <summary>Where a command writes and how it is interrupted: the real console for the tool, captured writers for tests.</summary>
    public sealed class CliContext
    {
        /// <summary>Creates a context.</summary>
        public CliContext(IAnsiConsole output, TextWriter error, CancellationToken cancel)
        {
            Out = output;
            Error = error;
            Cancel = cancel;
        }

        /// <summary>Normal output (progress, summaries, tables).</summary>
        public IAnsiConsole Out { get; }

        /// <summary>Error messages.</summary>
        public TextWriter Error { get; }

        /// <summary>Set by Ctrl+C (or by a test).</summary>
        public CancellationToken Cancel { get; }

        /// <summary>Where a person's answers come from (--power manual), or null when nobody can answer.</summary>
        public TextReader Input { get; init; }

        /// <summary>A context writing plain text (no colours, not interactive) to <paramref name="output"/>, for tests.</summary>
        public static CliContext ForText(TextWriter output, TextWriter error, CancellationToken cancel = default, TextReader input = null)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            });
            console.Profile.Width = 160;
            return new CliContext(console, error, cancel) { Input = input };
        }

        /// <summary>Throws <see cref="OperationCanceledException"/> once Ctrl+C was pressed.</summary>
        public void ThrowIfCancelled()
        {
            Cancel.ThrowIfCancellationRequested();
        }
    }
}
