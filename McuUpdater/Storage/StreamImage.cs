using System.IO;

namespace McuUpdater.Storage
{
    /// <summary>Base of the image sources: the firmware is a region of a seekable stream.</summary>
    public abstract class StreamImage : IImageSource
    {
        private readonly Stream _stream;
        private long _firmwareOffset;
        private bool _contentVerified;

        /// <summary>Creates a source over <paramref name="stream"/>, named <paramref name="name"/> in messages.</summary>
        protected StreamImage(Stream stream, string name)
        {
            _stream = stream;
            Name = name == null ? "image" : name;
            Crc16 = -1;
        }

        /// <inheritdoc />
        public string Name { get; private set; }

        /// <inheritdoc />
        public long Length { get; protected set; }

        /// <inheritdoc />
        public string Version { get; protected set; }

        /// <inheritdoc />
        public int Crc16 { get; protected set; }

        /// <summary>The underlying stream.</summary>
        protected Stream Stream
        {
            get { return _stream; }
        }

        /// <summary>True once the content (length, CRC) was read and found valid; a later <see cref="Verify"/> only checks the version.</summary>
        public bool ContentVerified
        {
            get { return _contentVerified; }
        }

        /// <inheritdoc />
        /// <remarks>
        /// The content is read and CRC'd once: a caller that verified the image to decide (the
        /// field start-up) hands it to the session, whose own Verify then costs no second read of
        /// the card, yet an image nobody verified is still read in full before any pin changes.
        /// </remarks>
        public void Verify(string expectedVersion)
        {
            if (!_contentVerified)
            {
                VerifyContent();
                _contentVerified = true;
            }

            CheckVersion(expectedVersion);
            Seek(0);
        }

        /// <summary>Reads the whole image: header, length, CRC; sets <see cref="Length"/>, <see cref="Version"/>, <see cref="Crc16"/> and the firmware offset; throws <see cref="ImageException"/>.</summary>
        protected abstract void VerifyContent();

        /// <summary>Forgets an earlier verification (what the image is checked against changed).</summary>
        protected void ForgetVerification()
        {
            _contentVerified = false;
        }

        /// <inheritdoc />
        public void Seek(long position)
        {
            _stream.Seek(_firmwareOffset + position, SeekOrigin.Begin);
        }

        /// <inheritdoc />
        public void ReadExactly(byte[] buffer, int offset, int count)
        {
            // Stream.Read may return less than asked (file systems, network streams): loop.
            while (count > 0)
            {
                int n = _stream.Read(buffer, offset, count);
                if (n <= 0)
                {
                    throw new ImageException(ImageProblem.Truncated, Name + ": storage ended while reading the firmware");
                }

                offset += n;
                count -= n;
            }
        }

        /// <summary>Where the firmware starts in the stream.</summary>
        protected void SetFirmwareOffset(long offset)
        {
            _firmwareOffset = offset;
        }

        /// <summary>Throws unless the stream can read and seek.</summary>
        protected void CheckStream()
        {
            if (_stream == null || !_stream.CanRead || !_stream.CanSeek)
            {
                throw new ImageException(ImageProblem.NotSeekable, Name + ": the image must be a readable, seekable stream (the download may go back to an earlier block)");
            }
        }

        /// <summary>Throws when the image declares a version other than <paramref name="expectedVersion"/>.</summary>
        protected void CheckVersion(string expectedVersion)
        {
            if (expectedVersion != null && Version != null && Version != expectedVersion)
            {
                throw new ImageException(ImageProblem.VersionMismatch, Name + ": version is \"" + Version + "\", expected \"" + expectedVersion + "\"");
            }
        }
    }
}
