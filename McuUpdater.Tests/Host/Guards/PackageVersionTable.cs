using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Reads the "| package | version | list |" table of nanoframework-api/README.md.</summary>
    public static class PackageVersionTable
    {
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
    }
}
