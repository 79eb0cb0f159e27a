using System;
using System.Reflection;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>One discovered nano-style case: a test method, and a data row index (-1 when it has none).</summary>
    public sealed class NanoCase
    {
        /// <summary>Creates a case.</summary>
        public NanoCase(Type testClass, MethodInfo method, int rowIndex, object[] args)
        {
            TestClass = testClass;
            Method = method;
            RowIndex = rowIndex;
            Args = args ?? new object[0];
        }

        /// <summary>The [TestClass] type.</summary>
        public Type TestClass { get; }

        /// <summary>The [TestMethod] method.</summary>
        public MethodInfo Method { get; }

        /// <summary>Index of the [DataRow] among the method's rows, or -1.</summary>
        public int RowIndex { get; }

        /// <summary>The arguments passed to the method.</summary>
        public object[] Args { get; }

        /// <summary>"Class.Method(args)", the name shown by dotnet test.</summary>
        public string DisplayName
        {
            get { return TestClass.Name + "." + Method.Name + (RowIndex < 0 ? string.Empty : "(" + FormatArgs(Args) + ")"); }
        }

        private static string FormatArgs(object[] args)
        {
            string[] parts = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                object a = args[i];
                parts[i] = a == null ? "null" : a is string s ? "\"" + s + "\"" : a is char c ? "'" + c + "'" : Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture);
            }

            return string.Join(", ", parts);
        }
    }
}
