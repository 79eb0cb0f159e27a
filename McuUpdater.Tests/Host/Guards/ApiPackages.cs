using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>One nanoFramework package of tools/nanoframework-api/README.md: id, version and its API list.</summary>
    public sealed class ApiPackage
    {
        /// <summary>Creates a package row.</summary>
        public ApiPackage(string id, string version, string listFile)
        {
            Id = id;
            Version = version;
            ListFile = listFile;
        }

        /// <summary>NuGet id, e.g. nanoFramework.System.IO.Ports.</summary>
        public string Id { get; }

        /// <summary>Pinned version, e.g. 1.1.139.</summary>
        public string Version { get; }

        /// <summary>The list file name, e.g. System.IO.Ports.txt.</summary>
        public string ListFile { get; }

        /// <summary>The assembly the package ships: the list's name (System.IO.Ports, mscorlib, ...).</summary>
        public string AssemblyName
        {
            get { return Path.GetFileNameWithoutExtension(ListFile); }
        }

        /// <summary>The assembly version nanoFramework packages carry: the package version plus ".0".</summary>
        public string AssemblyVersion
        {
            get { return Version + ".0"; }
        }
    }

    /// <summary>The in-repository API folder: package table, declared dependencies and list lines.</summary>
    public sealed class ApiPackages
    {
        private static readonly Regex Row = new Regex(@"^\|\s*(?<id>nanoFramework\.[A-Za-z0-9.]+?)\s*\|\s*(?<v>\d+(\.\d+)+)\s*\|\s*(?<list>[A-Za-z0-9.]+\.txt)", RegexOptions.Multiline);

        // "| nanoFramework.Hardware.Esp32 | 1.6.42 | nanoFramework.Runtime.Events | 1.11.39 |" in the dependency table.
        private static readonly Regex DependencyRow = new Regex(@"^\|\s*(?<id>nanoFramework\.[A-Za-z0-9.]+?)\s*\|\s*(?<v>\d+(\.\d+)+)\s*\|\s*(?<dep>nanoFramework\.[A-Za-z0-9.]+?)\s*\|\s*(?<min>\d+(\.\d+)+)\s*\|\s*$", RegexOptions.Multiline);

        private ApiPackages(string folder, List<ApiPackage> packages, List<PackageDependency> dependencies)
        {
            Folder = folder;
            Packages = packages;
            Dependencies = dependencies;
        }

        /// <summary>tools/nanoframework-api of the repository.</summary>
        public string Folder { get; }

        /// <summary>The version table, in README order.</summary>
        public List<ApiPackage> Packages { get; }

        /// <summary>The dependency table: minimum versions the packages' nuspecs declare.</summary>
        public List<PackageDependency> Dependencies { get; }

        /// <summary>Reads the README of <paramref name="folder"/>.</summary>
        public static ApiPackages Load(string folder)
        {
            string readme = File.ReadAllText(Path.Combine(folder, "README.md"));
            return new ApiPackages(folder, ParseTable(readme), ParseDependencies(readme));
        }

        /// <summary>The package rows of a README text (the version table; dependency rows have no .txt column).</summary>
        public static List<ApiPackage> ParseTable(string readme)
        {
            List<ApiPackage> rows = new List<ApiPackage>();
            foreach (Match m in Row.Matches(readme))
            {
                rows.Add(new ApiPackage(m.Groups["id"].Value, m.Groups["v"].Value, m.Groups["list"].Value));
            }

            return rows;
        }

        /// <summary>The dependency rows of a README text.</summary>
        public static List<PackageDependency> ParseDependencies(string readme)
        {
            List<PackageDependency> rows = new List<PackageDependency>();
            foreach (Match m in DependencyRow.Matches(readme))
            {
                rows.Add(new PackageDependency(m.Groups["id"].Value, m.Groups["v"].Value, m.Groups["dep"].Value, m.Groups["min"].Value));
            }

            return rows;
        }

        /// <summary>The package whose assembly is <paramref name="assemblyName"/>, or null.</summary>
        public ApiPackage ByAssembly(string assemblyName)
        {
            foreach (ApiPackage p in Packages)
            {
                if (string.Equals(p.AssemblyName, assemblyName, StringComparison.Ordinal))
                {
                    return p;
                }
            }

            return null;
        }

        /// <summary>Package id to pinned version.</summary>
        public Dictionary<string, string> Pinned()
        {
            Dictionary<string, string> table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (ApiPackage p in Packages)
            {
                table[p.Id] = p.Version;
            }

            return table;
        }

        /// <summary>The list lines of one package (blank lines and '#' comments left out).</summary>
        public List<string> Lines(ApiPackage package)
        {
            List<string> lines = new List<string>();
            foreach (string raw in File.ReadAllLines(Path.Combine(Folder, package.ListFile)))
            {
                if (raw.Trim().Length > 0 && !raw.StartsWith("#", StringComparison.Ordinal))
                {
                    lines.Add(raw);
                }
            }

            return lines;
        }
    }

    /// <summary>"Package P at version V needs package D at version ≥ M", as its nuspec declares.</summary>
    public sealed class PackageDependency
    {
        /// <summary>Creates a row.</summary>
        public PackageDependency(string package, string version, string dependency, string minimum)
        {
            Package = package;
            Version = version;
            Dependency = dependency;
            Minimum = minimum;
        }

        /// <summary>The package that declares the dependency.</summary>
        public string Package { get; }

        /// <summary>Its version.</summary>
        public string Version { get; }

        /// <summary>The package it needs.</summary>
        public string Dependency { get; }

        /// <summary>The lowest version of <see cref="Dependency"/> it accepts.</summary>
        public string Minimum { get; }
    }
}
