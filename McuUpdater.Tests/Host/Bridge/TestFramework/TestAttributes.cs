// Host copies of nanoFramework.TestFramework's attributes: same names and members as
// tools/nanoframework-api/nanoFramework.TestFramework.txt, so the portable tests compile
// unchanged under dotnet test.
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class that holds nano-style tests.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>Kept for API parity with nanoFramework; returns its argument.</summary>
        public TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    /// <summary>Marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks the method run once per class before its first test.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks the method run once per class after its last test.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a test method; each row is its own test case.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>Creates a row with the given arguments.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            // A single null argument arrives as a null array; nanoFramework treats it as one null.
            MethodParameters = methodParameters ?? new object[] { null };
        }

        /// <summary>The arguments passed to the test method.</summary>
        public object[] MethodParameters { get; }
    }
}
