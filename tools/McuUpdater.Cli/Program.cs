using System;
using System.Runtime.InteropServices;
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
            bool terminated = false;

            // SIGTERM (timeout, kill, systemd) stops like Ctrl+C: power released, summary, trace
            // flushed; without this the runtime ends the process with nothing of that.
            using PosixSignalRegistration term = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                terminated = true;
                cancel.Cancel();
            });
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

            int code = CliApp.Run(args, new CliContext(AnsiConsole.Console, Console.Error, cancel.Token) { Input = Console.In });
            return terminated && (code == (int)ExitCode.Cancelled || code == (int)ExitCode.Ok) ? (int)ExitCode.Terminated : code;
        }
    }
}
