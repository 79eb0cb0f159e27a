using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// Compiles nfprojs the way nanoFramework's project system does: exactly their Compile items,
    /// their LangVersion, the Debug defines, no standard library, and only the device's assemblies
    /// (<see cref="DeviceReferences"/>) plus the compiled output of the nfprojs they reference.
    /// </summary>
    public sealed class DeviceCompiler
    {
        /// <summary>The symbols nanoFramework's project system defines in a Debug build.</summary>
        public static readonly string[] Defines = { "NANOFRAMEWORK_1_0", "TRACE", "DEBUG" };

        // Part of the TestFramework package, but an executable the project never compiles against.
        private static readonly HashSet<string> NotCompiledAgainst = new HashSet<string>(StringComparer.Ordinal) { "nanoFramework.UnitTestLauncher" };

        private readonly string _root;
        private readonly DeviceReferences _device;
        private readonly Dictionary<string, Result> _done = new Dictionary<string, Result>(StringComparer.Ordinal);

        /// <summary>Creates a compiler for the repository at <paramref name="root"/>.</summary>
        public DeviceCompiler(string root, DeviceReferences device)
        {
            _root = root;
            _device = device;
        }

        /// <summary>Compiles <paramref name="project"/> (repository-relative), its referenced nfprojs first.</summary>
        public Result Compile(string project)
        {
            Result done;
            if (_done.TryGetValue(project, out done))
            {
                return done;
            }

            _done[project] = new Result(project, new List<string> { project + ": project reference cycle" }, null);
            NfprojFile p = NfprojFile.Load(_root, project);
            List<string> errors = new List<string>();
            List<MetadataReference> refs = new List<MetadataReference>();
            foreach (string name in p.References)
            {
                if (NotCompiledAgainst.Contains(name))
                {
                    continue;
                }

                MetadataReference r = _device.For(name);
                if (r == null)
                {
                    errors.Add(project + ": Reference " + name + " is no assembly of a package in tools/nanoframework-api/README.md");
                }
                else
                {
                    refs.Add(r);
                }
            }

            foreach (string other in p.ProjectReferences)
            {
                Result r = Compile(other);
                if (r.Image == null)
                {
                    errors.Add(project + ": referenced " + other + " does not compile");
                }
                else
                {
                    refs.Add(r.Image);
                }
            }

            string folder = Path.GetDirectoryName(Path.Combine(_root, project));
            List<SourceFile> sources = new List<SourceFile>();
            foreach (string item in p.Compile)
            {
                string full = Path.Combine(folder, item.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(full))
                {
                    errors.Add(project + ": <Compile Include> " + item + " does not exist");
                    continue;
                }

                sources.Add(new SourceFile(RepoPaths.Relative(full), File.ReadAllText(full)));
            }

            LanguageVersion lang;
            if (!LanguageVersionFacts.TryParse(p.LangVersion, out lang))
            {
                errors.Add(project + ": LangVersion " + p.LangVersion + " is not a C# version");
                lang = LanguageVersion.Default;
            }

            OutputKind kind = string.Equals(p.OutputType, "Exe", StringComparison.OrdinalIgnoreCase) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            Result result = Build(project, p.AssemblyName, kind, lang, sources, refs, errors);
            _done[project] = result;
            return result;
        }

        /// <summary>Compiles sources as a device assembly; errors are "path:line: CSxxxx: message".</summary>
        public static Result Build(string name, string assemblyName, OutputKind kind, LanguageVersion lang, IList<SourceFile> sources, IList<MetadataReference> refs, List<string> errors)
        {
            CSharpParseOptions parse = new CSharpParseOptions(lang, DocumentationMode.Parse, SourceCodeKind.Regular, Defines);
            List<SyntaxTree> trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToList();
            CSharpCompilationOptions options = new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Disable, optimizationLevel: OptimizationLevel.Debug);
            CSharpCompilation c = CSharpCompilation.Create(assemblyName, trees, refs, options);
            List<string> warnings = new List<string>();
            foreach (Diagnostic d in c.GetDiagnostics())
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    errors.Add(Describe(d));
                }
                else if (d.Severity == DiagnosticSeverity.Warning)
                {
                    warnings.Add(Describe(d));
                }
            }

            MetadataReference image = null;
            if (errors.Count == 0)
            {
                using (MemoryStream pe = new MemoryStream())
                {
                    Microsoft.CodeAnalysis.Emit.EmitResult emitted = c.Emit(pe);
                    if (emitted.Success)
                    {
                        image = MetadataReference.CreateFromImage(pe.ToArray(), filePath: assemblyName + ".dll");
                    }
                    else
                    {
                        errors.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe));
                    }
                }
            }

            return new Result(name, errors, image) { Warnings = warnings, Compilation = c };
        }

        private static string Describe(Diagnostic d)
        {
            if (!d.Location.IsInSource)
            {
                return d.Id + ": " + d.GetMessage();
            }

            FileLinePositionSpan p = d.Location.GetLineSpan();
            return p.Path + ":" + (p.StartLinePosition.Line + 1) + ": " + d.Id + ": " + d.GetMessage();
        }

        /// <summary>The outcome of one project's compile.</summary>
        public sealed class Result
        {
            /// <summary>Creates a result.</summary>
            public Result(string project, List<string> errors, MetadataReference image)
            {
                Project = project;
                Errors = errors;
                Image = image;
            }

            /// <summary>The project.</summary>
            public string Project { get; }

            /// <summary>Errors, "path:line: CSxxxx: message"; empty when it compiled.</summary>
            public List<string> Errors { get; }

            /// <summary>Warnings, same format.</summary>
            public List<string> Warnings { get; set; } = new List<string>();

            /// <summary>The compiled assembly, for the projects that reference this one (null on errors).</summary>
            public MetadataReference Image { get; }

            /// <summary>The Roslyn compilation, for the checks the compiler cannot make.</summary>
            public CSharpCompilation Compilation { get; set; }
        }
    }
}
