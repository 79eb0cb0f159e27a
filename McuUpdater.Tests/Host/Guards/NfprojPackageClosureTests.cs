using System.Collections.Generic;
using System.IO;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Each nfproj carries the packages of the nfprojs it references, so nanoCLR gets every assembly.</summary>
    public class NfprojPackageClosureTests
    {
        [Theory]
        [MemberData(nameof(NfprojGuardTests.Projects), MemberType = typeof(NfprojGuardTests))]
        public void NfprojHasThePackagesOfItsReferences(string project)
        {
            string full = Path.Combine(RepoPaths.Root, project);
            var referenced = new Dictionary<string, ICollection<string>>();
            foreach (string other in NfprojPackageClosure.ReferencedNfprojs(full))
            {
                referenced[RepoPaths.Relative(other)] = NfprojPackageClosure.PackageIds(File.ReadAllText(Path.Combine(Path.GetDirectoryName(other), "packages.config")));
            }

            HashSet<string> own = NfprojPackageClosure.PackageIds(File.ReadAllText(Path.Combine(Path.GetDirectoryName(full), "packages.config")));
            List<string> missing = NfprojPackageClosure.Missing(own, referenced);
            Assert.True(missing.Count == 0, project + " lacks packages its references need: " + string.Join(", ", missing));
        }

        [Fact]
        public void Closure_ReportsPackageOfAReferencedProject()
        {
            var referenced = new Dictionary<string, ICollection<string>>
            {
                ["McuUpdater/McuUpdater.nfproj"] = new[] { "nanoFramework.CoreLibrary", "nanoFramework.System.IO.Ports" },
            };
            List<string> missing = NfprojPackageClosure.Missing(new HashSet<string> { "nanoFramework.CoreLibrary" }, referenced);
            Assert.Equal(new[] { "nanoFramework.System.IO.Ports (needed by McuUpdater/McuUpdater.nfproj)" }, missing);
        }

        [Fact]
        public void Closure_PassesWhenEverythingIsCarried()
        {
            var referenced = new Dictionary<string, ICollection<string>> { ["a.nfproj"] = new[] { "x", "y" } };
            Assert.Empty(NfprojPackageClosure.Missing(new HashSet<string> { "x", "y", "z" }, referenced));
        }
    }
}
