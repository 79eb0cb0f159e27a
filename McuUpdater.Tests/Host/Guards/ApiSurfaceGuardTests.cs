using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>The portable sources use only what nanoFramework has (../shared/nanoframework-api).</summary>
    public class ApiSurfaceGuardTests
    {
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

            List<IList<SourceFile>> projects = new List<IList<SourceFile>>
            {
                ApiGuardInputs.Sources("McuUpdater"),
                ApiGuardInputs.Sources(Path.Combine("tools", "ModuleSimulator")),
                ApiGuardInputs.Sources("McuUpdater.Tests"),
                ApiGuardInputs.Sources(Path.Combine("boards", "Esp32")),
            };
            projects.RemoveAll(p => p.Count == 0);

            List<string> failures = ApiSurfaceChecker.Check(projects, ApiGuardInputs.Bridge(), ApiGuardInputs.LoadSurface(folder), ApiGuardInputs.LoadAllowList(), ApiGuardInputs.References());

            Assert.True(failures.Count == 0, "Symbols not on nanoFramework (see ../shared/nanoframework-api, Host/Guards/api-allowlist.txt):\n" + string.Join("\n", failures));
        }
    }
}
