using System.IO;
using McuUpdater.Protocol;

namespace McuUpdater.Storage
{
    /// <summary>A raw firmware BIN from any seekable stream, optionally checked against a side manifest (length, CRC16, version).</summary>
    public sealed class BinImage : StreamImage
    {
        /// <summary>Creates a BIN source; the whole stream is the firmware.</summary>
        public BinImage(Stream stream, string name)
            : this(stream, name, null)
        {
        }

        /// <summary>Creates a BIN source whose version is known from elsewhere (a manifest, the file name).</summary>
        public BinImage(Stream stream, string name, string version)
            : base(stream, name)
        {
            Version = version;
            ExpectedLength = -1;
            ExpectedCrc16 = -1;
        }

        private long _expectedLength;
        private int _expectedCrc16;

        /// <summary>Length the manifest gives, or -1 to accept any non-empty length.</summary>
        public long ExpectedLength
        {
            get { return _expectedLength; }
            set { _expectedLength = value; ForgetVerification(); }
        }

        /// <summary>CRC-16/XMODEM of the whole BIN the manifest gives, or -1 to skip the check.</summary>
        public int ExpectedCrc16
        {
            get { return _expectedCrc16; }
            set { _expectedCrc16 = value; ForgetVerification(); }
        }

        /// <inheritdoc />
        protected override void VerifyContent()
        {
            CheckStream();
            long length = Stream.Length;
            if (length <= 0)
            {
                throw new ImageException(ImageProblem.Empty, Name + ": the image is empty");
            }

            if (ExpectedLength >= 0 && length != ExpectedLength)
            {
                throw new ImageException(
                    length < ExpectedLength ? ImageProblem.Truncated : ImageProblem.LengthMismatch,
                    Name + ": " + length.ToString() + " bytes, the manifest says " + ExpectedLength.ToString());
            }

            Length = length;
            SetFirmwareOffset(0);
            // Read it all even without a manifest: it proves the storage reads back before the
            // module is touched, and the CRC tells this image from another of the same length.
            ushort crc = ImageCrc.Compute(Stream, 0, length, Crc16Xmodem.Initial);
            if (ExpectedCrc16 >= 0 && crc != ExpectedCrc16)
            {
                throw new ImageException(ImageProblem.CrcMismatch, Name + ": CRC16 is 0x" + crc.ToString("X4") + ", the manifest says 0x" + ExpectedCrc16.ToString("X4"));
            }

            Crc16 = crc;
        }
    }
}
