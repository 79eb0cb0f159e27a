using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// Builds a reference assembly for one nanoFramework package from its API list: the listed types
    /// and members only, under the package's assembly name and version, compiled by Roslyn against
    /// the device's real mscorlib and the packages generated before it.
    /// </summary>
    /// <remarks>
    /// The lists give names and parameter types but not return, field or property types, nor
    /// static-ness; those come from a shape: the same member found by its documentation id in .NET
    /// (System.* types, System.IO.Ports, System.Device.Gpio), in the host copy of TestFramework, or
    /// in tools/nanoframework-api/nano-only-shapes.cs.txt. Enums and delegates need no shape. A
    /// listed member with no shape, or whose shape does not compile against the device's types, is
    /// left out and reported in <see cref="LeftOut"/> (using it fails the compile, loudly).
    /// </remarks>
    public sealed class ReferenceAssemblyGenerator
    {
        private static readonly SymbolDisplayFormat Fq = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        private readonly Compilation _oracle;
        private readonly HashSet<string> _knownTypes;
        private readonly Func<string, bool> _inMscorlib;
        private readonly List<string> _leftOut = new List<string>();

        /// <summary>Creates a generator; <paramref name="knownTypes"/> are the T: ids of every list, <paramref name="inMscorlib"/> tells whether the real mscorlib defines a type (metadata name).</summary>
        public ReferenceAssemblyGenerator(Compilation oracle, HashSet<string> knownTypes, Func<string, bool> inMscorlib)
        {
            _oracle = oracle;
            _knownTypes = knownTypes;
            _inMscorlib = inMscorlib;
        }

        /// <summary>Listed members and types left out, "id: why".</summary>
        public List<string> LeftOut
        {
            get { return _leftOut; }
        }

        /// <summary>Generates, compiles and emits one package's reference assembly.</summary>
        public MetadataReference Generate(ApiPackage package, IList<string> lines, IList<MetadataReference> references, IEnumerable<string> friendAssemblies)
        {
            List<TypeModel> types = BuildModels(lines);
            StringBuilder prelude = new StringBuilder();
            prelude.Append("[assembly: global::System.Reflection.AssemblyVersion(\"").Append(package.AssemblyVersion).Append("\")]\n");
            foreach (string friend in friendAssemblies)
            {
                // Lets a generated type derive from another package's generated type through its internal constructor.
                prelude.Append("[assembly: global::System.Runtime.CompilerServices.InternalsVisibleTo(\"").Append(friend).Append("\")]\n");
            }

            CSharpParseOptions parse = new CSharpParseOptions(LanguageVersion.CSharp10);
            CSharpCompilationOptions options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, warningLevel: 0);
            for (int attempt = 0; attempt < 40; attempt++)
            {
                List<Span> spans = new List<Span>();
                StringBuilder text = new StringBuilder(prelude.ToString());
                foreach (TypeModel t in types)
                {
                    if (t.Parent == null && !t.Dropped)
                    {
                        Render(t, text, spans);
                    }
                }

                SyntaxTree tree = CSharpSyntaxTree.ParseText(text.ToString(), parse, package.AssemblyName + ".g.cs");
                CSharpCompilation c = CSharpCompilation.Create(package.AssemblyName, new[] { tree }, references, options);
                List<Diagnostic> errors = c.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count == 0)
                {
                    using (MemoryStream pe = new MemoryStream())
                    {
                        EmitResult r = c.Emit(pe, options: new EmitOptions(metadataOnly: true));
                        if (!r.Success)
                        {
                            throw new InvalidOperationException("Emitting " + package.AssemblyName + " failed: " + string.Join("; ", r.Diagnostics));
                        }

                        return MetadataReference.CreateFromImage(pe.ToArray(), filePath: package.AssemblyName + ".dll");
                    }
                }

                bool progress = false;
                foreach (Diagnostic d in errors)
                {
                    if (!d.Location.IsInSource)
                    {
                        continue;
                    }

                    int at = d.Location.SourceSpan.Start;
                    Span hit = null;
                    foreach (Span s in spans)
                    {
                        // The innermost element holding the error: members come after their type in the list.
                        if (at >= s.Start && at < s.End && !s.Element.Dropped)
                        {
                            hit = s;
                        }
                    }

                    if (hit != null)
                    {
                        hit.Element.Dropped = true;
                        _leftOut.Add(hit.Element.Id + ": " + d.Id + " " + d.GetMessage());
                        progress = true;
                    }
                }

                if (!progress)
                {
                    throw new InvalidOperationException("Generated " + package.AssemblyName + " does not compile: " + string.Join("\n", errors.Take(10)) + "\n" + text);
                }
            }

            throw new InvalidOperationException("Generated " + package.AssemblyName + " still does not compile after 40 rounds.");
        }

        private List<TypeModel> BuildModels(IList<string> lines)
        {
            Dictionary<string, TypeModel> byId = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
            List<TypeModel> types = new List<TypeModel>();
            List<string> members = new List<string>();
            foreach (string line in lines)
            {
                string id = line.Split('\t')[0].Trim();
                if (id.StartsWith("T:", StringComparison.Ordinal))
                {
                    TypeModel t = new TypeModel(id);
                    byId[id] = t;
                    types.Add(t);
                }
                else
                {
                    members.Add(id);
                }
            }

            // Nested types hang under their parent (ids share the prefix "T:Outer.Inner").
            types.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            foreach (TypeModel t in types)
            {
                string name = t.Id.Substring(2);
                int dot = name.LastIndexOf('.');
                TypeModel parent;
                if (dot > 0 && byId.TryGetValue("T:" + name.Substring(0, dot), out parent))
                {
                    t.Parent = parent;
                    parent.Nested.Add(t);
                }

                t.Shape = DocumentationCommentId.GetFirstSymbolForDeclarationId(t.Id, _oracle) as INamedTypeSymbol;
            }

            foreach (string id in members)
            {
                TypeModel owner = OwnerOf(id, byId);
                if (owner == null)
                {
                    _leftOut.Add(id + ": its type is not in the same list");
                    continue;
                }

                owner.MemberIds.Add(id);
            }

            List<TypeModel> kept = new List<TypeModel>();
            foreach (TypeModel t in types)
            {
                if (_inMscorlib(t.Id.Substring(2)))
                {
                    // The device's mscorlib already defines it: a second definition would only make the name ambiguous.
                    t.Dropped = true;
                    continue;
                }

                t.Kind = KindOf(t);
                if (t.Kind == null)
                {
                    t.Dropped = true;
                    _leftOut.Add(t.Id + ": no shape (add it to nano-only-shapes.cs.txt)");
                    continue;
                }

                BuildMembers(t);
                kept.Add(t);
            }

            return kept;
        }

        private static TypeModel OwnerOf(string memberId, Dictionary<string, TypeModel> byId)
        {
            string name = memberId.Substring(2);
            int paren = name.IndexOf('(');
            if (paren >= 0)
            {
                name = name.Substring(0, paren);
            }

            // A generic method's arity ("``1") belongs to the member, not the type.
            int dot = name.LastIndexOf('.');
            while (dot > 0)
            {
                TypeModel t;
                if (byId.TryGetValue("T:" + name.Substring(0, dot), out t))
                {
                    return t;
                }

                dot = name.LastIndexOf('.', dot - 1);
            }

            return null;
        }

        private string KindOf(TypeModel t)
        {
            if (t.Shape != null)
            {
                switch (t.Shape.TypeKind)
                {
                    case TypeKind.Enum: return "enum";
                    case TypeKind.Delegate: return "delegate";
                    case TypeKind.Interface: return "interface";
                    case TypeKind.Struct: return "struct";
                    case TypeKind.Class: return "class";
                }
            }

            // Without a shape, only what the ids alone prove: a delegate (Invoke and the (object, IntPtr)
            // constructor), or an enum (fields only; the lists give enums a constructor too).
            string name = t.Id.Substring(2);
            bool hasInvoke = t.MemberIds.Any(m => m.StartsWith("M:" + name + ".Invoke", StringComparison.Ordinal));
            bool delegateCtor = t.MemberIds.Contains("M:" + name + ".#ctor(System.Object,System.IntPtr)");
            if (hasInvoke && delegateCtor)
            {
                return "delegate";
            }

            bool onlyFields = t.MemberIds.Count > 0 && t.MemberIds.All(m => m.StartsWith("F:", StringComparison.Ordinal) || m == "M:" + name + ".#ctor");
            return onlyFields && t.MemberIds.Any(m => m.StartsWith("F:", StringComparison.Ordinal)) ? "enum" : null;
        }

        private void BuildMembers(TypeModel t)
        {
            string name = t.Id.Substring(2);
            string simple = Simple(t);
            if (t.Kind == "enum")
            {
                int next = 0;
                foreach (string id in t.MemberIds.Where(m => m.StartsWith("F:", StringComparison.Ordinal)))
                {
                    IFieldSymbol f = Shape(id) as IFieldSymbol;
                    string value = f != null && f.HasConstantValue ? Convert.ToString(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) : (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    t.Members.Add(new Element(id, Escape(id.Substring(id.LastIndexOf('.') + 1)) + " = " + value + ","));
                }

                t.Underlying = t.Shape != null && t.Shape.EnumUnderlyingType != null ? t.Shape.EnumUnderlyingType.ToDisplayString(Fq) : null;
                return;
            }

            if (t.Kind == "delegate")
            {
                IMethodSymbol invoke = t.Shape != null ? t.Shape.DelegateInvokeMethod : null;
                string invokeId = t.MemberIds.FirstOrDefault(m => m.StartsWith("M:" + name + ".Invoke", StringComparison.Ordinal));
                t.DelegateSignature = invoke != null
                    ? invoke.ReturnType.ToDisplayString(Fq) + " " + simple + "(" + Parameters(invoke) + ")"
                    : "void " + simple + "(" + ParametersFromId(invokeId) + ")";
                return;
            }

            HashSet<string> listed = new HashSet<string>(t.MemberIds, StringComparer.Ordinal);
            HashSet<ISymbol> done = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            bool parameterlessCtor = false;
            foreach (string id in t.MemberIds)
            {
                ISymbol s = Shape(id) ?? InheritedShape(t, id);
                if (s == null || !DeclaredFor(t, s))
                {
                    if (!id.EndsWith(".Finalize", StringComparison.Ordinal))
                    {
                        _leftOut.Add(id + ": no shape");
                    }

                    continue;
                }

                if (s is IMethodSymbol am && am.AssociatedSymbol != null)
                {
                    s = am.AssociatedSymbol; // accessor → its property or event
                }

                if (!done.Add(s))
                {
                    continue;
                }

                string text = RenderMember(t, s, listed);
                if (text == null)
                {
                    continue;
                }

                if (s is IMethodSymbol ctor && ctor.MethodKind == MethodKind.Constructor && ctor.Parameters.Length == 0)
                {
                    parameterlessCtor = true;
                }

                t.Members.Add(new Element(id, text));
            }

            if (t.Kind == "class" && !t.Shape.IsStatic && !parameterlessCtor)
            {
                // Stops C# from adding a public default constructor the device does not have; derived generated types use it.
                t.Members.Insert(0, new Element(t.Id + " (internal constructor)", "internal " + simple + "() { }"));
            }
        }

        /// <summary>
        /// True when the shape <paramref name="s"/> is declared by the type itself, or by a .NET base
        /// type the device does not have (SerialPort.Dispose comes from .NET's Component there).
        /// </summary>
        private bool DeclaredFor(TypeModel t, ISymbol s)
        {
            if (SymbolEqualityComparer.Default.Equals(s.ContainingType, t.Shape))
            {
                return true;
            }

            for (INamedTypeSymbol b = t.Shape.BaseType; b != null; b = b.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(b, s.ContainingType))
                {
                    return !_knownTypes.Contains(b.OriginalDefinition.GetDocumentationCommentId());
                }
            }

            return false;
        }

        /// <summary>
        /// A listed member that .NET declares on a base type the device does not have (SerialPort's
        /// Dispose() is Component's there): the same id with that base type's name.
        /// </summary>
        private ISymbol InheritedShape(TypeModel t, string id)
        {
            if (t.Shape == null)
            {
                return null;
            }

            string own = t.Id.Substring(2);
            string rest = id.Substring(2 + own.Length);
            for (INamedTypeSymbol b = t.Shape.BaseType; b != null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
            {
                string baseId = b.OriginalDefinition.GetDocumentationCommentId();
                if (_knownTypes.Contains(baseId))
                {
                    return null; // a base the device has declares it itself
                }

                ISymbol s = DocumentationCommentId.GetFirstSymbolForDeclarationId(id.Substring(0, 2) + baseId.Substring(2) + rest, _oracle);
                if (s != null)
                {
                    return s;
                }
            }

            return null;
        }

        private string RenderMember(TypeModel t, ISymbol s, HashSet<string> listed)
        {
            bool iface = t.Kind == "interface";
            string stat = s.IsStatic ? "static " : string.Empty;
            string access = iface ? string.Empty : "public ";
            switch (s)
            {
                case IFieldSymbol f:
                    if (f.IsConst)
                    {
                        return access + "const " + f.Type.ToDisplayString(Fq) + " " + Escape(f.Name) + " = " + Literal(f.Type, f.ConstantValue) + ";";
                    }

                    return access + stat + (f.IsReadOnly ? "readonly " : string.Empty) + f.Type.ToDisplayString(Fq) + " " + Escape(f.Name) + ";";
                case IEventSymbol e:
                    return access + stat + Virtuality(e, iface) + "event " + e.Type.ToDisplayString(Fq) + " " + Escape(e.Name) + ";";
                case IPropertySymbol p:
                    {
                        string accessors = string.Empty;
                        bool anyListed = (p.GetMethod != null && listed.Contains(p.GetMethod.GetDocumentationCommentId())) || (p.SetMethod != null && listed.Contains(p.SetMethod.GetDocumentationCommentId()));
                        if (p.GetMethod != null && p.GetMethod.DeclaredAccessibility == Accessibility.Public && (!anyListed || listed.Contains(p.GetMethod.GetDocumentationCommentId())))
                        {
                            accessors += iface ? "get; " : "get { throw null; } ";
                        }

                        if (p.SetMethod != null && p.SetMethod.DeclaredAccessibility == Accessibility.Public && !p.SetMethod.IsInitOnly && (!anyListed || listed.Contains(p.SetMethod.GetDocumentationCommentId())))
                        {
                            accessors += iface ? "set; " : "set { } ";
                        }

                        if (accessors.Length == 0)
                        {
                            return null;
                        }

                        string name = p.IsIndexer ? "this[" + Parameters(p.Parameters) + "]" : Escape(p.Name);
                        return access + stat + Virtuality(p, iface) + p.Type.ToDisplayString(Fq) + " " + name + " { " + accessors + "}";
                    }

                case IMethodSymbol m:
                    {
                        string body = iface ? ";" : " { throw null; }";
                        switch (m.MethodKind)
                        {
                            case MethodKind.Constructor:
                                if (t.Kind == "struct" && m.Parameters.Length == 0)
                                {
                                    return null;
                                }

                                return "public " + Simple(t) + "(" + Parameters(m) + ") { }";
                            case MethodKind.Destructor:
                            case MethodKind.StaticConstructor:
                                return null;
                            case MethodKind.UserDefinedOperator:
                                return "public static " + m.ReturnType.ToDisplayString(Fq) + " operator " + SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(m.MetadataName)) + "(" + Parameters(m) + ")" + body;
                            case MethodKind.Conversion:
                                return "public static " + (m.Name == "op_Implicit" ? "implicit" : "explicit") + " operator " + m.ReturnType.ToDisplayString(Fq) + "(" + Parameters(m) + ")" + body;
                            case MethodKind.Ordinary:
                                if (m.IsGenericMethod)
                                {
                                    return null;
                                }

                                string ext = m.IsExtensionMethod ? "this " : string.Empty;
                                return access + stat + Virtuality(m, iface) + m.ReturnType.ToDisplayString(Fq) + " " + Escape(m.Name) + "(" + ext + Parameters(m) + ")" + body;
                            default:
                                return null;
                        }
                    }

                default:
                    return null;
            }
        }

        private string Virtuality(ISymbol s, bool iface)
        {
            if (iface || s.IsStatic)
            {
                return string.Empty;
            }

            if (s.IsOverride)
            {
                // Overrides only what is itself listed (or in the real mscorlib); else the member is declared here.
                ISymbol baseMember = s is IMethodSymbol m ? m.OverriddenMethod : s is IPropertySymbol p ? p.OverriddenProperty : (ISymbol)((IEventSymbol)s).OverriddenEvent;
                while (baseMember != null && baseMember.IsOverride)
                {
                    baseMember = baseMember is IMethodSymbol bm ? bm.OverriddenMethod : baseMember is IPropertySymbol bp ? bp.OverriddenProperty : (ISymbol)((IEventSymbol)baseMember).OverriddenEvent;
                }

                if (baseMember != null && _knownTypes.Contains(baseMember.ContainingType.OriginalDefinition.GetDocumentationCommentId()))
                {
                    return "override ";
                }

                return s.IsSealed ? string.Empty : "virtual ";
            }

            return s.IsVirtual || s.IsAbstract ? "virtual " : string.Empty;
        }

        private ISymbol Shape(string id)
        {
            return DocumentationCommentId.GetFirstSymbolForDeclarationId(id, _oracle);
        }

        private static string Parameters(IMethodSymbol m)
        {
            return Parameters(m.Parameters);
        }

        private static string Parameters(IEnumerable<IParameterSymbol> ps)
        {
            List<string> parts = new List<string>();
            foreach (IParameterSymbol p in ps)
            {
                string mod = p.RefKind == RefKind.Ref ? "ref " : p.RefKind == RefKind.Out ? "out " : p.RefKind == RefKind.In ? "in " : p.IsParams ? "params " : string.Empty;
                string def = p.HasExplicitDefaultValue ? " = " + Literal(p.Type, p.ExplicitDefaultValue) : string.Empty;
                parts.Add(mod + p.Type.ToDisplayString(Fq) + " " + Escape(p.Name) + def);
            }

            return string.Join(", ", parts);
        }

        private static string ParametersFromId(string id)
        {
            if (id == null || id.IndexOf('(') < 0)
            {
                return string.Empty;
            }

            string inner = id.Substring(id.IndexOf('(') + 1).TrimEnd(')');
            string[] types = inner.Split(',');
            List<string> parts = new List<string>();
            for (int i = 0; i < types.Length; i++)
            {
                parts.Add("global::" + types[i].Replace("@", string.Empty) + " p" + i);
            }

            return string.Join(", ", parts);
        }

        private static string Literal(ITypeSymbol type, object value)
        {
            if (value == null)
            {
                return type.IsValueType ? "default" : "null";
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return "(" + type.ToDisplayString(Fq) + ")" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }

            string formatted = SymbolDisplay.FormatPrimitive(value, true, false);
            if (value is float)
            {
                return formatted + "F";
            }

            if (value is long)
            {
                return formatted + "L";
            }

            if (value is ulong)
            {
                return formatted + "UL";
            }

            if (value is uint)
            {
                return formatted + "U";
            }

            if (value is byte || value is sbyte || value is short || value is ushort)
            {
                return "(" + type.ToDisplayString(Fq) + ")" + formatted;
            }

            return formatted;
        }

        private static string Escape(string name)
        {
            return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        }

        private static string Simple(TypeModel t)
        {
            string name = t.Id.Substring(2);
            return name.Substring(name.LastIndexOf('.') + 1);
        }

        private void Render(TypeModel t, StringBuilder text, List<Span> spans)
        {
            int typeStart = text.Length;
            string name = t.Id.Substring(2);
            string ns = t.Parent == null && name.LastIndexOf('.') > 0 ? name.Substring(0, name.LastIndexOf('.')) : null;
            if (ns != null)
            {
                text.Append("namespace ").Append(ns).Append(" {\n");
            }

            string simple = Simple(t);
            if (t.Kind == "delegate")
            {
                text.Append("public delegate ").Append(t.DelegateSignature).Append(";\n");
            }
            else
            {
                string mods = string.Empty;
                if (t.Kind == "class" && t.Shape != null)
                {
                    mods = t.Shape.IsStatic ? "static " : t.Shape.IsAbstract ? "abstract " : t.Shape.IsSealed ? "sealed " : string.Empty;
                }

                text.Append(AttributeUsage(t));
                text.Append("public ").Append(mods).Append(t.Kind).Append(' ').Append(simple);
                List<Element> bases = BaseList(t);
                string sep = " : ";
                if (t.Kind == "enum" && t.Underlying != null)
                {
                    text.Append(" : ").Append(t.Underlying);
                    sep = ", ";
                }

                foreach (Element b in bases)
                {
                    if (b.Dropped)
                    {
                        continue;
                    }

                    text.Append(sep);
                    int s = text.Length;
                    text.Append(b.Text);
                    spans.Add(new Span(s, text.Length, b));
                    sep = ", ";
                }

                text.Append(" {\n");
                foreach (Element m in t.Members)
                {
                    if (!m.Dropped)
                    {
                        int s = text.Length;
                        text.Append(m.Text);
                        spans.Add(new Span(s, text.Length, m));
                        text.Append('\n');
                    }
                }

                foreach (TypeModel n in t.Nested)
                {
                    if (!n.Dropped)
                    {
                        Render(n, text, spans);
                    }
                }

                text.Append("}\n");
            }

            if (ns != null)
            {
                text.Append("}\n");
            }

            // The type's own span comes first so that its members (later, nested) win as innermost.
            spans.Insert(0, new Span(typeStart, text.Length, t));
        }

        /// <summary>An attribute class keeps its [AttributeUsage]: AllowMultiple decides whether [DataRow] may repeat.</summary>
        private static string AttributeUsage(TypeModel t)
        {
            if (t.Shape == null)
            {
                return string.Empty;
            }

            foreach (AttributeData a in t.Shape.GetAttributes())
            {
                if (a.AttributeClass != null && a.AttributeClass.ToDisplayString() == "System.AttributeUsageAttribute" && a.ConstructorArguments.Length == 1)
                {
                    string usage = "[global::System.AttributeUsage((global::System.AttributeTargets)" + Convert.ToString(a.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture);
                    foreach (KeyValuePair<string, TypedConstant> n in a.NamedArguments)
                    {
                        usage += ", " + n.Key + " = " + (n.Value.Value is bool b ? (b ? "true" : "false") : Convert.ToString(n.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    return usage + ")]\n";
                }
            }

            return string.Empty;
        }

        private List<Element> BaseList(TypeModel t)
        {
            if (t.Bases != null)
            {
                return t.Bases;
            }

            t.Bases = new List<Element>();
            if (t.Shape == null || t.Kind == "enum")
            {
                return t.Bases;
            }

            if (t.Kind == "class")
            {
                for (INamedTypeSymbol b = t.Shape.BaseType; b != null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
                {
                    if (_knownTypes.Contains(b.OriginalDefinition.GetDocumentationCommentId()))
                    {
                        t.Bases.Add(new Element(t.Id + " : " + b.Name, b.ToDisplayString(Fq)));
                        break;
                    }
                }
            }

            foreach (INamedTypeSymbol i in t.Shape.AllInterfaces)
            {
                if (!i.IsGenericType && _knownTypes.Contains(i.OriginalDefinition.GetDocumentationCommentId()))
                {
                    t.Bases.Add(new Element(t.Id + " : " + i.Name, i.ToDisplayString(Fq)));
                }
            }

            return t.Bases;
        }

        /// <summary>Something that can be dropped when it does not compile: a type, a member or a base.</summary>
        private class Element
        {
            public Element(string id, string text)
            {
                Id = id;
                Text = text;
            }

            public string Id { get; }

            public string Text { get; }

            public bool Dropped { get; set; }
        }

        private sealed class TypeModel : Element
        {
            public TypeModel(string id) : base(id, null)
            {
            }

            public INamedTypeSymbol Shape { get; set; }

            public string Kind { get; set; }

            public string Underlying { get; set; }

            public string DelegateSignature { get; set; }

            public TypeModel Parent { get; set; }

            public List<TypeModel> Nested { get; } = new List<TypeModel>();

            public List<string> MemberIds { get; } = new List<string>();

            public List<Element> Members { get; } = new List<Element>();

            public List<Element> Bases { get; set; }
        }

        private sealed class Span
        {
            public Span(int start, int end, Element element)
            {
                Start = start;
                End = end;
                Element = element;
            }

            public int Start { get; }

            public int End { get; }

            public Element Element { get; }
        }
    }
}
