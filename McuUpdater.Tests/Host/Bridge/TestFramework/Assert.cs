using System;
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Host copy of nanoFramework's Assert: failures throw <see cref="AssertFailedException"/>.</summary>
    public partial class Assert
    {
        /// <summary>Fails unless the condition is true.</summary>
        public static void IsTrue(bool condition, string message = "") { Check(condition, "IsTrue", "Expected:<True>. Actual:<False>.", message); }

        /// <summary>Fails unless the condition is true (xunit-style name).</summary>
        public static void True(bool condition, string message = "") { Check(condition, "True", "Expected:<True>. Actual:<False>.", message); }

        /// <summary>Fails unless the condition is false.</summary>
        public static void IsFalse(bool condition, string message = "") { Check(!condition, "IsFalse", "Expected:<False>. Actual:<True>.", message); }

        /// <summary>Fails unless the condition is false (xunit-style name).</summary>
        public static void False(bool condition, string message = "") { Check(!condition, "False", "Expected:<False>. Actual:<True>.", message); }

        /// <summary>Fails unless the value is null.</summary>
        public static void IsNull(object value, string message = "") { Check(value == null, "IsNull", "Actual:<" + Show(value) + ">.", message); }

        /// <summary>Fails unless the value is null (xunit-style name).</summary>
        public static void Null(object value, string message = "") { Check(value == null, "Null", "Actual:<" + Show(value) + ">.", message); }

        /// <summary>Fails when the value is null.</summary>
        public static void IsNotNull(object value, string message = "") { Check(value != null, "IsNotNull", "Actual:<(null)>.", message); }

        /// <summary>Fails when the value is null (xunit-style name).</summary>
        public static void NotNull(object value, string message = "") { Check(value != null, "NotNull", "Actual:<(null)>.", message); }

        /// <summary>Fails unless both refer to the same object.</summary>
        public static void AreSame(object expected, object actual, string message = "") { CheckSame("AreSame", expected, actual, true, message); }

        /// <summary>Fails unless both refer to the same object (xunit-style name).</summary>
        public static void Same(object expected, object actual, string message = "") { CheckSame("Same", expected, actual, true, message); }

        /// <summary>Fails when both refer to the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, string message = "") { CheckSame("AreNotSame", notExpected, actual, false, message); }

        /// <summary>Fails when both refer to the same object (xunit-style name).</summary>
        public static void NotSame(object notExpected, object actual, string message = "") { CheckSame("NotSame", notExpected, actual, false, message); }

        /// <summary>Fails unless <paramref name="actual"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string actual, string message = "")
        {
            RefuseNul("Contains", expected, actual);
            Check(actual != null && expected != null && actual.Contains(expected), "Contains", "Expected to find:<" + Show(expected) + "> in:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails when <paramref name="actual"/> contains <paramref name="expected"/>.</summary>
        public static void DoesNotContains(string expected, string actual, string message = "")
        {
            RefuseNul("DoesNotContains", expected, actual);
            Check(actual == null || expected == null || !actual.Contains(expected), "DoesNotContains", "Did not expect:<" + Show(expected) + "> in:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails unless <paramref name="actual"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string actual, string message = "")
        {
            RefuseNul("StartsWith", expected, actual);
            Check(actual != null && expected != null && actual.StartsWith(expected, StringComparison.Ordinal), "StartsWith", "Expected start:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails unless <paramref name="actual"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string actual, string message = "")
        {
            RefuseNul("EndsWith", expected, actual);
            Check(actual != null && expected != null && actual.EndsWith(expected, StringComparison.Ordinal), "EndsWith", "Expected end:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
        }

        /// <summary>Fails unless the collection is empty.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            Check(collection != null && collection.Count == 0, "Empty", "Actual count:<" + (collection == null ? "(null)" : collection.Count.ToString()) + ">.", message);
        }

        /// <summary>Fails when the collection is null or empty.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            Check(collection != null && collection.Count > 0, "NotEmpty", "Collection is " + (collection == null ? "null." : "empty."), message);
        }

        /// <summary>Fails unless the value is an instance of the type (or a subtype).</summary>
        public static void IsInstanceOfType(object value, Type expectedType, string message = "")
        {
            Check(expectedType != null && expectedType.IsInstanceOfType(value), "IsInstanceOfType", "Expected type:<" + expectedType + ">. Actual type:<" + TypeOf(value) + ">.", message);
        }

        /// <summary>Fails when the value is an instance of the type (or a subtype).</summary>
        public static void IsNotInstanceOfType(object value, Type wrongType, string message = "")
        {
            Check(wrongType == null || !wrongType.IsInstanceOfType(value), "IsNotInstanceOfType", "Wrong type:<" + wrongType + ">. Actual type:<" + TypeOf(value) + ">.", message);
        }

        /// <summary>Fails unless the object's exact type is <paramref name="expectedType"/>.</summary>
        public static void IsType(Type expectedType, object value, string message = "")
        {
            Check(value != null && value.GetType() == expectedType, "IsType", "Expected type:<" + expectedType + ">. Actual type:<" + TypeOf(value) + ">.", message);
        }

        /// <summary>Fails when the object's exact type is <paramref name="notExpectedType"/>.</summary>
        public static void IsNotType(Type notExpectedType, object value, string message = "")
        {
            Check(value == null || value.GetType() != notExpectedType, "IsNotType", "Did not expect type:<" + notExpectedType + ">.", message);
        }

        /// <summary>Fails unless the action throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "") { CheckThrows("ThrowsException", exceptionType, action, message); }

        /// <summary>Fails unless the action throws exactly <paramref name="exceptionType"/> (xunit-style name).</summary>
        public static void Throws(Type exceptionType, Action action, string message = "") { CheckThrows("Throws", exceptionType, action, message); }

        /// <summary>Skips the current test (or, from Setup, the whole class).</summary>
        public static void SkipTest(string message = "")
        {
            throw new SkipTestException(message, null);
        }

        private static void CheckThrows(string name, Type exceptionType, Action action, string message)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                // nanoFramework compares the exact type, not assignability.
                Check(ex.GetType() == exceptionType, name, "Expected exception:<" + exceptionType + ">. Actual:<" + ex.GetType() + ": " + ex.Message + ">.", message);
                return;
            }

            Fail(name, "Expected exception:<" + exceptionType + ">. No exception was thrown.", message);
        }

        private static void CheckSame(string name, object a, object b, bool same, string message)
        {
            Check(ReferenceEquals(a, b) == same, name, "Expected:<" + Show(a) + ">. Actual:<" + Show(b) + ">.", message);
        }

        internal static void CheckEqual(string name, object expected, object actual, string message)
        {
            RefuseNul(name, expected, actual);
            Check(AreValuesEqual(expected, actual), name, "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
        }

        internal static void CheckNotEqual(string name, object notExpected, object actual, string message)
        {
            RefuseNul(name, notExpected, actual);
            Check(!AreValuesEqual(notExpected, actual), name, "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
        }

        private static bool AreValuesEqual(object a, object b)
        {
            // Equal(Array, Array) compares elements, like nanoFramework's SequenceEqual-based overload.
            if (a is Array aa && b is Array ba)
            {
                return aa.SequenceEqual(ba);
            }

            return Equals(a, b);
        }

        /// <summary>
        /// nanoCLR strings end at the first 0x00, so a host string holding one compares differently on
        /// the device (the 16 tests the launcher failed included two such): fail it here too.
        /// </summary>
        private static void RefuseNul(string name, object a, object b)
        {
            foreach (object o in new[] { a, b })
            {
                if (o is string text && text.IndexOf('\0') >= 0)
                {
                    Fail(name, "A compared string holds 0x00 at index " + text.IndexOf('\0') + ": nanoCLR strings end there, so the device compares a shorter string. Never build strings from raw bytes; compare bytes, or escape them.", string.Empty);
                }
            }
        }

        internal static void Check(bool ok, string name, string detail, string message)
        {
            if (!ok)
            {
                Fail(name, detail, message);
            }
        }

        private static void Fail(string name, string detail, string message)
        {
            string text = "Assert." + name + " failed. " + detail;
            if (!string.IsNullOrEmpty(message))
            {
                text += " " + message;
            }

            throw new AssertFailedException(text);
        }

        internal static string Show(object value)
        {
            if (value == null)
            {
                return "(null)";
            }

            if (value is Array a)
            {
                string[] parts = new string[a.Length];
                for (int i = 0; i < a.Length; i++)
                {
                    parts[i] = Show(a.GetValue(i));
                }

                return a.GetType().GetElementType().Name + "[" + a.Length + "] { " + string.Join(", ", parts) + " }";
            }

            return value.ToString();
        }

        private static string TypeOf(object value)
        {
            return value == null ? "(null)" : value.GetType().ToString();
        }
    }
}
