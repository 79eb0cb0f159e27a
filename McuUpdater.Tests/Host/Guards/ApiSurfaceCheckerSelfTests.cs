using System.Collections.Generic;
using System.IO;
using Xunit;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Proves the API checker fails on what nanoFramework lacks and passes on what it has.</summary>
    public class ApiSurfaceCheckerSelfTests
    {
        private static List<string> CheckBody(string body)
        {
            string text = "namespace P { public class C { public void M() { " + body + " } } }";
            List<IList<SourceFile>> projects = new List<IList<SourceFile>> { new List<SourceFile> { new SourceFile("P/C.cs", text) } };
            return ApiSurfaceChecker.Check(projects, null, ApiGuardInputs.LoadSurface(RepoPaths.ApiFolder), new HashSet<string>(), ApiGuardInputs.References());
        }

        [Fact]
        public void GenericListFails()
        {
            List<string> failures = CheckBody("var l = new System.Collections.Generic.List<int>();");

            Assert.Contains("P/C.cs:1: T:System.Collections.Generic.List`1", failures);
        }

        [Fact]
        public void StringJoinFails()
        {
            List<string> failures = CheckBody("string s = string.Join(\",\", new string[0]);");

            Assert.Contains(failures, f => f.StartsWith("P/C.cs:1: M:System.String.Join("));
        }

        [Fact]
        public void LinqFails()
        {
            List<string> failures = CheckBody("int n = System.Linq.Enumerable.Count(new int[] { 1 });");

            Assert.Contains(failures, f => f.Contains("System.Linq.Enumerable"));
        }

        [Fact]
        public void VolatileFieldFails()
        {
            string text = "namespace P { public class C { private volatile bool _f; public bool F() { return _f; } } }";
            List<IList<SourceFile>> projects = new List<IList<SourceFile>> { new List<SourceFile> { new SourceFile("P/C.cs", text) } };
            List<string> failures = ApiSurfaceChecker.Check(projects, null, ApiGuardInputs.LoadSurface(RepoPaths.ApiFolder), new HashSet<string>(), ApiGuardInputs.References());

            Assert.Contains("P/C.cs:1: T:System.Runtime.CompilerServices.IsVolatile", failures);
        }

        [Fact]
        public void ArrayListAndThreadSleepPass()
        {
            List<string> failures = CheckBody("var a = new System.Collections.ArrayList(); a.Add(1); System.Threading.Thread.Sleep(1);");

            Assert.Empty(failures);
        }

        [Fact]
        public void CompileErrorsAreFailuresNotSilentPasses()
        {
            List<string> failures = CheckBody("undefinedThing();");

            Assert.Contains(failures, f => f.Contains("compile error CS0103"));
        }
    }
}
