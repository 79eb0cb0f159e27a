using System;
using System.CommandLine;
using System.IO;
using McuUpdater.Application;
using McuUpdater.Cli.Hardware;
using McuUpdater.Cli.Output;
using McuUpdater.Fetch;
using McuUpdater.Link;
using McuUpdater.Modem;
using McuUpdater.Protocol;
using McuUpdater.Timing;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace McuUpdater.Cli.Commands
{
    /// <summary>
    /// `fetch URL --port P --apn A -o FILE`: downloads a package through a real module's own TCP/IP AT
    /// commands, exactly as a product in the field does (a bench check of a product's server and SIM).
    /// </summary>
    public static class FetchCommand
    {
        /// <summary>Settings.</summary>
        public sealed class Settings
        {
            public string Url { get; set; }
            public string Port { get; set; }
            public int Baud { get; set; } = Wire.BaudRate;
            public string Apn { get; set; }
            public string User { get; set; }
            public string Password { get; set; }
            public string Dialect { get; set; } = "qi";
            public string Output { get; set; }
            public string ExpectVersion { get; set; }
        }

        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> url = new Argument<string>("URL") { Description = "http://host[:port]/path of the package (HTTP/1.1, no TLS: the module's plain TCP socket)" };
            Option<string> port = new Option<string>("--port", "-p") { Description = "serial port of the module's main UART (its firmware running)", Required = true };
            Option<int> baud = new Option<int>("--baud") { Description = "baud rate", DefaultValueFactory = _ => Wire.BaudRate };
            Option<string> apn = new Option<string>("--apn") { Description = "access point name of the SIM's data plan", Required = true };
            Option<string> user = new Option<string>("--user") { Description = "APN user name" };
            Option<string> password = new Option<string>("--password") { Description = "APN password" };
            Option<string> dialect = new Option<string>("--dialect") { Description = "the module's TCP/IP AT commands: qi (UGxx, EC2x, BG9x, EC200U) | legacy (M10, M66, M95, MC60, M35)", DefaultValueFactory = _ => "qi" };
            Option<string> output = new Option<string>("--output", "-o") { Description = "where the verified package goes (the download grows in FILE.part and resumes from it)", Required = true };
            Option<string> expect = new Option<string>("--expect-version") { Description = "refuse a package that declares another version" };
            Command command = new Command("fetch", "Download a package through a module's own TCP/IP (AT commands), resume it, verify it — as a product in the field does.");
            command.Arguments.Add(url);
            foreach (Option o in new Option[] { port, baud, apn, user, password, dialect, output, expect })
            {
                command.Options.Add(o);
            }

            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, new Settings
            {
                Url = r.GetValue(url),
                Port = r.GetValue(port),
                Baud = r.GetValue(baud),
                Apn = r.GetValue(apn),
                User = r.GetValue(user),
                Password = r.GetValue(password),
                Dialect = r.GetValue(dialect),
                Output = r.GetValue(output),
                ExpectVersion = r.GetValue(expect),
            })));
            return command;
        }

        /// <summary>Runs the fetch.</summary>
        public static ExitCode Run(CliContext ctx, Settings s)
        {
            FetchOptions options = Options(s.Url, s.Output, s.ExpectVersion);
            ModemSettings modem = Modem(s.Apn, s.User, s.Password, s.Dialect);
            CheckWritable(s.Output);
            SerialPortLink link = Ports.Open(s.Port, s.Baud);
            try
            {
                IModuleNetwork network = ModuleNetworks.Create(link, SystemClock.Instance, modem, new FetchRunner.CancelFlag(ctx));
                PackageFetcher fetcher = new PackageFetcher(network, new FileDeviceStorage(), null, SystemClock.Instance, options);
                ctx.Out.WriteLine("fetch: " + s.Url + " through the module on " + s.Port + " (" + s.Dialect + " dialect, APN " + s.Apn + ") → " + s.Output);
                FetchResult result = FetchRunner.Run(ctx, fetcher, live: true, "fetching", s.Baud);
                network.Deactivate();
                return FetchRunner.ExitCodeOf(result.Outcome);
            }
            finally
            {
                Ports.Close(link);
            }
        }

        /// <summary>Fetch options from a URL and an output file; usage errors name what is wrong.</summary>
        public static FetchOptions Options(string url, string output, string expectVersion)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri) || uri.Scheme != "http")
            {
                throw new CliException(ExitCode.Usage, "the URL must be http://host[:port]/path, not \"" + url + "\" (the module's plain TCP socket has no TLS)");
            }

            FetchOptions options = new FetchOptions
            {
                Host = uri.Host,
                Port = uri.Port,
                Path = uri.PathAndQuery,
                PackagePath = Path.GetFullPath(output),
                ExpectedVersion = expectVersion,
            };
            try
            {
                HttpRequest.Check(options.Host, options.Port, options.Path);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCode.Usage, ex.Message, ex);
            }

            return options;
        }

        /// <summary>Modem settings from the command line.</summary>
        public static ModemSettings Modem(string apn, string user, string password, string dialect)
        {
            string d = (dialect ?? "qi").ToLowerInvariant();
            if (d != "qi" && d != "legacy")
            {
                throw new CliException(ExitCode.Usage, "--dialect must be qi or legacy, not \"" + dialect + "\"");
            }

            foreach (string value in new[] { apn, user, password })
            {
                if (value != null && (value.IndexOf('"') >= 0 || value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0))
                {
                    throw new CliException(ExitCode.Usage, "--apn, --user and --password cannot hold quotes or line breaks (they go into an AT command)");
                }
            }

            return new ModemSettings
            {
                Dialect = d == "legacy" ? AtDialect.Legacy : AtDialect.Qi,
                Apn = apn ?? string.Empty,
                User = user ?? string.Empty,
                Password = password ?? string.Empty,
            };
        }

        private static void CheckWritable(string output)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (!Directory.Exists(folder))
            {
                throw new CliException(ExitCode.OutputNotWritable, "the folder of " + output + " does not exist");
            }
        }
    }
}
