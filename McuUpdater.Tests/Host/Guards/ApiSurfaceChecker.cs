using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>A source file: repository-relative path and text.</summary>
    public sealed class SourceFile
    {
        /// <summary>Creates a file.</summary>
        public SourceFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>Repository-relative path, used in failure lines.</summary>
        public string Path { get; }

        /// <summary>The C# text.</summary>
        public string Text { get; }
    }

    /// <summary>
    /// Compiles portable sources with Roslyn against .NET and reports every symbol they use from
    /// outside their own sources that the nanoFramework surface does not have, as "path:line: id".
    /// </summary>
    public static class ApiSurfaceChecker
    {
        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.CSharp10);

        /// <summary>
        /// Checks <paramref name="projects"/> (in dependency order; each is compiled as its own
        /// assembly referencing the earlier ones and the unchecked <paramref name="bridge"/> sources).
        /// Compile errors are failures too, so a broken compilation never passes silently.
        /// </summary>
        public static List<string> Check(IList<IList<SourceFile>> projects, IList<SourceFile> bridge, ApiSurface api, ISet<string> allow, IEnumerable<MetadataReference> references)
        {
            List<string> failures = new List<string>();
            List<MetadataReference> refs = new List<MetadataReference>(references);
            if (bridge != null && bridge.Count > 0)
            {
                CSharpCompilation b = Compile("Bridge", bridge, refs);
                AddErrors(b, failures);
                refs.Add(b.ToMetadataReference());
            }

            int n = 0;
            foreach (IList<SourceFile> project in projects)
            {
                CSharpCompilation c = Compile("Portable" + n++, project, refs);
                AddErrors(c, failures);
                foreach (SyntaxTree tree in c.SyntaxTrees)
                {
                    new Walker(c.GetSemanticModel(tree), api, allow, failures).Visit(tree.GetRoot());
                }

                refs.Add(c.ToMetadataReference());
            }

            return failures;
        }

        private static CSharpCompilation Compile(string name, IList<SourceFile> files, List<MetadataReference> refs)
        {
            List<SyntaxTree> trees = new List<SyntaxTree>();
            foreach (SourceFile f in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(f.Text, Parse, f.Path));
            }

            CSharpCompilationOptions options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable);
            return CSharpCompilation.Create(name, trees, refs, options);
        }

        private static void AddErrors(CSharpCompilation c, List<string> failures)
        {
            foreach (Diagnostic d in c.GetDiagnostics())
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    FileLinePositionSpan p = d.Location.GetLineSpan();
                    failures.Add(p.Path + ":" + (p.StartLinePosition.Line + 1) + ": compile error " + d.Id + ": " + d.GetMessage());
                }
            }
        }

        private sealed class Walker : CSharpSyntaxWalker
        {
            private readonly SemanticModel _model;
            private readonly ApiSurface _api;
            private readonly ISet<string> _allow;
            private readonly List<string> _failures;
            private readonly HashSet<string> _seen = new HashSet<string>();

            public Walker(SemanticModel model, ApiSurface api, ISet<string> allow, List<string> failures)
            {
                _model = model;
                _api = api;
                _allow = allow;
                _failures = failures;
            }

            public override void Visit(SyntaxNode node)
            {
                if (node != null)
                {
                    CheckNode(node);
                }

                base.Visit(node);
            }

            private void CheckNode(SyntaxNode node)
            {
                if (node is UsingDirectiveSyntax)
                {
                    return;
                }

                SymbolInfo info = _model.GetSymbolInfo(node);
                CheckSymbol(info.Symbol, node);

                if (node is ExpressionSyntax expr)
                {
                    TypeInfo t = _model.GetTypeInfo(expr);
                    CheckSymbol(t.Type, node);
                    CheckSymbol(t.ConvertedType, node);
                    Conversion conv = _model.GetConversion(expr);
                    if (conv.IsUserDefined)
                    {
                        CheckSymbol(conv.MethodSymbol, node);
                    }
                }

                switch (node)
                {
                    case InterpolatedStringExpressionSyntax _:
                        // nano's compiler lowers $"..." to string.Format/Concat; .NET's handler type is not the question.
                        RequireMethod("System.String", "Format", node);
                        break;
                    case BinaryExpressionSyntax b when info.Symbol is IMethodSymbol op && op.MethodKind == MethodKind.BuiltinOperator && op.ContainingType != null && op.ContainingType.SpecialType == SpecialType.System_String:
                        RequireMethod("System.String", "Concat", b);
                        break;
                    case ForEachStatementSyntax f:
                        CheckForEach(_model.GetForEachStatementInfo(f), _model.GetTypeInfo(f.Expression).Type, node);
                        break;
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.VolatileKeyword):
                        // A volatile field carries modreq(IsVolatile): the corlib must define that type.
                        CheckId("T:System.Runtime.CompilerServices.IsVolatile", node);
                        break;
                    case LockStatementSyntax _:
                        RequireMethod("System.Threading.Monitor", "Enter", node);
                        RequireMethod("System.Threading.Monitor", "Exit", node);
                        break;
                    case UsingStatementSyntax _:
                        RequireMethod("System.IDisposable", "Dispose", node);
                        break;
                    case LocalDeclarationStatementSyntax l when l.UsingKeyword != default(SyntaxToken) && l.UsingKeyword.Text.Length > 0:
                        RequireMethod("System.IDisposable", "Dispose", node);
                        break;
                }
            }

            private void CheckForEach(ForEachStatementInfo info, ITypeSymbol collection, SyntaxNode node)
            {
                // foreach over an array is an index loop on both runtimes; others use the enumerator pattern.
                if (collection is IArrayTypeSymbol)
                {
                    return;
                }

                CheckSymbol(info.GetEnumeratorMethod, node);
                CheckSymbol(info.MoveNextMethod, node);
                CheckSymbol(info.CurrentProperty, node);
                CheckSymbol(info.DisposeMethod, node);
            }

            private void RequireMethod(string type, string name, SyntaxNode node)
            {
                if (!_api.HasMethod(type, name))
                {
                    Report("M:" + type + "." + name, node);
                }
            }

            private void CheckSymbol(ISymbol s, SyntaxNode node)
            {
                if (s == null)
                {
                    return;
                }

                if (s is IAliasSymbol alias)
                {
                    s = alias.Target;
                }

                switch (s)
                {
                    case IArrayTypeSymbol a:
                        CheckSymbol(a.ElementType, node);
                        return;
                    case IPointerTypeSymbol _:
                    case IFunctionPointerTypeSymbol _:
                        Report("pointer type " + s.ToDisplayString(), node);
                        return;
                    case INamedTypeSymbol t:
                        CheckType(t, node);
                        return;
                    case IMethodSymbol m:
                        CheckMethod(m, node);
                        return;
                    case IFieldSymbol _:
                    case IPropertySymbol _:
                    case IEventSymbol _:
                        if (!IsFromSource(s))
                        {
                            CheckType(s.ContainingType, node);
                            CheckId(s.OriginalDefinition.GetDocumentationCommentId(), node);
                        }

                        return;
                    default:
                        return; // namespaces, locals, parameters, labels, type parameters, dynamic
                }
            }

            private void CheckType(INamedTypeSymbol t, SyntaxNode node)
            {
                if (t == null || t.TypeKind == TypeKind.Error)
                {
                    return;
                }

                if (t.IsGenericType)
                {
                    foreach (ITypeSymbol arg in t.TypeArguments)
                    {
                        CheckSymbol(arg, node);
                    }
                }

                if (IsFromSource(t))
                {
                    return;
                }

                // nanoFramework has no generics: any constructed or open generic type from outside fails.
                CheckId(t.OriginalDefinition.GetDocumentationCommentId(), node);
                if (t.ContainingType != null)
                {
                    CheckType(t.ContainingType, node);
                }
            }

            private void CheckMethod(IMethodSymbol m, SyntaxNode node)
            {
                if (m.MethodKind == MethodKind.BuiltinOperator || m.MethodKind == MethodKind.LocalFunction || m.MethodKind == MethodKind.AnonymousFunction)
                {
                    return;
                }

                m = m.ReducedFrom ?? m;
                if (IsFromSource(m))
                {
                    return;
                }

                CheckType(m.ContainingType, node);
                string id = m.OriginalDefinition.GetDocumentationCommentId();
                if (m.IsGenericMethod)
                {
                    CheckId(id + " (generic method)", node);
                    return;
                }

                if (_allow.Contains(id))
                {
                    return;
                }

                string name = m.MethodKind == MethodKind.Constructor ? "#ctor" : m.Name;
                // The overload rule: any listed method of that name on the declaring type (or on a type whose
                // method this one overrides, since the call dispatches virtually on the device).
                for (IMethodSymbol cur = m; cur != null; cur = cur.OverriddenMethod)
                {
                    if (_api.HasMethod(TypeName(cur.ContainingType), name))
                    {
                        return;
                    }
                }

                Report(id, node);
            }

            private static string TypeName(INamedTypeSymbol t)
            {
                return t.OriginalDefinition.GetDocumentationCommentId().Substring(2);
            }

            private void CheckId(string id, SyntaxNode node)
            {
                if (id != null && !_api.Has(id) && !_allow.Contains(id))
                {
                    Report(id, node);
                }
            }

            private static bool IsFromSource(ISymbol s)
            {
                foreach (Location l in s.OriginalDefinition.Locations)
                {
                    if (l.IsInSource)
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Report(string id, SyntaxNode node)
            {
                FileLinePositionSpan p = node.GetLocation().GetLineSpan();
                string line = p.Path + ":" + (p.StartLinePosition.Line + 1) + ": " + id;
                if (_seen.Add(line))
                {
                    _failures.Add(line);
                }
            }
        }
    }
}
