using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using McuUpdater.Storage;

namespace McuUpdater.Cli.Hardware
{
    /// <summary>Opens image files as the engine's image sources: QuecFOTA packages by their head, anything else as a raw BIN.</summary>
    public static class Images
    {
        /// <summary>What to add to a refusal of a package-like file.</summary>
        public const string RawHint = "; if it really is raw firmware, flash it with --raw";

        /// <summary>
        /// Opens and verifies <paramref name="path"/>: a QuecFOTA package, a raw BIN, or with
        /// <paramref name="raw"/> every byte as raw firmware even when it looks like a package.
        /// The caller disposes the returned stream holder.
        /// </summary>
        public static StreamImage Open(string path, string expectedVersion, out FileStream stream, bool raw = false)
        {
            stream = OpenFile(path);
            try
            {
                StreamImage image = raw ? new BinImage(stream, Path.GetFileName(path)) : ImageFormat.Open(stream, Path.GetFileName(path));
                image.Verify(expectedVersion);
                return image;
            }
            catch (ImageException ex)
            {
                stream.Dispose();
                stream = null;
                ExitCode code = ex.Problem == ImageProblem.VersionMismatch ? ExitCode.VersionMismatch : ExitCode.ImageInvalid;
                throw new CliException(code, ex.Message + (ex.Problem == ImageProblem.BadHeader ? RawHint : string.Empty), ex);
            }
        }

        /// <summary>Opens a file for reading, mapping failures to <see cref="ExitCode.ImageNotFound"/>.</summary>
        public static FileStream OpenFile(string path)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new CliException(ExitCode.ImageNotFound, "image file not found: " + path);
            }

            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(ExitCode.ImageNotFound, "cannot read " + path + ": " + ex.Message, ex);
            }
        }

        /// <summary>MD5 of <paramref name="count"/> bytes from <paramref name="offset"/>, lower-case hex.</summary>
        public static string Md5(Stream stream, long offset, long count)
        {
            using MD5 md5 = MD5.Create();
            byte[] buffer = new byte[1 << 16];
            stream.Seek(offset, SeekOrigin.Begin);
            long left = count;
            while (left > 0)
            {
                int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n <= 0)
                {
                    break;
                }

                md5.TransformBlock(buffer, 0, n, null, 0);
                left -= n;
            }

            md5.TransformFinalBlock(buffer, 0, 0);
            stream.Seek(0, SeekOrigin.Begin);
            return Convert.ToHexString(md5.Hash).ToLowerInvariant();
        }

        /// <summary>Reads the MD5 from a vendor <c>_MD5.DAT</c> file (the first 32 hex digits in it).</summary>
        public static string ReadMd5File(string path)
        {
            if (!File.Exists(path))
            {
                throw new CliException(ExitCode.ImageNotFound, "MD5 file not found: " + path);
            }

            string text = File.ReadAllText(path);
            Match m = Regex.Match(text, "[0-9a-fA-F]{32}");
            if (!m.Success)
            {
                byte[] raw = File.ReadAllBytes(path);
                if (raw.Length == 16)
                {
                    return Convert.ToHexString(raw).ToLowerInvariant(); // a binary digest
                }

                throw new CliException(ExitCode.ImageInvalid, path + " holds no MD5 (32 hex digits or 16 raw bytes)");
            }

            return m.Value.ToLowerInvariant();
        }
    }
}
