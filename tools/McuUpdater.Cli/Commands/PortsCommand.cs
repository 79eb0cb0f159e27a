using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.IO.Ports;
using Spectre.Console;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`ports`: the serial ports this machine has, with their stable /dev/serial/by-id names on Linux.</summary>
    public static class PortsCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Command command = new Command("ports", "List serial ports (with /dev/serial/by-id names on Linux).");
            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx)));
            return command;
        }

        /// <summary>Runs the verb.</summary>
        public static ExitCode Run(CliContext ctx)
        {
            SortedSet<string> names = new SortedSet<string>(SerialPort.GetPortNames(), StringComparer.Ordinal);
            Dictionary<string, string> byId = StableNames();
            foreach (string device in byId.Keys)
            {
                names.Add(device);
            }

            if (names.Count == 0)
            {
                ctx.Out.WriteLine("No serial ports found.");
                return ExitCode.Ok;
            }

            Table table = new Table().AddColumn("port").AddColumn("stable name");
            foreach (string name in names)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(byId.TryGetValue(name, out string id) ? id : string.Empty));
            }

            ctx.Out.Write(table);
            return ExitCode.Ok;
        }

        // /dev/serial/by-id/usb-FTDI_... -> ../../ttyUSB0 (Linux only; empty elsewhere).
        private static Dictionary<string, string> StableNames()
        {
            Dictionary<string, string> result = new Dictionary<string, string>(StringComparer.Ordinal);
            const string Folder = "/dev/serial/by-id";
            if (!OperatingSystem.IsLinux() || !Directory.Exists(Folder))
            {
                return result;
            }

            foreach (string link in Directory.GetFileSystemEntries(Folder))
            {
                FileSystemInfo target = new FileInfo(link).ResolveLinkTarget(true);
                if (target != null)
                {
                    result[target.FullName] = link;
                }
            }

            return result;
        }
    }
}
