using System;
using System.CommandLine;
using System.IO;
using McuUpdater.Cli.Hardware;
using McuUpdater.Storage;
using Spectre.Console;

namespace McuUpdater.Cli.Commands
{
    /// <summary>`package BIN --version V [--md5 FILE_MD5.DAT] -o PKG`: wrap a raw BIN as a QuecFOTA package (engine's writer), then verify it.</summary>
    public static class PackageCommand
    {
        /// <summary>Builds the verb.</summary>
        public static Command Build(CliContext ctx)
        {
            Argument<string> bin = new Argument<string>("bin") { Description = "raw firmware BIN as released" };
            Option<string> version = new Option<string>("--version") { Description = "firmware version string stored in the package (≤ 30 ASCII characters, e.g. M10ER01A08W32)", Required = true };
            Option<string> md5 = new Option<string>("--md5") { Description = "the release's <name>_MD5.DAT: refuse to package a BIN whose MD5 differs" };
            Option<string> output = new Option<string>("--output", "-o") { Description = "package file to write", Required = true };
            Command command = new Command("package", "Wrap a raw BIN in a QuecFOTA package (head, CRC16, version, length; big-endian).");
            command.Arguments.Add(bin);
            command.Options.Add(version);
            command.Options.Add(md5);
            command.Options.Add(output);
            command.SetAction(r => CliApp.Guard(ctx, () => Run(ctx, r.GetValue(bin), r.GetValue(version), r.GetValue(md5), r.GetValue(output))));
            return command;
        }

        /// <summary>Runs the verb.</summary>
        public static ExitCode Run(CliContext ctx, string binPath, string version, string md5Path, string outputPath)
        {
            if (outputPath != null && binPath != null && SameFile(binPath, outputPath))
            {
                throw new CliException(ExitCode.Usage, "-o " + outputPath + " is the input BIN itself; writing the package there would destroy the firmware");
            }

            using FileStream firmware = Images.OpenFile(binPath);
            if (firmware.Length == 0)
            {
                throw new CliException(ExitCode.ImageInvalid, binPath + " is empty");
            }

            string likeness = ImageFormat.PackageLikeness(firmware);
            if (likeness != null)
            {
                throw new CliException(ExitCode.ImageInvalid, binPath + " is already a QuecFOTA package (" + likeness + "); package wraps a raw BIN, not a package");
            }

            string md5 = Images.Md5(firmware, 0, firmware.Length);
            if (md5Path != null)
            {
                string expected = Images.ReadMd5File(md5Path);
                if (expected != md5)
                {
                    throw new CliException(ExitCode.ImageChecksumMismatch, binPath + " has MD5 " + md5 + ", " + md5Path + " says " + expected);
                }
            }

            byte[] package;
            try
            {
                using MemoryStream buffer = new MemoryStream();
                QuecFotaPackageWriter.Write(firmware, version, buffer);
                package = buffer.ToArray();
            }
            catch (ImageException ex)
            {
                throw new CliException(ExitCode.ImageInvalid, ex.Message, ex);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCode.Usage, ex.Message, ex);
            }

            try
            {
                File.WriteAllBytes(outputPath, package);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(ExitCode.OutputNotWritable, "cannot write " + outputPath + ": " + ex.Message, ex);
            }

            // Read it back through the engine's reader: what we wrote must verify.
            using FileStream check = Images.OpenFile(outputPath);
            QuecFotaPackage written = new QuecFotaPackage(check, Path.GetFileName(outputPath));
            written.Verify(version);
            ctx.Out.WriteLine($"{outputPath}: QuecFOTA package, version {written.Version}, firmware {written.Length} bytes, CRC16 0x{written.StoredCrc:X4}, firmware MD5 {md5}" + (md5Path != null ? " (matches " + Path.GetFileName(md5Path) + ")" : string.Empty));
            return ExitCode.Ok;
        }

        // The same path, also through a symbolic link.
        private static bool SameFile(string a, string b)
        {
            string fa = Resolve(a);
            string fb = Resolve(b);
            return string.Equals(fa, fb, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        private static string Resolve(string path)
        {
            string full = Path.GetFullPath(path);
            try
            {
                FileSystemInfo target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
                return target != null ? Path.GetFullPath(target.FullName) : full;
            }
            catch (IOException)
            {
                return full;
            }
        }
    }
}
