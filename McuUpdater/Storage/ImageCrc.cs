using System.IO;
using McuUpdater.Protocol;

namespace McuUpdater.Storage
{
    /// <summary>CRC-16/XMODEM over a region of a stream, read in chunks (verification only, so one small buffer per call is fine).</summary>
    internal static class ImageCrc
    {
        private const int ChunkSize = 1024;

        /// <summary>Continues <paramref name="crc"/> over <paramref name="count"/> bytes from <paramref name="position"/>; throws when the stream is shorter.</summary>
        public static ushort Compute(Stream stream, long position, long count, ushort crc)
        {
            byte[] chunk = new byte[ChunkSize];
            stream.Seek(position, SeekOrigin.Begin);
            while (count > 0)
            {
                int want = count < ChunkSize ? (int)count : ChunkSize;
                int n = stream.Read(chunk, 0, want);
                if (n <= 0)
                {
                    throw new ImageException(ImageProblem.Truncated, "the stream ended " + count.ToString() + " bytes early");
                }

                crc = Crc16Xmodem.Update(crc, chunk, 0, n);
                count -= n;
            }

            return crc;
        }
    }
}
