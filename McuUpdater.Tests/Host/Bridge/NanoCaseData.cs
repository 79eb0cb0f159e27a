using System;
using System.Collections.Generic;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>
    /// xunit-serializable handle on one <see cref="NanoCase"/> (class, method, row), so dotnet test
    /// lists every nano-style case separately; ToString is the display name "Class.Method(args)".
    /// </summary>
    public sealed class NanoCaseData : IXunitSerializable
    {
        /// <summary>Used by xunit when deserializing.</summary>
        public NanoCaseData()
        {
        }

        /// <summary>Wraps a discovered case; <paramref name="order"/> is its position in discovery order.</summary>
        public NanoCaseData(NanoCase c, int order)
        {
            ClassName = c.TestClass.FullName;
            MethodName = c.Method.Name;
            RowIndex = c.RowIndex;
            Order = order;
            Display = c.DisplayName;
        }

        /// <summary>Full name of the [TestClass]; null for the "no classes found" sentinel.</summary>
        public string ClassName { get; private set; }

        /// <summary>Name of the [TestMethod].</summary>
        public string MethodName { get; private set; }

        /// <summary>Data row index or -1.</summary>
        public int RowIndex { get; private set; }

        /// <summary>Position in discovery order (class, declaration, row); the case orderer sorts by it.</summary>
        public int Order { get; private set; }

        private string Display { get; set; }

        /// <summary>True for the row that only says no nano-style test classes exist yet.</summary>
        public bool IsSentinel
        {
            get { return ClassName == null; }
        }

        /// <summary>The sentinel row used only when discovery finds nothing (xunit fails a theory without data).</summary>
        public static NanoCaseData Sentinel()
        {
            return new NanoCaseData { Display = "no nano-style test classes found", RowIndex = -1 };
        }

        /// <summary>Finds the case again after deserialization.</summary>
        public NanoCase Resolve()
        {
            Type t = typeof(NanoCaseData).Assembly.GetType(ClassName, true);
            List<NanoCase> cases = NanoTestRunner.DiscoverClass(t);
            foreach (NanoCase c in cases)
            {
                if (c.Method.Name == MethodName && c.RowIndex == RowIndex)
                {
                    return c;
                }
            }

            throw new InvalidOperationException("Nano-style case " + Display + " no longer exists.");
        }

        /// <inheritdoc />
        public void Deserialize(IXunitSerializationInfo info)
        {
            ClassName = info.GetValue<string>("c");
            MethodName = info.GetValue<string>("m");
            RowIndex = info.GetValue<int>("r");
            Order = info.GetValue<int>("o");
            Display = info.GetValue<string>("d");
        }

        /// <inheritdoc />
        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue("c", ClassName);
            info.AddValue("m", MethodName);
            info.AddValue("r", RowIndex);
            info.AddValue("o", Order);
            info.AddValue("d", Display);
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return Display;
        }
    }
}
