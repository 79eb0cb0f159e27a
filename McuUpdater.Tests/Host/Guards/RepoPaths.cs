using System;
using System.Collections.Generic;
using System.IO;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Finds the repository (the folder holding McuUpdater.sln) and its portable files.</summary>
    public static class RepoPaths
    {
        /// <summary>The repository root, found by walking up from the test binaries.</summary>
        public static string Root
        {
            get
            {
                DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory);
                while (d != null && !File.Exists(Path.Combine(d.FullName, "McuUpdater.sln")))
                {
                    d = d.Parent;
                }

                if (d == null)
                {
                    throw new InvalidOperationException("McuUpdater.sln not found above " + AppContext.BaseDirectory);
                }

                return d.FullName;
            }
        }

        /// <summary>The nanoFramework API lists kept in the repository (tools/nanoframework-api, see its README).</summary>
        public static string ApiFolder
        {
            get { return Path.Combine(Root, "tools", "nanoframework-api"); }
        }

        /// <summary>Path relative to the root with '/' separators.</summary>
        public static string Relative(string fullPath)
        {
            return Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        }

        /// <summary>
        /// The .cs files under <paramref name="folder"/>, relative to it with '/' separators, leaving out
        /// bin/, obj/, Host/ (host-only code) and sub-folders that hold their own project.
        /// </summary>
        public static List<string> PortableSources(string folder)
        {
            List<string> result = new List<string>();
            Collect(folder, folder, result);
            result.Sort(StringComparer.Ordinal);
            return result;
        }

        private static void Collect(string root, string dir, List<string> result)
        {
            foreach (string f in Directory.GetFiles(dir, "*.cs"))
            {
                result.Add(Path.GetRelativePath(root, f).Replace('\\', '/'));
            }

            foreach (string sub in Directory.GetDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (name == "bin" || name == "obj" || name == "Host" || name.StartsWith(".", StringComparison.Ordinal))
                {
                    continue;
                }

                if (Directory.GetFiles(sub, "*.nfproj").Length > 0 || Directory.GetFiles(sub, "*.csproj").Length > 0)
                {
                    continue;
                }

                Collect(root, sub, result);
            }
        }

        /// <summary>Every *.nfproj of the repository (bin/obj/packages/.git skipped).</summary>
        public static List<string> Nfprojs()
        {
            List<string> result = new List<string>();
            FindNfprojs(Root, result);
            result.Sort(StringComparer.Ordinal);
            return result;
        }

        private static void FindNfprojs(string dir, List<string> result)
        {
            result.AddRange(Directory.GetFiles(dir, "*.nfproj"));
            foreach (string sub in Directory.GetDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (name != "bin" && name != "obj" && name != "packages" && !name.StartsWith(".", StringComparison.Ordinal))
                {
                    FindNfprojs(sub, result);
                }
            }
        }
    }
}
