using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Every nfproj of the solution compiles against the device's assemblies.</summary>
    [Collection(DeviceCompileCollection.Name)]
    public class DeviceCompileTests
    {
        private readonly ITestOutputHelper _output;

        /// <summary>Created by xunit.</summary>
        public DeviceCompileTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>The nfprojs McuUpdater.sln lists.</summary>
        public static IEnumerable<object[]> Projects()
        {
            foreach (string p in NfprojFile.FromSolution(RepoPaths.Root))
            {
                yield return new object[] { p };
            }
        }

        [Fact]
        public void SolutionListsTheLibrarySimulatorTestsAndABoard()
        {
            List<string> projects = NfprojFile.FromSolution(RepoPaths.Root);

            Assert.Contains("McuUpdater/McuUpdater.nfproj", projects);
            Assert.Contains("tools/ModuleSimulator/ModuleSimulator.nfproj", projects);
            Assert.Contains("McuUpdater.Tests/McuUpdater.Tests.nfproj", projects);
            Assert.Contains(projects, p => p.StartsWith("boards/"));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfprojCompilesAgainstTheDeviceAssemblies(string project)
        {
            DeviceCompiler.Result r = new DeviceCompiler(RepoPaths.Root, DeviceReferences.Instance).Compile(project);
            foreach (string w in r.Warnings)
            {
                _output.WriteLine("warning " + w);
            }

            Assert.True(r.Errors.Count == 0, project + " does not compile for the device:\n" + string.Join("\n", r.Errors));
            List<string> rules = DeviceRules.Check(r.Compilation);
            Assert.True(rules.Count == 0, project + " compiles but would not run on the device:\n" + string.Join("\n", rules));
        }

        [Fact]
        public void GeneratedReferencesLeaveOutOnlyWhatIsReported()
        {
            List<string> leftOut = DeviceReferences.Instance.LeftOut;
            _output.WriteLine(leftOut.Count + " listed members are not in the generated references (no shape, or the shape does not compile on the device's types):");
            foreach (string s in leftOut)
            {
                _output.WriteLine(s);
            }

            Assert.NotNull(DeviceReferences.Instance.For("System.IO.Ports"));
            Assert.NotNull(DeviceReferences.Instance.For("mscorlib"));
        }
    }

    /// <summary>
    /// The Roslyn work (reference generation, four project compiles) runs alone after the parallel
    /// tests, so it never starves the real-time pseudo-terminal tests of the machine's cores.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public class DeviceCompileCollection
    {
        /// <summary>The collection name.</summary>
        public const string Name = "Device compile (alone)";
    }
}
