using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>The tool package carries a readme and the README says how to install it (issue 11, item 14).</summary>
    public class PackageToolTests
    {
        [Fact]
        public void Pack_MakesADotnetToolPackageWithAReadme_AndTheReadmeSaysHowToInstallIt()
        {
            string root = McuUpdater.Tests.Host.Guards.RepoPaths.Root;
            string configuration = AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Release" : "Debug";
            string output = Path.GetDirectoryName(CliHarness.TempFile("x"));
            ProcessStartInfo start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "pack", Path.Combine(root, "tools", "McuUpdater.Cli", "McuUpdater.Cli.csproj"), "--no-build", "-c", configuration, "-o", output, "-nologo" })
            {
                start.ArgumentList.Add(a);
            }

            using (Process pack = Process.Start(start))
            {
                string log = pack.StandardOutput.ReadToEnd() + pack.StandardError.ReadToEnd();
                Assert.True(pack.WaitForExit(300000), "dotnet pack finished");
                Assert.True(pack.ExitCode == 0, log);
            }

            string[] packages = Directory.GetFiles(output, "McuUpdater.Cli.*.nupkg");
            Assert.Single(packages);
            using ZipArchive zip = ZipFile.OpenRead(packages[0]);
            Assert.NotNull(zip.GetEntry("README.md"));
            using StreamReader nuspec = new StreamReader(zip.GetEntry("McuUpdater.Cli.nuspec").Open());
            string spec = nuspec.ReadToEnd();
            Assert.Contains("<id>McuUpdater.Cli</id>", spec);
            Assert.Contains("<readme>README.md</readme>", spec);
            Assert.Contains("<packageType name=\"DotnetTool\" />", spec);

            string readme = File.ReadAllText(Path.Combine(root, "README.md"));
            Assert.Contains("dotnet pack tools/McuUpdater.Cli -c Release -o nupkg", readme);
            Assert.Contains("dotnet tool install --global McuUpdater.Cli --add-source ./nupkg", readme);
        }
    }
}
