using System.IO;
using McuUpdater.Protocol;

namespace McuUpdater.Storage
{
    /// <summary>A QuecFOTA package (head, CRC16, version, length, firmware) from a seekable stream; only the firmware is sent.</summary>
    /// <remarks>
    /// <see cref="StreamImage.Verify"/> reads the whole package once to check head, length, CRC16 and version
    /// before any pin changes. The length is big-endian (protocol.md Decision); a little-endian one is
    /// accepted when only it matches the file size, and <see cref="LengthLittleEndian"/> says so.
    /// </remarks>
    public sealed class QuecFotaPackage : StreamImage
    {
        private readonly byte[] _header = new byte[QuecFotaLayout.FirmwareOffset];

        /// <summary>Creates a package source over <paramref name="stream"/>, named <paramref name="name"/> in messages.</summary>
        public QuecFotaPackage(Stream stream, string name)
            : base(stream, name)
        {
        }

        /// <summary>True when the length field was little-endian (accepted, but not the project's byte order).</summary>
        public bool LengthLittleEndian { get; private set; }

        /// <summary>The CRC16 stored in the package (valid after <see cref="StreamImage.Verify"/>).</summary>
        public ushort StoredCrc { get; private set; }

        /// <inheritdoc />
        protected override void VerifyContent()
        {
            CheckStream();
            long fileLength = Stream.Length;
            if (fileLength == 0)
            {
                throw new ImageException(ImageProblem.Empty, Name + ": the file is empty");
            }

            if (fileLength < QuecFotaLayout.FirmwareOffset)
            {
                throw new ImageException(ImageProblem.Truncated, Name + ": " + fileLength.ToString() + " bytes, shorter than the " + QuecFotaLayout.FirmwareOffset.ToString() + "-byte QuecFOTA header");
            }

            Stream.Seek(0, SeekOrigin.Begin);
            ReadHeader();
            CheckHead();
            Version = QuecFotaText.Read(_header, QuecFotaLayout.VersionOffset, QuecFotaLayout.VersionLength);
            long length = CheckLength(fileLength - QuecFotaLayout.FirmwareOffset);
            StoredCrc = BigEndian.ReadUInt16(_header, QuecFotaLayout.CrcOffset);
            ushort crc = Crc16Xmodem.Compute(_header, QuecFotaLayout.VersionOffset, QuecFotaLayout.FirmwareOffset - QuecFotaLayout.VersionOffset);
            crc = ImageCrc.Compute(Stream, QuecFotaLayout.FirmwareOffset, length, crc);
            Crc16 = crc;
            if (crc != StoredCrc)
            {
                throw new ImageException(ImageProblem.CrcMismatch, Name + ": CRC16 over version, length and firmware is 0x" + crc.ToString("X4") + ", the package says 0x" + StoredCrc.ToString("X4") + " (corrupt package)");
            }

            Length = length;
            SetFirmwareOffset(QuecFotaLayout.FirmwareOffset);
        }

        private void ReadHeader()
        {
            int done = 0;
            while (done < _header.Length)
            {
                int n = Stream.Read(_header, done, _header.Length - done);
                if (n <= 0)
                {
                    throw new ImageException(ImageProblem.Truncated, Name + ": the header ends after " + done.ToString() + " bytes");
                }

                done += n;
            }
        }

        private void CheckHead()
        {
            string head = QuecFotaText.Read(_header, 0, QuecFotaLayout.HeadLength);
            if (head != QuecFotaLayout.Magic)
            {
                // Sending it as raw firmware would flash its header into the module.
                throw new ImageException(ImageProblem.BadHeader, Name + ": looks like a damaged or unknown QuecFOTA package (head \"" + ImageFormat.Printable(_header, 0, QuecFotaLayout.Magic.Length) + "\", expected \"" + QuecFotaLayout.Magic + "\"); refused, not sent as raw firmware");
            }
        }

        // Returns the firmware length, trying big-endian first (protocol.md Decision), then little-endian.
        private long CheckLength(long available)
        {
            long big = BigEndian.ReadUInt32(_header, QuecFotaLayout.LengthOffset);
            if (big == available && big > 0)
            {
                LengthLittleEndian = false;
                return big;
            }

            long little = (long)_header[QuecFotaLayout.LengthOffset]
                | ((long)_header[QuecFotaLayout.LengthOffset + 1] << 8)
                | ((long)_header[QuecFotaLayout.LengthOffset + 2] << 16)
                | ((long)_header[QuecFotaLayout.LengthOffset + 3] << 24);
            if (little == available && little > 0)
            {
                LengthLittleEndian = true;
                return little;
            }

            if (available == 0 || big == 0)
            {
                throw new ImageException(ImageProblem.Empty, Name + ": the package holds no firmware");
            }

            string says = Name + ": header says " + big.ToString() + " firmware bytes (big-endian; " + little.ToString() + " little-endian), the file holds " + available.ToString();
            throw new ImageException(big > available ? ImageProblem.Truncated : ImageProblem.LengthMismatch, says);
        }
    }
}
