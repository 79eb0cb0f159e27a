using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// The assemblies a nanoFramework project compiles against: the real mscorlib of the pinned
    /// nanoFramework.CoreLibrary package (from the NuGet cache; the test project downloads it) and a
    /// reference assembly generated from the API list of every other package. Built once per run.
    /// </summary>
    public sealed class DeviceReferences
    {
        /// <summary>The CoreLibrary package id, whose mscorlib.dll is used as it is.</summary>
        public const string CoreLibrary = "nanoFramework.CoreLibrary";

        private static readonly Lazy<DeviceReferences> Shared = new Lazy<DeviceReferences>(() => Build(ApiPackages.Load(RepoPaths.ApiFolder)));

        private readonly Dictionary<string, MetadataReference> _byAssembly;

        private DeviceReferences(ApiPackages api, Dictionary<string, MetadataReference> byAssembly, List<string> leftOut)
        {
            Api = api;
            _byAssembly = byAssembly;
            LeftOut = leftOut;
        }

        /// <summary>The references of this run.</summary>
        public static DeviceReferences Instance
        {
            get { return Shared.Value; }
        }

        /// <summary>The API folder they were built from.</summary>
        public ApiPackages Api { get; }

        /// <summary>Listed members the generated assemblies leave out, "id: why".</summary>
        public List<string> LeftOut { get; }

        /// <summary>The reference for an assembly name (mscorlib, System.IO.Ports, ...), or null when no package ships it.</summary>
        public MetadataReference For(string assemblyName)
        {
            MetadataReference r;
            return _byAssembly.TryGetValue(assemblyName, out r) ? r : null;
        }

        /// <summary>Where NuGet keeps a package: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
        public static string NuGetPackageFolder(string id, string version)
        {
            string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }

            return Path.Combine(root, id.ToLowerInvariant(), version);
        }

        private static DeviceReferences Build(ApiPackages api)
        {
            ApiPackage core = null;
            HashSet<string> known = new HashSet<string>(StringComparer.Ordinal);
            foreach (ApiPackage p in api.Packages)
            {
                if (p.Id == CoreLibrary)
                {
                    core = p;
                }

                foreach (string line in api.Lines(p))
                {
                    if (line.StartsWith("T:", StringComparison.Ordinal))
                    {
                        known.Add(line.Split('\t')[0].Trim());
                    }
                }
            }

            if (core == null)
            {
                throw new InvalidOperationException(CoreLibrary + " is not in the version table of " + Path.Combine(api.Folder, "README.md"));
            }

            string mscorlibPath = Path.Combine(NuGetPackageFolder(core.Id, core.Version), "lib", "mscorlib.dll");
            if (!File.Exists(mscorlibPath))
            {
                throw new InvalidOperationException("The device's mscorlib is not at " + mscorlibPath + ": McuUpdater.Tests.csproj downloads " + CoreLibrary + " " + core.Version + " with a PackageDownload item; run 'dotnet restore' (and keep its version equal to the README table).");
            }

            MetadataReference mscorlib = MetadataReference.CreateFromFile(mscorlibPath);
            CSharpCompilation corlibOnly = CSharpCompilation.Create("probe", null, new[] { mscorlib });
            Func<string, bool> inMscorlib = name => corlibOnly.GetTypeByMetadataName(name) != null;

            ReferenceAssemblyGenerator generator = new ReferenceAssemblyGenerator(Oracle(api.Folder), known, inMscorlib);
            Dictionary<string, MetadataReference> byAssembly = new Dictionary<string, MetadataReference>(StringComparer.Ordinal) { { core.AssemblyName, mscorlib } };
            List<MetadataReference> refs = new List<MetadataReference> { mscorlib };
            List<string> friends = new List<string>();
            foreach (ApiPackage p in api.Packages)
            {
                if (p != core)
                {
                    friends.Add(p.AssemblyName);
                }
            }

            foreach (ApiPackage p in api.Packages)
            {
                if (p == core)
                {
                    continue;
                }

                MetadataReference r = generator.Generate(p, api.Lines(p), refs, friends);
                byAssembly[p.AssemblyName] = r;
                refs.Add(r);
            }

            return new DeviceReferences(api, byAssembly, generator.LeftOut);
        }

        /// <summary>Where member shapes come from: .NET's own assemblies, the host TestFramework copy and the nano-only shapes.</summary>
        private static Compilation Oracle(string apiFolder)
        {
            List<SyntaxTree> trees = new List<SyntaxTree>();
            CSharpParseOptions parse = new CSharpParseOptions(LanguageVersion.CSharp10);
            foreach (string f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "McuUpdater.Tests", "Host", "Bridge", "TestFramework"), "*.cs"))
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f));
            }

            string shapes = Path.Combine(apiFolder, "nano-only-shapes.cs.txt");
            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(shapes), parse, shapes));
            return CSharpCompilation.Create("Shapes", trees, ApiGuardInputs.References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }
    }
}
