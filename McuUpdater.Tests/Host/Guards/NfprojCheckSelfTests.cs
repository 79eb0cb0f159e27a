using System.Collections.Generic;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Proves <see cref="NfprojCheck"/> can fail: synthetic projects with each kind of drift.</summary>
    public class NfprojCheckSelfTests
    {
        private static readonly Dictionary<string, string> Pinned = new Dictionary<string, string>
        {
            { "nanoFramework.CoreLibrary", "1.17.11" },
            { "nanoFramework.TestFramework", "3.0.77" },
        };

        private const string Config = @"<packages>
  <package id=""nanoFramework.CoreLibrary"" version=""1.17.11"" />
  <package id=""nanoFramework.TestFramework"" version=""3.0.77"" />
</packages>";

        private static string Project(string compiles, string coreVersion = "1.17.11", string up = @"..\")
        {
            return @"<Project xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <ItemGroup>" + compiles + @"</ItemGroup>
  <ItemGroup>
    <Reference Include=""mscorlib, Version=" + coreVersion + @".0, Culture=neutral"">
      <HintPath>" + up + @"packages\nanoFramework.CoreLibrary." + coreVersion + @"\lib\mscorlib.dll</HintPath>
    </Reference>
    <Reference Include=""nanoFramework.TestFramework, Version=3.0.77.0"">
      <HintPath>" + up + @"packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.TestFramework.dll</HintPath>
    </Reference>
    <Reference Include=""nanoFramework.UnitTestLauncher, Version=0.0.0.0"">
      <HintPath>" + up + @"packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe</HintPath>
    </Reference>
  </ItemGroup>
  <Import Project=""" + up + @"packages\nanoFramework.TestFramework.3.0.77\build\nanoFramework.TestFramework.targets"" />
</Project>";
        }

        private static readonly string[] Files = { "A.cs", "Sub/B.cs" };
        private const string BothCompiles = @"<Compile Include=""A.cs"" /><Compile Include=""Sub\B.cs"" />";

        [Fact]
        public void VersionTable_RaisesAVersionOnlyForProjectsWithThePackageThatNeedsIt()
        {
            const string Readme = "| nanoFramework.Runtime.Events | 1.11.37 | x |\n| nanoFramework.Hardware.Esp32 | 1.6.42 | y |\n"
                + "Known: nanoFramework.Hardware.Esp32 1.6.42 needs nanoFramework.Runtime.Events ≥ 1.11.39 (so pin it).";
            Assert.Equal("1.11.39", PackageVersionTable.ForProject(Readme, new HashSet<string> { "nanoFramework.Hardware.Esp32", "nanoFramework.Runtime.Events" })["nanoFramework.Runtime.Events"]);
            Assert.Equal("1.11.37", PackageVersionTable.ForProject(Readme, new HashSet<string> { "nanoFramework.Runtime.Events" })["nanoFramework.Runtime.Events"]);
        }

        [Fact]
        public void ConsistentProjectPasses()
        {
            Assert.Empty(NfprojCheck.Check("P.nfproj", Project(BothCompiles), Files, Config, 1, Pinned));
        }

        [Fact]
        public void FileMissingFromTheProjectFails()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", Project(@"<Compile Include=""A.cs"" />"), Files, Config, 1, Pinned);

            Assert.Contains("P.nfproj: missing <Compile Include> for Sub/B.cs", errors);
        }

        [Fact]
        public void ListedFileThatIsAbsentFails()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", Project(BothCompiles + @"<Compile Include=""Gone.cs"" />"), Files, Config, 1, Pinned);

            Assert.Contains("P.nfproj: <Compile Include> lists Gone.cs which is not in the folder", errors);
        }

        [Fact]
        public void HintPathVersionDifferentFromPackagesConfigFails()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", Project(BothCompiles, "1.17.9"), Files, Config, 1, Pinned);

            Assert.Contains(errors, e => e.Contains("has version 1.17.9 but packages.config has nanoFramework.CoreLibrary 1.17.11"));
        }

        [Fact]
        public void PackagesConfigVersionDifferentFromTheTableFails()
        {
            Dictionary<string, string> newer = new Dictionary<string, string>(Pinned) { ["nanoFramework.CoreLibrary"] = "1.17.12" };

            List<string> errors = NfprojCheck.Check("P.nfproj", Project(BothCompiles), Files, Config, 1, newer);

            Assert.Contains(errors, e => e.Contains("nanoFramework.CoreLibrary 1.17.11 but the version table says 1.17.12"));
        }

        [Fact]
        public void HintPathAtTheWrongDepthFails()
        {
            List<string> errors = NfprojCheck.Check("tools/X/P.nfproj", Project(BothCompiles), Files, Config, 2, Pinned);

            Assert.Contains(errors, e => e.Contains(@"should start with ..\..\packages\"));
        }

        [Fact]
        public void ReferenceVersionNotMatchingThePackageFails()
        {
            string text = Project(BothCompiles).Replace("mscorlib, Version=1.17.11.0", "mscorlib, Version=1.17.0.0");

            List<string> errors = NfprojCheck.Check("P.nfproj", text, Files, Config, 1, Pinned);

            Assert.Contains(errors, e => e.Contains("Reference mscorlib has Version=1.17.0.0"));
        }

        [Fact]
        public void TestProjectWithoutTheTargetsImportFails()
        {
            string text = Project(BothCompiles).Replace("<Import ", "<NotAnImport ");

            List<string> errors = NfprojCheck.Check("P.nfproj", text, Files, Config, 1, Pinned);

            Assert.Contains("P.nfproj: test project does not import nanoFramework.TestFramework.targets", errors);
        }
    }
}
