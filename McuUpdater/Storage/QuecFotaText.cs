using System.Text;

namespace McuUpdater.Storage
{
    /// <summary>The zero-filled ASCII fields of a QuecFOTA package (head, version).</summary>
    internal static class QuecFotaText
    {
        /// <summary>The text before the first zero byte of a field.</summary>
        public static string Read(byte[] buffer, int offset, int fieldLength)
        {
            int n = 0;
            while (n < fieldLength && buffer[offset + n] != 0)
            {
                n++;
            }

            return n == 0 ? string.Empty : Encoding.UTF8.GetString(buffer, offset, n);
        }

        /// <summary>Writes <paramref name="text"/> zero-filled; throws if it is not printable ASCII or does not fit.</summary>
        public static void Write(string text, byte[] buffer, int offset, int fieldLength, string what)
        {
            if (text == null || text.Length == 0 || text.Length > fieldLength)
            {
                throw new ImageException(ImageProblem.BadHeader, what + " must be 1 to " + fieldLength.ToString() + " ASCII characters");
            }

            for (int i = 0; i < fieldLength; i++)
            {
                byte b = 0;
                if (i < text.Length)
                {
                    char c = text[i];
                    if (c < ' ' || c > '~')
                    {
                        throw new ImageException(ImageProblem.BadHeader, what + " \"" + text + "\" has a character that is not printable ASCII");
                    }

                    b = (byte)c;
                }

                buffer[offset + i] = b;
            }
        }
    }
}
