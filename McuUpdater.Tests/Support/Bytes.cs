using System;

namespace McuUpdater.Tests.Support
{
    /// <summary>Small byte helpers for tests: hex literals and comparisons with useful failure text.</summary>
    public static class Bytes
    {
        /// <summary>Parses "AA 00 01" (spaces optional) into bytes.</summary>
        public static byte[] FromHex(string hex)
        {
            // string.Replace does not exist on nanoFramework: skip spaces by hand.
            byte[] result = new byte[hex.Length / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] == ' ')
                {
                    continue;
                }

                if (high < 0)
                {
                    high = Nibble(hex[i]);
                }
                else
                {
                    result[n++] = (byte)((high << 4) | Nibble(hex[i]));
                    high = -1;
                }
            }

            byte[] exact = new byte[n];
            Array.Copy(result, exact, n);
            return exact;
        }

        /// <summary>Formats bytes as "AA 00 01".</summary>
        public static string ToHex(byte[] data, int offset, int count)
        {
            const string Digits = "0123456789ABCDEF";
            char[] text = new char[count == 0 ? 0 : (count * 3) - 1];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                text[i * 3] = Digits[b >> 4];
                text[(i * 3) + 1] = Digits[b & 0xF];
                if (i < count - 1)
                {
                    text[(i * 3) + 2] = ' ';
                }
            }

            return new string(text);
        }

        /// <summary>True when the two ranges hold the same bytes.</summary>
        public static bool Same(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            throw new ArgumentException("not a hex digit: " + c);
        }
    }
}
