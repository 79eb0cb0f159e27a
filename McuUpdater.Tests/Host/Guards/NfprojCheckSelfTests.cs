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
    
        private static readonly List<PackageDependency> Esp32Needs = new List<PackageDependency>
        {
            new PackageDependency("nanoFramework.Hardware.Esp32", "1.6.42", "nanoFramework.Runtime.Events", "1.11.39"),
        };

        private static readonly Dictionary<string, string> PinnedWithEsp32 = new Dictionary<string, string>(Pinned)
        {
            ["nanoFramework.Hardware.Esp32"] = "1.6.42",
            ["nanoFramework.Runtime.Events"] = "1.11.37",
        };

        private static string WithPackages(string events, bool withEvents = true)
        {
            string config = Config.Replace("</packages>", @"  <package id=""nanoFramework.Hardware.Esp32"" version=""1.6.42"" />
" + (withEvents ? @"  <package id=""nanoFramework.Runtime.Events"" version=""" + events + @""" />
" : string.Empty) + "</packages>");
            return config;
        }

        private static string ProjectWithPackages(string events, bool withEvents = true)
        {
            string refs = @"<Reference Include=""nanoFramework.Hardware.Esp32, Version=1.6.42.0""><HintPath>..\packages\nanoFramework.Hardware.Esp32.1.6.42\lib\nanoFramework.Hardware.Esp32.dll</HintPath></Reference>"
                + (withEvents ? @"<Reference Include=""nanoFramework.Runtime.Events, Version=" + events + @".0""><HintPath>..\packages\nanoFramework.Runtime.Events." + events + @"\lib\nanoFramework.Runtime.Events.dll</HintPath></Reference>" : string.Empty);
            return Project(BothCompiles).Replace("</Project>", "<ItemGroup>" + refs + "</ItemGroup></Project>");
        }

        [Fact]
        public void DependencyBelowTheDeclaredMinimumFails()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", ProjectWithPackages("1.11.37"), Files, WithPackages("1.11.37"), 1, PinnedWithEsp32, Esp32Needs);

            Assert.Contains(errors, e => e.Contains("nanoFramework.Runtime.Events 1.11.37 but nanoFramework.Hardware.Esp32 1.6.42 needs nanoFramework.Runtime.Events >= 1.11.39"));
        }

        [Fact]
        public void DependencyRaisedToTheDeclaredMinimumPasses()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", ProjectWithPackages("1.11.39"), Files, WithPackages("1.11.39"), 1, PinnedWithEsp32, Esp32Needs);

            Assert.Empty(errors);
        }

        [Fact]
        public void MissingDependencyFails()
        {
            List<string> errors = NfprojCheck.Check("P.nfproj", ProjectWithPackages("1.11.39", false), Files, WithPackages("1.11.39", false), 1, PinnedWithEsp32, Esp32Needs);

            Assert.Contains(errors, e => e.Contains("needs nanoFramework.Runtime.Events >= 1.11.39, and lacks it"));
        }

        [Fact]
        public void RaisedPinWithoutThePackageThatNeedsItFails()
        {
            string config = Config.Replace("</packages>", @"  <package id=""nanoFramework.Runtime.Events"" version=""1.11.39"" />
</packages>");
            string project = Project(BothCompiles).Replace("</Project>", @"<ItemGroup><Reference Include=""nanoFramework.Runtime.Events, Version=1.11.39.0""><HintPath>..\packages\nanoFramework.Runtime.Events.1.11.39\lib\nanoFramework.Runtime.Events.dll</HintPath></Reference></ItemGroup></Project>");

            List<string> errors = NfprojCheck.Check("P.nfproj", project, Files, config, 1, PinnedWithEsp32, Esp32Needs);

            Assert.Contains(errors, e => e.Contains("nanoFramework.Runtime.Events 1.11.39 but the version table says 1.11.37"));
        }
    }
}
