using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>The portable sources use only what nanoFramework has (../shared/nanoframework-api).</summary>
    public class ApiSurfaceGuardTests
    {
        // Each project after the ones it references: the checker compiles them in this order.
        private static List<string> InBuildOrder(List<string> folders)
        {
            List<string> ordered = new List<string>();
            while (ordered.Count < folders.Count)
            {
                int before = ordered.Count;
                foreach (string folder in folders)
                {
                    if (!ordered.Contains(folder) && References(folder).TrueForAll(r => ordered.Contains(r) || !folders.Contains(r)))
                    {
                        ordered.Add(folder);
                    }
                }

                Assert.True(ordered.Count > before, "project references form a cycle among " + string.Join(", ", folders));
            }

            return ordered;
        }

        private static List<string> References(string folder)
        {
            List<string> result = new List<string>();
            foreach (string nfproj in Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.nfproj"))
            {
                foreach (string referenced in NfprojPackageClosure.ReferencedNfprojs(nfproj))
                {
                    result.Add(Path.GetDirectoryName(RepoPaths.Relative(referenced)));
                }
            }

            return result;
        }

        [Fact]
        public void EveryNfprojIsInTheSolution()
        {
            List<string> listed = RepoPaths.SolutionNfprojFolders();
            foreach (string nfproj in RepoPaths.Nfprojs())
            {
                string folder = Path.GetDirectoryName(RepoPaths.Relative(nfproj));
                Assert.True(listed.Contains(folder.Length == 0 ? "." : folder), RepoPaths.Relative(nfproj) + " is not in McuUpdater.sln: add it to .ci/projects.txt and run python3 .ci/gen_sln.py");
            }
        }

        [Fact]
        public void PortableAndBoardSourcesUseOnlyTheNanoFrameworkSurface()
        {
            string folder = RepoPaths.ApiFolder;
            if (!Directory.Exists(folder))
            {
                // xunit 2.9 has no dynamic skip; a missing list must never look like a pass unless asked for.
                if (Environment.GetEnvironmentVariable("MCUUPDATER_ALLOW_MISSING_API") == "1")
                {
                    return;
                }

                Assert.Fail("nanoFramework API lists not found at " + folder + " (expected as ../shared/nanoframework-api next to the repository). Set MCUUPDATER_ALLOW_MISSING_API=1 to accept running without the API guard.");
            }

            // Every nanoFramework project of the solution, boards included: a new board is checked the day it is added.
            List<IList<SourceFile>> projects = new List<IList<SourceFile>>();
            foreach (string projectFolder in InBuildOrder(RepoPaths.SolutionNfprojFolders()))
            {
                projects.Add(ApiGuardInputs.Sources(projectFolder));
            }

            projects.RemoveAll(p => p.Count == 0);

            List<string> failures = ApiSurfaceChecker.Check(projects, ApiGuardInputs.Bridge(), ApiGuardInputs.LoadSurface(folder), ApiGuardInputs.LoadAllowList(), ApiGuardInputs.References());

            Assert.True(failures.Count == 0, "Symbols not on nanoFramework (see ../shared/nanoframework-api, Host/Guards/api-allowlist.txt):\n" + string.Join("\n", failures));
        }
    }
}
