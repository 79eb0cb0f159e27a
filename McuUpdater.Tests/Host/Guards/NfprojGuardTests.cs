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
            foreach (string p in RepoPaths.Nfprojs())
            {
                yield return new object[] { RepoPaths.Relative(p) };
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
            string configText = File.Exists(config) ? File.ReadAllText(config) : null;

            List<string> errors = NfprojCheck.Check(
                project,
                File.ReadAllText(full),
                RepoPaths.PortableSources(folder),
                configText,
                depth,
                PinnedVersions(configText == null ? new HashSet<string>() : NfprojPackageClosure.PackageIds(configText)));

            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        private static Dictionary<string, string> PinnedVersions(ICollection<string> projectPackages)
        {
            string readme = Path.Combine(RepoPaths.ApiFolder, "README.md");
            Assert.True(File.Exists(readme), "Version table missing: " + readme + " (the shared nanoframework-api folder must sit next to the repository).");
            Dictionary<string, string> table = PackageVersionTable.ForProject(File.ReadAllText(readme), projectPackages);
            Assert.True(table.Count > 5, "Could not read the version table of " + readme);
            return table;
        }
    }
}
