using System.CommandLine;
using System.IO;
using McuUpdater.Cli.Hardware;
using Crc16Xmodem = McuUpdater.Protocol.Crc16Xmodem;
using McuUpdater.Storage;
using Command = System.CommandLine.Command;
using Spectre.Console;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`inspect FILE [--md5 FILE_MD5.DAT]`: show and verify a QuecFOTA package (or describe a raw BIN).</summary>
    public static class InspectCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> file = new Argument<string>("file") { Description = "QuecFOTA package or raw BIN" };
            Option<string> md5 = new Option<string>("--md5") { Description = "check the firmware's MD5 against the release's _MD5.DAT" };
            Option<string> version = new Option<string>("--expect-version") { Description = "fail unless the package declares this version" };
            Option<bool> strict = new Option<bool>("--require-version") { Description = "with --expect-version: fail (exit 35) when the file declares no version (a raw BIN) instead of warning" };
            Option<bool> raw = new Option<bool>("--raw") { Description = "show the file as raw firmware even when it looks like a (damaged or unknown) QuecFOTA package" };
            Command command = new Command("inspect", "Show and verify a QuecFOTA package (head, version, length byte order, CRC16, MD5) or a raw BIN.");
            command.Arguments.Add(file);
            command.Options.Add(md5);
            command.Options.Add(version);
            command.Options.Add(raw);
            command.Options.Add(strict);
            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, r.GetValue(file), r.GetValue(md5), r.GetValue(version), r.GetValue(raw), r.GetValue(strict))));
            return command;
        }

        /// <summary>Runs the verb.</summary>
        public static ExitCode Run(CliContext ctx, string path, string md5Path, string expectVersion, bool raw = false, bool requireVersion = false)
        {
            if (requireVersion && expectVersion == null)
            {
                throw new CliException(ExitCode.Usage, "--require-version needs --expect-version");
            }

            StreamImage image = Images.Open(path, expectVersion, out FileStream stream, raw);
            if (expectVersion != null && image.Version == null)
            {
                string why = path + " is a raw BIN: it declares no version, so --expect-version " + expectVersion + " cannot be checked here (flash checks the running firmware's version)";
                if (requireVersion)
                {
                    stream.Dispose();
                    throw new CliException(ExitCode.VersionMismatch, why);
                }

                ctx.Error.WriteLine("warning: " + why);
            }

            using (stream)
            {
                bool package = image is QuecFotaPackage;
                long offset = package ? QuecFotaLayout.FirmwareOffset : 0;
                string md5 = Images.Md5(stream, offset, image.Length);
                stream.Seek(offset, SeekOrigin.Begin);
                byte[] all = new byte[image.Length];
                stream.ReadExactly(all);
                ushort crc = Crc16Xmodem.Compute(all, 0, all.Length);

                Grid grid = new Grid().AddColumn().AddColumn();
                grid.AddRow("file", Markup.Escape(path));
                grid.AddRow("format", package ? "QuecFOTA package (" + QuecFotaLayout.Magic + ")" : "raw BIN (no QuecFOTA head)");
                if (image is QuecFotaPackage p)
                {
                    grid.AddRow("version", Markup.Escape(p.Version ?? string.Empty));
                    grid.AddRow("length field", p.LengthLittleEndian ? "little-endian (accepted; this project writes big-endian)" : "big-endian");
                    grid.AddRow("package CRC16", "0x" + p.StoredCrc.ToString("X4") + " (verified over version, length, firmware)");
                }

                grid.AddRow("firmware", image.Length + " bytes");
                grid.AddRow("firmware CRC16", "0x" + crc.ToString("X4"));
                grid.AddRow("firmware MD5", md5);
                grid.AddRow("time at 115200", (image.Length / 11520.0).ToString("0.0") + " s of line time (plus protocol overhead)");
                ctx.Out.Write(grid);
                ctx.Out.WriteLine();
                if (md5Path != null)
                {
                    string expected = Images.ReadMd5File(md5Path);
                    if (expected != md5)
                    {
                        throw new CliException(ExitCode.ImageChecksumMismatch, "firmware MD5 " + md5 + " differs from " + md5Path + " (" + expected + ")");
                    }

                    ctx.Out.WriteLine("MD5 matches " + Path.GetFileName(md5Path));
                }
            }

            return ExitCode.Ok;
        }
    }
}
