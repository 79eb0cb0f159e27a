using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Reads the "| package | version | list |" table of nanoframework-api/README.md.</summary>
    public static class PackageVersionTable
    {
        // "nanoFramework.Hardware.Esp32 1.6.42 needs nanoFramework.Runtime.Events ≥ 1.11.39": a nuspec's minimum above the table's version.
        private static readonly Regex Needs = new Regex(@"(?<by>nanoFramework\.[A-Za-z0-9.]+?)\s+\d+(\.\d+)+\s+needs\s+(?<id>nanoFramework\.[A-Za-z0-9.]+?)\s*(≥|>=)\s*(?<v>\d+(\.\d+)+)");

        private static readonly Regex Row = new Regex(@"^\|\s*(?<id>nanoFramework\.[A-Za-z0-9.]+?)\s*\|\s*(?<v>\d+(\.\d+)+)\s*\|", RegexOptions.Multiline);

        /// <summary>Package id to version.</summary>
        public static Dictionary<string, string> Parse(string readme)
        {
            Dictionary<string, string> table = new Dictionary<string, string>();
            foreach (Match m in Row.Matches(readme))
            {
                table[m.Groups["id"].Value] = m.Groups["v"].Value;
            }

            return table;
        }

        /// <summary>
        /// The versions a project must pin: the table's, raised where a package it has needs a newer
        /// one of another (the README's "X needs Y ≥ V" sentences; NuGet refuses the table's version there).
        /// </summary>
        public static Dictionary<string, string> ForProject(string readme, ICollection<string> projectPackages)
        {
            Dictionary<string, string> table = Parse(readme);
            foreach (Match m in Needs.Matches(readme))
            {
                if (projectPackages.Contains(m.Groups["by"].Value))
                {
                    table[m.Groups["id"].Value] = m.Groups["v"].Value;
                }
            }

            return table;
        }
    }
}
