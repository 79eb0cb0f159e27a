using System.Collections.Generic;
using System.IO;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Every nfproj lists exactly its folder's .cs files and agrees with packages.config and the pinned versions.</summary>
    public class NfprojGuardTests
    {
        /// <summary>Each nfproj of the repository, relative to the root.</summary>
        public static IEnumerable<object[]> Projects()
        {
            foreach (string p in NfprojFile.FromSolution(RepoPaths.Root))
            {
                yield return new object[] { p };
            }
        }

        [Fact]
        public void ApiReadmeDeclaresTheKnownDependency()
        {
            List<PackageDependency> deps = ApiPackages.Load(RepoPaths.ApiFolder).Dependencies;

            Assert.Contains(deps, d => d.Package == "nanoFramework.Hardware.Esp32" && d.Dependency == "nanoFramework.Runtime.Events" && d.Minimum == "1.11.39");
        }

        [Fact]
        public void EveryNfprojOnDiskIsInTheSolution()
        {
            List<string> inSolution = NfprojFile.FromSolution(RepoPaths.Root);
            foreach (string p in RepoPaths.Nfprojs())
            {
                Assert.True(inSolution.Contains(RepoPaths.Relative(p)), RepoPaths.Relative(p) + " is not in McuUpdater.sln (add it to .ci/projects.txt and run python3 .ci/gen_sln.py), so nothing would compile or check it");
            }
        }

        [Fact]
        public void RepositoryHasNfprojs()
        {
            Assert.NotEmpty(RepoPaths.Nfprojs());
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfprojMatchesItsFolderAndPackages(string project)
        {
            string full = Path.Combine(RepoPaths.Root, project);
            string folder = Path.GetDirectoryName(full);
            string config = Path.Combine(folder, "packages.config");
            int depth = project.Split('/').Length - 1;

            List<string> errors = NfprojCheck.Check(
                project,
                File.ReadAllText(full),
                RepoPaths.PortableSources(folder),
                File.Exists(config) ? File.ReadAllText(config) : null,
                depth,
                PinnedVersions(),
                ApiPackages.Load(RepoPaths.ApiFolder).Dependencies);

            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        private static Dictionary<string, string> PinnedVersions()
        {
            string readme = Path.Combine(RepoPaths.ApiFolder, "README.md");
            Assert.True(File.Exists(readme), "Version table missing: " + readme + " (tools/nanoframework-api is part of the repository).");
            Dictionary<string, string> table = ApiPackages.Load(RepoPaths.ApiFolder).Pinned();
            Assert.True(table.Count > 5, "Could not read the version table of " + readme);
            return table;
        }
    }
}
