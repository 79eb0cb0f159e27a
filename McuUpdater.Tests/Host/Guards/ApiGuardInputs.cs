using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Loads what the API guard needs from disk: the surface, the allow-list, references and the portable sources.</summary>
    public static class ApiGuardInputs
    {
        /// <summary>All *.txt lists of the nanoframework-api folder as one surface.</summary>
        public static ApiSurface LoadSurface(string folder)
        {
            List<string> lines = new List<string>();
            foreach (string f in Directory.GetFiles(folder, "*.txt"))
            {
                lines.AddRange(File.ReadAllLines(f));
            }

            return new ApiSurface(lines);
        }

        /// <summary>The allow-list ids (comments and blank lines ignored).</summary>
        public static HashSet<string> LoadAllowList()
        {
            HashSet<string> ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in File.ReadAllLines(Path.Combine(RepoPaths.Root, "McuUpdater.Tests", "Host", "Guards", "api-allowlist.txt")))
            {
                string line = raw.Trim();
                if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                {
                    ids.Add(line);
                }
            }

            return ids;
        }

        /// <summary>The running runtime's assemblies (TRUSTED_PLATFORM_ASSEMBLIES, runtime folder only) plus the host SerialPort and Gpio packages.</summary>
        public static List<MetadataReference> References()
        {
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            List<MetadataReference> refs = new List<MetadataReference>();
            foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator))
            {
                // Only the runtime's own assemblies: the test's dependencies (xunit, Roslyn) are not the device's.
                if (path.Length > 0 && string.Equals(Path.GetDirectoryName(path), runtimeDir, StringComparison.Ordinal))
                {
                    refs.Add(MetadataReference.CreateFromFile(path));
                }
            }

            refs.Add(MetadataReference.CreateFromFile(typeof(System.IO.Ports.SerialPort).Assembly.Location));
            refs.Add(MetadataReference.CreateFromFile(typeof(System.Device.Gpio.GpioController).Assembly.Location));
            return refs;
        }

        /// <summary>The .cs files of a repository folder (portable only: no bin/obj/Host), or none if the folder does not exist.</summary>
        public static List<SourceFile> Sources(string relativeFolder)
        {
            List<SourceFile> files = new List<SourceFile>();
            string folder = Path.Combine(RepoPaths.Root, relativeFolder);
            if (!Directory.Exists(folder))
            {
                return files;
            }

            foreach (string rel in RepoPaths.PortableSources(folder))
            {
                string full = Path.Combine(folder, rel);
                files.Add(new SourceFile(RepoPaths.Relative(full), File.ReadAllText(full)));
            }

            return files;
        }

        /// <summary>The host copies of the TestFramework types and stand-ins for nanoFramework-only board types, compiled in but not checked.</summary>
        public static List<SourceFile> Bridge()
        {
            List<SourceFile> files = new List<SourceFile>();
            foreach (string full in Directory.GetFiles(Path.Combine(RepoPaths.Root, "McuUpdater.Tests", "Host", "Bridge", "TestFramework"), "*.cs"))
            {
                files.Add(new SourceFile(RepoPaths.Relative(full), File.ReadAllText(full)));
            }

            string stubs = Path.Combine(RepoPaths.Root, "McuUpdater.Tests", "Host", "Guards", "nano-only-stubs.cs.txt");
            files.Add(new SourceFile(RepoPaths.Relative(stubs), File.ReadAllText(stubs)));
            return files;
        }
    }
}
