using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>What the nfproj compile needs from a nanoFramework project file.</summary>
    public sealed class NfprojFile
    {
        /// <summary>The project type GUID of nanoFramework projects in a solution.</summary>
        public const string NanoProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

        private static readonly Regex SolutionProject = new Regex("^Project\\(\"(?<type>\\{[^}]+\\})\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"(?<path>[^\"]+)\"", RegexOptions.Multiline);

        private NfprojFile(string path)
        {
            Path = path;
        }

        /// <summary>Repository-relative path with '/' separators.</summary>
        public string Path { get; }

        /// <summary>The AssemblyName property.</summary>
        public string AssemblyName { get; private set; }

        /// <summary>Exe or Library.</summary>
        public string OutputType { get; private set; }

        /// <summary>The LangVersion property ("default" when absent).</summary>
        public string LangVersion { get; private set; }

        /// <summary>The Compile items, relative to the project folder with '/' separators.</summary>
        public List<string> Compile { get; } = new List<string>();

        /// <summary>Assembly names of the Reference items ("mscorlib", "System.IO.Ports", ...).</summary>
        public List<string> References { get; } = new List<string>();

        /// <summary>Repository-relative paths of the referenced nfprojs.</summary>
        public List<string> ProjectReferences { get; } = new List<string>();

        /// <summary>The nfprojs the solution lists (nanoFramework project type), in solution order.</summary>
        public static List<string> FromSolution(string root)
        {
            List<string> result = new List<string>();
            foreach (Match m in SolutionProject.Matches(File.ReadAllText(System.IO.Path.Combine(root, "McuUpdater.sln"))))
            {
                if (string.Equals(m.Groups["type"].Value, NanoProjectType, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(m.Groups["path"].Value.Replace('\\', '/'));
                }
            }

            return result;
        }

        /// <summary>Reads a project; <paramref name="path"/> is repository-relative.</summary>
        public static NfprojFile Load(string root, string path)
        {
            NfprojFile p = new NfprojFile(path);
            string folder = System.IO.Path.GetDirectoryName(path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            XDocument doc = XDocument.Load(System.IO.Path.Combine(root, path));
            foreach (XElement e in doc.Descendants())
            {
                string include = (string)e.Attribute("Include");
                switch (e.Name.LocalName)
                {
                    case "AssemblyName":
                        p.AssemblyName = e.Value.Trim();
                        break;
                    case "OutputType":
                        p.OutputType = e.Value.Trim();
                        break;
                    case "LangVersion":
                        p.LangVersion = e.Value.Trim();
                        break;
                    case "Compile" when include != null:
                        p.Compile.Add(include.Replace('\\', '/'));
                        break;
                    case "Reference" when include != null:
                        p.References.Add(include.Split(',')[0].Trim());
                        break;
                    case "ProjectReference" when include != null:
                        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, folder, include.Replace('\\', System.IO.Path.DirectorySeparatorChar)));
                        p.ProjectReferences.Add(System.IO.Path.GetRelativePath(root, full).Replace('\\', '/'));
                        break;
                }
            }

            p.AssemblyName = p.AssemblyName ?? System.IO.Path.GetFileNameWithoutExtension(path);
            p.OutputType = p.OutputType ?? "Library";
            p.LangVersion = p.LangVersion ?? "default";
            return p;
        }
    }
}
