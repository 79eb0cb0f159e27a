using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// packages.config does not flow through project references, yet nanoCLR must be given every
    /// assembly a referenced project needs: a project's packages must include those of every nfproj
    /// it references, transitively.
    /// </summary>
    public static class NfprojPackageClosure
    {
        /// <summary>Package ids that the referenced projects need and <paramref name="own"/> lacks, each with the project that needs it.</summary>
        public static List<string> Missing(ICollection<string> own, IDictionary<string, ICollection<string>> referenced)
        {
            var missing = new List<string>();
            foreach (KeyValuePair<string, ICollection<string>> project in referenced)
            {
                foreach (string id in project.Value)
                {
                    if (!own.Contains(id))
                    {
                        missing.Add(id + " (needed by " + project.Key + ")");
                    }
                }
            }

            missing.Sort();
            return missing;
        }

        /// <summary>Package ids in a packages.config text.</summary>
        public static HashSet<string> PackageIds(string packagesConfig)
        {
            var ids = new HashSet<string>();
            foreach (Match m in Regex.Matches(packagesConfig, "<package\\s+id=\"([^\"]+)\""))
            {
                ids.Add(m.Groups[1].Value);
            }

            return ids;
        }

        /// <summary>Every nfproj reachable from <paramref name="nfproj"/> through ProjectReference (not including itself).</summary>
        public static List<string> ReferencedNfprojs(string nfproj)
        {
            var seen = new List<string>();
            var stack = new Stack<string>();
            stack.Push(Path.GetFullPath(nfproj));
            while (stack.Count > 0)
            {
                string current = stack.Pop();
                foreach (Match m in Regex.Matches(File.ReadAllText(current), "<ProjectReference\\s+Include=\"([^\"]+\\.nfproj)\""))
                {
                    string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current), m.Groups[1].Value.Replace('\\', '/')));
                    if (!seen.Contains(path))
                    {
                        seen.Add(path);
                        stack.Push(path);
                    }
                }
            }

            return seen;
        }
    }
}
