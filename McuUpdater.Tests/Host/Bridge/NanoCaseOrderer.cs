using System.Collections.Generic;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace McuUpdater.Tests.Host.Bridge
{
    /// <summary>
    /// Runs the theory's rows in discovery order (class by class, methods in declaration order), as
    /// the device does; xunit's default orderer would interleave classes by hash of the case id.
    /// </summary>
    public sealed class NanoCaseOrderer : ITestCaseOrderer
    {
        /// <summary>Assembly-qualified-ish name for [TestCaseOrderer].</summary>
        public const string TypeName = "McuUpdater.Tests.Host.Bridge.NanoCaseOrderer";

        /// <summary>Assembly name for [TestCaseOrderer].</summary>
        public const string AssemblyName = "NFUnitTest";

        /// <inheritdoc />
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
            where TTestCase : ITestCase
        {
            List<TTestCase> list = new List<TTestCase>(testCases);
            list.Sort((a, b) => OrderOf(a).CompareTo(OrderOf(b)));
            return list;
        }

        private static int OrderOf(ITestCase tc)
        {
            object[] args = tc.TestMethodArguments;
            return args != null && args.Length == 1 && args[0] is NanoCaseData d ? d.Order : int.MaxValue;
        }
    }
}
