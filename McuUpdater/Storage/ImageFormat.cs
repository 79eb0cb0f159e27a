using System.IO;

namespace McuUpdater.Storage
{
    /// <summary>Tells a QuecFOTA package from a raw BIN by its head, and opens either as an image source.</summary>
    public static class ImageFormat
    {
        /// <summary>True when the stream starts with the QuecFOTA head text (the stream is left at 0).</summary>
        public static bool IsQuecFota(Stream stream)
        {
            string magic = QuecFotaLayout.Magic;
            byte[] head = new byte[magic.Length];
            stream.Seek(0, SeekOrigin.Begin);
            int n = 0;
            while (n < head.Length)
            {
                int got = stream.Read(head, n, head.Length - n);
                if (got <= 0)
                {
                    break;
                }

                n += got;
            }

            stream.Seek(0, SeekOrigin.Begin);
            if (n < magic.Length)
            {
                return false;
            }

            for (int i = 0; i < magic.Length; i++)
            {
                if (head[i] != magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A QuecFOTA package when the head says so, else a raw BIN; not yet verified.</summary>
        public static StreamImage Open(Stream stream, string name)
        {
            if (IsQuecFota(stream))
            {
                return new QuecFotaPackage(stream, name);
            }

            return new BinImage(stream, name);
        }
    }
}
