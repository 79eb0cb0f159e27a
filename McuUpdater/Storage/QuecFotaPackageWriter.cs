using System.IO;
using McuUpdater.Protocol;

namespace McuUpdater.Storage
{
    /// <summary>Builds a QuecFOTA package from a raw BIN and its version (big-endian CRC16 and length, protocol.md Decision).</summary>
    public static class QuecFotaPackageWriter
    {
        private const int ChunkSize = 4096;

        /// <summary>Writes the package of <paramref name="firmware"/> (read from its start, twice: CRC, then copy) to <paramref name="output"/>.</summary>
        public static void Write(Stream firmware, string version, Stream output)
        {
            if (firmware == null || !firmware.CanRead || !firmware.CanSeek)
            {
                throw new ImageException(ImageProblem.NotSeekable, "the firmware must be a readable, seekable stream");
            }

            long length = firmware.Length;
            if (length <= 0)
            {
                throw new ImageException(ImageProblem.Empty, "the firmware is empty");
            }

            if (length > uint.MaxValue)
            {
                throw new ImageException(ImageProblem.LengthMismatch, "the firmware does not fit a 32-bit length");
            }

            byte[] header = BuildHeader(version, (uint)length);
            ushort crc = Crc16Xmodem.Compute(header, QuecFotaLayout.VersionOffset, QuecFotaLayout.FirmwareOffset - QuecFotaLayout.VersionOffset);
            crc = ImageCrc.Compute(firmware, 0, length, crc);
            BigEndian.WriteUInt16(header, QuecFotaLayout.CrcOffset, crc);
            output.Write(header, 0, header.Length);

            byte[] chunk = new byte[ChunkSize];
            firmware.Seek(0, SeekOrigin.Begin);
            long left = length;
            while (left > 0)
            {
                int n = firmware.Read(chunk, 0, left < ChunkSize ? (int)left : ChunkSize);
                if (n <= 0)
                {
                    throw new ImageException(ImageProblem.Truncated, "the firmware stream ended " + left.ToString() + " bytes early");
                }

                output.Write(chunk, 0, n);
                left -= n;
            }
        }

        /// <summary>The package of <paramref name="firmware"/> as one array.</summary>
        public static byte[] Build(byte[] firmware, string version)
        {
            MemoryStream output = new MemoryStream();
            Write(new MemoryStream(firmware), version, output);
            return output.ToArray();
        }

        private static byte[] BuildHeader(string version, uint length)
        {
            byte[] header = new byte[QuecFotaLayout.FirmwareOffset];
            QuecFotaText.Write(QuecFotaLayout.Magic, header, 0, QuecFotaLayout.HeadLength, "head");
            QuecFotaText.Write(version, header, QuecFotaLayout.VersionOffset, QuecFotaLayout.VersionLength, "version");
            BigEndian.WriteUInt32(header, QuecFotaLayout.LengthOffset, length);
            return header;
        }
    }
}
