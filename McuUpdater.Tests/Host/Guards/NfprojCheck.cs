using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// Pure check of one nanoFramework project against its folder: Compile items, packages.config,
    /// HintPaths, Reference versions, the TestFramework targets import, and the pinned versions.
    /// </summary>
    public static class NfprojCheck
    {
        // Any "..\..\packages\<id>.<version>\" path in the project (HintPath, Import, Condition, Error).
        private static readonly Regex PackagePath = new Regex(@"(?<up>(\.\.\\)*)packages\\(?<id>[A-Za-z][A-Za-z0-9.]*?)\.(?<v>\d+(\.\d+)+)\\");

        /// <summary>
        /// Returns one line per problem (empty when the project is consistent).
        /// <paramref name="sourceFiles"/> are the folder's .cs files relative to the project folder;
        /// <paramref name="depth"/> is how many folders the project sits below the repository root.
        /// </summary>
        public static List<string> Check(string project, string nfprojText, IEnumerable<string> sourceFiles, string packagesConfigText, int depth, IDictionary<string, string> pinnedVersions, IList<PackageDependency> dependencies = null)
        {
            List<string> errors = new List<string>();
            XDocument proj = XDocument.Parse(nfprojText);
            CheckCompileItems(project, proj, sourceFiles, errors);

            Dictionary<string, string> packages = ReadPackages(project, packagesConfigText, errors);
            Dictionary<string, PackageDependency> raised = Raised(packages, dependencies ?? new PackageDependency[0]);
            foreach (KeyValuePair<string, string> p in packages)
            {
                string pinned;
                PackageDependency why;
                if (!pinnedVersions.TryGetValue(p.Key, out pinned))
                {
                    errors.Add(project + ": packages.config has " + p.Key + " which is not in the version table of tools/nanoframework-api/README.md");
                }
                else if (raised.TryGetValue(p.Key, out why))
                {
                    if (p.Value != why.Minimum)
                    {
                        errors.Add(project + ": packages.config has " + p.Key + " " + p.Value + " but " + why.Package + " " + why.Version + " needs " + p.Key + " >= " + why.Minimum
                            + " (dependency table of tools/nanoframework-api/README.md): pin " + why.Minimum);
                    }
                }
                else if (pinned != p.Value)
                {
                    errors.Add(project + ": packages.config has " + p.Key + " " + p.Value + " but the version table says " + pinned);
                }
            }

            foreach (PackageDependency d in dependencies ?? new PackageDependency[0])
            {
                string version;
                if (packages.TryGetValue(d.Package, out version) && version == d.Version && !packages.ContainsKey(d.Dependency))
                {
                    errors.Add(project + ": packages.config has " + d.Package + " " + d.Version + " which needs " + d.Dependency + " >= " + d.Minimum + ", and lacks it");
                }
            }

            CheckPackagePaths(project, nfprojText, packages, depth, errors);
            CheckReferences(project, proj, packages, errors);
            CheckTestTargets(project, proj, packages, errors);
            return errors;
        }

        /// <summary>
        /// Packages whose pin a dependency of another package in the same packages.config raises above
        /// the version table (the highest minimum wins), with the row that raises it.
        /// </summary>
        private static Dictionary<string, PackageDependency> Raised(Dictionary<string, string> packages, IEnumerable<PackageDependency> dependencies)
        {
            Dictionary<string, PackageDependency> raised = new Dictionary<string, PackageDependency>(StringComparer.Ordinal);
            foreach (PackageDependency d in dependencies)
            {
                string version;
                PackageDependency current;
                if (packages.TryGetValue(d.Package, out version) && version == d.Version
                    && (!raised.TryGetValue(d.Dependency, out current) || new Version(d.Minimum) > new Version(current.Minimum)))
                {
                    raised[d.Dependency] = d;
                }
            }

            return raised;
        }

        private static void CheckCompileItems(string project, XDocument proj, IEnumerable<string> sourceFiles, List<string> errors)
        {
            SortedSet<string> listed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement e in proj.Descendants())
            {
                if (e.Name.LocalName == "Compile" && e.Attribute("Include") != null)
                {
                    listed.Add(e.Attribute("Include").Value.Replace('\\', '/'));
                }
            }

            SortedSet<string> present = new SortedSet<string>(sourceFiles, StringComparer.Ordinal);
            foreach (string f in present)
            {
                if (!listed.Contains(f))
                {
                    errors.Add(project + ": missing <Compile Include> for " + f);
                }
            }

            foreach (string f in listed)
            {
                if (!present.Contains(f))
                {
                    errors.Add(project + ": <Compile Include> lists " + f + " which is not in the folder");
                }
            }
        }

        private static Dictionary<string, string> ReadPackages(string project, string packagesConfigText, List<string> errors)
        {
            Dictionary<string, string> packages = new Dictionary<string, string>(StringComparer.Ordinal);
            if (packagesConfigText == null)
            {
                errors.Add(project + ": no packages.config next to the project");
                return packages;
            }

            foreach (XElement e in XDocument.Parse(packagesConfigText).Descendants("package"))
            {
                packages[(string)e.Attribute("id")] = (string)e.Attribute("version");
            }

            return packages;
        }

        private static void CheckPackagePaths(string project, string nfprojText, Dictionary<string, string> packages, int depth, List<string> errors)
        {
            string up = string.Concat(System.Linq.Enumerable.Repeat(@"..\", depth));
            HashSet<string> used = new HashSet<string>();
            foreach (Match m in PackagePath.Matches(nfprojText))
            {
                string id = m.Groups["id"].Value;
                string v = m.Groups["v"].Value;
                string version;
                if (!packages.TryGetValue(id, out version))
                {
                    errors.Add(project + ": path " + m.Value + " names package " + id + " which packages.config does not have");
                }
                else if (version != v)
                {
                    errors.Add(project + ": path " + m.Value + " has version " + v + " but packages.config has " + id + " " + version);
                }

                if (m.Groups["up"].Value != up)
                {
                    errors.Add(project + ": path " + m.Value + " should start with " + up + @"packages\ (the project is " + depth + " folder(s) below the repository root)");
                }

                used.Add(id);
            }

            foreach (string id in packages.Keys)
            {
                if (!used.Contains(id))
                {
                    errors.Add(project + ": packages.config has " + id + " but no HintPath uses it");
                }
            }
        }

        private static void CheckReferences(string project, XDocument proj, Dictionary<string, string> packages, List<string> errors)
        {
            foreach (XElement r in proj.Descendants())
            {
                if (r.Name.LocalName != "Reference")
                {
                    continue;
                }

                string include = (string)r.Attribute("Include") ?? string.Empty;
                string hint = null;
                foreach (XElement c in r.Elements())
                {
                    if (c.Name.LocalName == "HintPath")
                    {
                        hint = c.Value;
                    }
                }

                Match h = hint == null ? Match.Empty : PackagePath.Match(hint);
                Match v = Regex.Match(include, @"Version=(?<v>[0-9.]+)");
                if (!h.Success || !v.Success)
                {
                    errors.Add(project + ": Reference " + include + " needs a Version= and a packages HintPath");
                    continue;
                }

                string version;
                if (!packages.TryGetValue(h.Groups["id"].Value, out version))
                {
                    continue; // already reported by CheckPackagePaths
                }

                // The launcher executable in the TestFramework package is not versioned.
                string expected = include.StartsWith("nanoFramework.UnitTestLauncher", StringComparison.Ordinal) ? "0.0.0.0" : version + ".0";
                if (v.Groups["v"].Value != expected)
                {
                    errors.Add(project + ": Reference " + include.Split(',')[0] + " has Version=" + v.Groups["v"].Value + " but its package " + h.Groups["id"].Value + " " + version + " means Version=" + expected);
                }
            }
        }

        private static void CheckTestTargets(string project, XDocument proj, Dictionary<string, string> packages, List<string> errors)
        {
            if (!packages.ContainsKey("nanoFramework.TestFramework"))
            {
                return;
            }

            foreach (XElement e in proj.Descendants())
            {
                string p = (string)e.Attribute("Project");
                if (e.Name.LocalName == "Import" && p != null && p.EndsWith(@"\build\nanoFramework.TestFramework.targets", StringComparison.Ordinal))
                {
                    return; // its version and depth are checked with the other package paths
                }
            }

            errors.Add(project + ": test project does not import nanoFramework.TestFramework.targets");
        }
    }
}
