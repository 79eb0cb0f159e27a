using System;
using System.Threading;
using Spectre.Console;

namespace McuUpdater.Cli
{
    /// <summary>Entry point: real console, Ctrl+C cancels the running verb.</summary>
    public static class Program
    {
        /// <summary>Runs the tool.</summary>
        public static int Main(string[] args)
        {
            using CancellationTokenSource cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (s, e) =>
            {
                // First Ctrl+C: stop cleanly (release power, close ports); a second one kills.
                if (!cancel.IsCancellationRequested)
                {
                    e.Cancel = true;
                    cancel.Cancel();
                }
            };
            if (Console.IsOutputRedirected)
            {
                // Logs and pipes: do not wrap lines at Spectre's default 80 columns.
                AnsiConsole.Profile.Width = 240;
            }

            return CliApp.Run(args, new CliContext(AnsiConsole.Console, Console.Error, cancel.Token));
        }
    }
}
