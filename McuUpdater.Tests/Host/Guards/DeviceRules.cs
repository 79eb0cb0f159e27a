using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>
    /// What compiles against the device's assemblies but does not run there (the MetadataProcessor or
    /// nanoCLR rejects it): declared generics and default interface members. Everything else is the
    /// compiler's job.
    /// </summary>
    public static class DeviceRules
    {
        /// <summary>"path:line: rule" for every finding in the compilation's sources.</summary>
        public static List<string> Check(CSharpCompilation c)
        {
            List<string> findings = new List<string>();
            foreach (SyntaxTree tree in c.SyntaxTrees)
            {
                foreach (SyntaxNode n in tree.GetRoot().DescendantNodes())
                {
                    string rule = Rule(n);
                    if (rule != null)
                    {
                        FileLinePositionSpan p = n.GetLocation().GetLineSpan();
                        findings.Add(p.Path + ":" + (p.StartLinePosition.Line + 1) + ": " + rule);
                    }
                }
            }

            return findings;
        }

        private static string Rule(SyntaxNode n)
        {
            switch (n)
            {
                case TypeParameterListSyntax _:
                    return "generic declaration (nanoFramework 1.x runs no generic types or methods)";
                case MethodDeclarationSyntax m when m.Parent is InterfaceDeclarationSyntax && (m.Body != null || m.ExpressionBody != null):
                    return "default interface member (nanoCLR has no default interface implementations)";
                case PropertyDeclarationSyntax p when p.Parent is InterfaceDeclarationSyntax && HasBody(p.AccessorList, p.ExpressionBody):
                    return "default interface member (nanoCLR has no default interface implementations)";
                default:
                    return null;
            }
        }

        private static bool HasBody(AccessorListSyntax accessors, ArrowExpressionClauseSyntax arrow)
        {
            if (arrow != null)
            {
                return true;
            }

            if (accessors != null)
            {
                foreach (AccessorDeclarationSyntax a in accessors.Accessors)
                {
                    if (a.Body != null || a.ExpressionBody != null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
