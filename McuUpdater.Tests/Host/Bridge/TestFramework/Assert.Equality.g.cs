// Generated overload set (one per listed id in nanoFramework.TestFramework.txt) so overload
// resolution of Assert.AreEqual/Equal is the same on nanoFramework and on the host.
using System;

namespace nanoFramework.TestFramework
{
    public partial class Assert
    {
        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(char expected, char actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(double expected, double actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(float expected, float actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(object expected, object actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(short expected, short actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void AreEqual(ushort expected, ushort actual, string message = "")
        {
            CheckEqual("AreEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(DateTime expected, DateTime actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(bool expected, bool actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(byte expected, byte actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(char expected, char actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(double expected, double actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(float expected, float actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(int expected, int actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(long expected, long actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(object expected, object actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(sbyte expected, sbyte actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(short expected, short actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(string expected, string actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(uint expected, uint actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(ulong expected, ulong actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void AreNotEqual(ushort expected, ushort actual, string message = "")
        {
            CheckNotEqual("AreNotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(Array expected, Array actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(bool expected, bool actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(byte expected, byte actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(char expected, char actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(DateTime expected, DateTime actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(double expected, double actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(short expected, short actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(int expected, int actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(long expected, long actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(sbyte expected, sbyte actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(float expected, float actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(string expected, string actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(ushort expected, ushort actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(uint expected, uint actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are equal.</summary>
        public static void Equal(ulong expected, ulong actual, string message = "")
        {
            CheckEqual("Equal", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(Array expected, Array actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(bool expected, bool actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(byte expected, byte actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(char expected, char actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(DateTime expected, DateTime actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(double expected, double actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(short expected, short actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(int expected, int actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(long expected, long actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(sbyte expected, sbyte actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(float expected, float actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(string expected, string actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(ushort expected, ushort actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(uint expected, uint actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }

        /// <summary>Fails unless the values are not equal.</summary>
        public static void NotEqual(ulong expected, ulong actual, string message = "")
        {
            CheckNotEqual("NotEqual", expected, actual, message);
        }
    }
}
