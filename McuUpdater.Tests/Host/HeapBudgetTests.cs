using System;
using System.Collections.Generic;
using McuUpdater.Tests.Host.Bridge;
using Xunit;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host
{
    /// <summary>
    /// Every portable test class fits a board's managed heap (192 KB): the largest live set of each
    /// class, measured on the host by <see cref="LiveSetMeter"/>, stays within <see cref="BudgetBytes"/>.
    /// It forces thousands of full collections, so it runs on request, alone:
    /// MCUUPDATER_HEAP_REPORT=1 dotnet test McuUpdater.Tests/McuUpdater.Tests.csproj --filter FullyQualifiedName~HeapBudgetTests
    /// </summary>
    [Collection(HeapCollection.Name)]
    public class HeapBudgetTests
    {
        /// <summary>
        /// Half of 192 KB: .NET objects on x64 are larger than nanoCLR's for references and headers but
        /// byte arrays (the bulk here) are the same, and the device's heap also holds the runtime's own
        /// objects, the assemblies' statics and the fragmentation between blocks.
        /// </summary>
        public const long BudgetBytes = 96 * 1024;

        private readonly ITestOutputHelper _output;

        /// <summary>Created by xunit.</summary>
        public HeapBudgetTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void EveryPortableTestClassFitsTheDeviceHeap()
        {
            Skip.IfNot(Environment.GetEnvironmentVariable("MCUUPDATER_HEAP_REPORT") == "1", "the heap report forces thousands of full collections; run it alone with MCUUPDATER_HEAP_REPORT=1 (see the class summary)");

            HashSet<Type> classes = new HashSet<Type>();
            foreach (NanoCase c in NanoTestRunner.Discover(typeof(HeapBudgetTests).Assembly))
            {
                // Host/ classes run only on the host (pseudo-terminals, large images): not deployed to a board.
                if (!c.TestClass.Namespace.StartsWith("McuUpdater.Tests.Host", StringComparison.Ordinal))
                {
                    classes.Add(c.TestClass);
                }
            }

            List<LiveSet> sets = LiveSetMeter.MeasureAll(classes);
            List<string> over = new List<string>();
            _output.WriteLine("largest live set per portable test class (bytes above the class's start; budget " + BudgetBytes + "):");
            foreach (LiveSet s in sets)
            {
                string line = s.TestClass.Name + ": peak " + s.Peak + " in " + s.PeakCase + ", retained " + s.Retained + ", " + s.Samples + " samples";
                _output.WriteLine(line);
                if (s.Peak > BudgetBytes)
                {
                    over.Add(line);
                }
            }

            Assert.True(over.Count == 0, "Test classes whose live set would not fit a board's heap (keep per-test data small; long runs belong to the bench):\n" + string.Join("\n", over));
        }
    }

    /// <summary>The heap report runs with no other test in the process.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public class HeapCollection
    {
        /// <summary>The collection name.</summary>
        public const string Name = "Heap report (alone)";
    }
}
