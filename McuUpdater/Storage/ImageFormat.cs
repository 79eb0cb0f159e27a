using System.IO;

namespace McuUpdater.Storage
{
    /// <summary>Tells a QuecFOTA package from a raw BIN by its head, and opens either as an image source.</summary>
    /// <remarks>
    /// A file that looks like a package but is not a valid one (a damaged head, another version of
    /// the head, the package's fields at their offsets under another head) is opened as a package,
    /// so its verification refuses it: sent as raw firmware, its header would be flashed into the
    /// module. Raw firmware matches none of these by chance (a 32-bit length equal to the file size
    /// minus 66, or 14 of 20 head characters).
    /// </remarks>
    public static class ImageFormat
    {
        // More differing head bytes than this is not "close to" the head.
        private const int HeadTolerance = 6;

        /// <summary>True when the stream starts with the QuecFOTA head text (the stream is left at 0).</summary>
        public static bool IsQuecFota(Stream stream)
        {
            byte[] header = new byte[QuecFotaLayout.FirmwareOffset];
            int n = ReadHeader(stream, header, QuecFotaLayout.Magic.Length);
            return n >= QuecFotaLayout.Magic.Length && HeadDifferences(header, false) == 0;
        }

        /// <summary>
        /// Why the stream looks like a QuecFOTA package (valid or not), or null when it looks like raw
        /// firmware. The stream is left at 0.
        /// </summary>
        public static string PackageLikeness(Stream stream)
        {
            // The head alone first: a valid package is known by it (and its content then read once).
            byte[] header = new byte[QuecFotaLayout.FirmwareOffset];
            int n = ReadHeader(stream, header, QuecFotaLayout.Magic.Length);
            if (n < QuecFotaLayout.Magic.Length)
            {
                return null;
            }

            int exact = HeadDifferences(header, false);
            if (exact == 0)
            {
                return "its head is " + QuecFotaLayout.Magic;
            }

            n = ReadHeader(stream, header, header.Length);

            if (exact <= HeadTolerance || HeadDifferences(header, true) <= HeadTolerance || StartsWithIgnoringCase(header, "QUECTFOTA") || StartsWithIgnoringCase(header, "QUECFOTA"))
            {
                return "its head \"" + Printable(header, 0, QuecFotaLayout.Magic.Length) + "\" is close to \"" + QuecFotaLayout.Magic + "\"";
            }

            if (n == header.Length && HasVersionField(header) && LengthFieldFits(header, stream.Length - QuecFotaLayout.FirmwareOffset))
            {
                return "it carries a version (\"" + QuecFotaText.Read(header, QuecFotaLayout.VersionOffset, QuecFotaLayout.VersionLength) + "\") and its length at the package's offsets";
            }

            return null;
        }

        /// <summary>
        /// A QuecFOTA package when the file looks like one (its verification refuses a damaged or
        /// unknown one), else a raw BIN; not yet verified.
        /// </summary>
        public static StreamImage Open(Stream stream, string name)
        {
            if (PackageLikeness(stream) != null)
            {
                return new QuecFotaPackage(stream, name);
            }

            return new BinImage(stream, name);
        }

        /// <summary>The bytes of a field with anything not printable ASCII shown as '.', for messages.</summary>
        public static string Printable(byte[] buffer, int offset, int count)
        {
            char[] text = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                text[i] = b >= 0x20 && b <= 0x7E ? (char)b : '.';
            }

            return new string(text);
        }

        private static int ReadHeader(Stream stream, byte[] header, int count)
        {
            stream.Seek(0, SeekOrigin.Begin);
            int n = 0;
            while (n < count)
            {
                int got = stream.Read(header, n, count - n);
                if (got <= 0)
                {
                    break;
                }

                n += got;
            }

            stream.Seek(0, SeekOrigin.Begin);
            return n;
        }

        private static int HeadDifferences(byte[] header, bool ignoreCase)
        {
            string magic = QuecFotaLayout.Magic;
            int differences = 0;
            for (int i = 0; i < magic.Length; i++)
            {
                int a = header[i];
                int b = magic[i];
                if (ignoreCase)
                {
                    a = Upper(a);
                    b = Upper(b);
                }

                if (a != b)
                {
                    differences++;
                }
            }

            return differences;
        }

        private static bool StartsWithIgnoringCase(byte[] header, string upper)
        {
            for (int i = 0; i < upper.Length; i++)
            {
                if (Upper(header[i]) != upper[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Upper(int c)
        {
            return c >= 'a' && c <= 'z' ? c - 32 : c;
        }

        // One or more printable ASCII characters, then only zeros to the end of the field.
        private static bool HasVersionField(byte[] header)
        {
            int i = QuecFotaLayout.VersionOffset;
            int end = QuecFotaLayout.VersionOffset + QuecFotaLayout.VersionLength;
            while (i < end && header[i] >= 0x20 && header[i] <= 0x7E)
            {
                i++;
            }

            if (i == QuecFotaLayout.VersionOffset)
            {
                return false;
            }

            for (; i < end; i++)
            {
                if (header[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool LengthFieldFits(byte[] header, long available)
        {
            if (available <= 0)
            {
                return false;
            }

            int at = QuecFotaLayout.LengthOffset;
            long big = ((long)header[at] << 24) | ((long)header[at + 1] << 16) | ((long)header[at + 2] << 8) | header[at + 3];
            long little = ((long)header[at + 3] << 24) | ((long)header[at + 2] << 16) | ((long)header[at + 1] << 8) | header[at];
            return big == available || little == available;
        }
    }
}
