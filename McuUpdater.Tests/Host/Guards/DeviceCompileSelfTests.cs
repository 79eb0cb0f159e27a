using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Proves the device compile fails on what nanoFramework cannot build and passes what it can.</summary>
    [Collection(DeviceCompileCollection.Name)]
    public class DeviceCompileSelfTests
    {
        private readonly ITestOutputHelper _output;

        /// <summary>Created by xunit.</summary>
        public DeviceCompileSelfTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Compiles one file, referencing every package of the API folder; returns errors and the rule checker's findings.</summary>
        public static List<string> CompileForDevice(string text)
        {
            DeviceReferences device = DeviceReferences.Instance;
            List<MetadataReference> refs = new List<MetadataReference>();
            foreach (ApiPackage p in device.Api.Packages)
            {
                refs.Add(device.For(p.AssemblyName));
            }

            List<string> errors = new List<string>();
            DeviceCompiler.Result r = DeviceCompiler.Build("Probe", "Probe", OutputKind.DynamicallyLinkedLibrary, LanguageVersion.CSharp10, new List<SourceFile> { new SourceFile("P/C.cs", text) }, refs, errors);
            errors.AddRange(DeviceRules.Check(r.Compilation));
            return errors;
        }

        private static string InMethod(string body)
        {
            return "namespace P { public class C { public static void M() { " + body + " } } }";
        }

        [Theory]
        [InlineData("long a = 1, b = 2; long m = System.Math.Min(a, b);")]
        [InlineData("long a = 1, b = 2; long m = System.Math.Max(a, b);")]
        [InlineData("long a = -1; long m = System.Math.Abs(a);")]
        [InlineData("bool b = \"ab\".Contains('a');")]
        [InlineData("bool b = \"ab\".StartsWith('a');")]
        [InlineData("string[] p = \"a,b\".Split(',', 2);")]
        [InlineData("System.Diagnostics.Debug.WriteLine(\"{0}\", 1);")]
        [InlineData("string s = string.Join(\",\", new string[0]);")]
        [InlineData("var l = new System.Collections.Generic.List<int>();")]
        [InlineData("int n = System.Linq.Enumerable.Count(new int[] { 1 });")]
        [InlineData("nanoFramework.Hardware.Esp32.Sleep.EnableWakeupByTouchPad();")]
        [InlineData("var p = new System.IO.Ports.SerialPort(\"COM2\"); p.DiscardInBuffer();")]
        public void CallThatIsNotOnTheDeviceFails(string body)
        {
            List<string> errors = CompileForDevice(InMethod(body));
            foreach (string e in errors)
            {
                _output.WriteLine(e);
            }

            Assert.Contains(errors, e => e.StartsWith("P/C.cs:1: "));
        }

        [Theory]
        [InlineData("namespace P { public record R(int X); }")]
        [InlineData("namespace P { public class C { public static System.Collections.IEnumerable E() { yield return 1; } } }")]
        [InlineData("namespace P { public class C { public static async void M() { } } }")]
        [InlineData("namespace P { public class G<T> { } }")]
        [InlineData("namespace P { public class C { public static void M<T>() { } } }")]
        [InlineData("namespace P { public interface I { int M() { return 1; } } }")]
        [InlineData("namespace P { public class C { private volatile bool _f; public bool F() { return _f; } } }")]
        public void DeclarationTheDeviceCannotRunFails(string text)
        {
            List<string> errors = CompileForDevice(text);
            foreach (string e in errors)
            {
                _output.WriteLine(e);
            }

            Assert.Contains(errors, e => e.StartsWith("P/C.cs:1: "));
        }

        [Theory]
        [InlineData("foreach (char c in \"abc\") { }")]
        [InlineData("int i = System.Array.IndexOf(new byte[] { 1, 2 }, (byte)2);")]
        [InlineData("var sb = new System.Text.StringBuilder(); int x = 1; sb.Append($\"x={x}\");")]
        [InlineData("var a = new System.Collections.ArrayList(); a.Add(1); System.Threading.Thread.Sleep(1);")]
        [InlineData("long t = System.Environment.TickCount64; object o = new object(); lock (o) { }")]
        [InlineData("using (var p = new System.IO.Ports.SerialPort(\"COM2\", 115200, System.IO.Ports.Parity.None, 8, System.IO.Ports.StopBits.One)) { p.ReadBufferSize = 4096; p.Open(); }")]
        [InlineData("nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(16, nanoFramework.Hardware.Esp32.DeviceFunction.COM2_RX); var e = nanoFramework.Hardware.Esp32.Sleep.EnableWakeupByTimer(System.TimeSpan.FromSeconds(1));")]
        [InlineData("var card = new nanoFramework.System.IO.FileSystem.SDCard(new nanoFramework.System.IO.FileSystem.SDCardMmcParameters { slotIndex = 0 }, null); card.Mount(); nanoFramework.Runtime.Native.Power.RebootDevice(nanoFramework.Runtime.Native.RebootOption.NormalReboot);")]
        public void WhatTheDeviceHasCompiles(string body)
        {
            List<string> errors = CompileForDevice(InMethod(body));

            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void CompileErrorsNameFileLineAndTheCompilersMessage()
        {
            List<string> errors = CompileForDevice(InMethod("undefinedThing();"));

            Assert.Contains(errors, e => e.StartsWith("P/C.cs:1: CS0103: The name 'undefinedThing' does not exist"));
        }
    }
}

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>Proves a generated reference holds the listed members only, whatever its shape holds.</summary>
    [Collection(DeviceCompileCollection.Name)]
    public class ReferenceAssemblyGeneratorTests
    {
        [Fact]
        public void OnlyListedMembersOfAShapeAreGenerated()
        {
            const string Shape = "namespace Nf.Demo { public static class Pins { public static int Listed(int pin) { return pin; } public static void NotListed() { } } public enum Mode { A, B } }";
            Compilation oracle = CSharpCompilation.Create("Oracle", new[] { CSharpSyntaxTree.ParseText(Shape) }, ApiGuardInputs.References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            string[] lines =
            {
                "T:Nf.Demo.Pins\tNf.Demo.Pins",
                "M:Nf.Demo.Pins.Listed(System.Int32)\tNf.Demo.Pins.Listed(int)",
                "M:Nf.Demo.Pins.Missing\tNf.Demo.Pins.Missing()",
                "T:Nf.Demo.Mode\tNf.Demo.Mode",
                "F:Nf.Demo.Mode.A\tNf.Demo.Mode.A",
            };
            DeviceReferences device = DeviceReferences.Instance;
            MetadataReference mscorlib = device.For("mscorlib");
            HashSet<string> known = new HashSet<string> { "T:Nf.Demo.Pins", "T:Nf.Demo.Mode" };
            ReferenceAssemblyGenerator g = new ReferenceAssemblyGenerator(oracle, known, name => false);
            MetadataReference demo = g.Generate(new ApiPackage("nanoFramework.Demo", "1.2.3", "Nf.Demo.txt"), lines, new List<MetadataReference> { mscorlib }, new string[0]);

            List<string> errors = new List<string>();
            string ok = "namespace P { public class C { public static int M() { return Nf.Demo.Pins.Listed((int)Nf.Demo.Mode.A); } } }";
            DeviceCompiler.Build("ok", "ok", OutputKind.DynamicallyLinkedLibrary, LanguageVersion.CSharp10, new List<SourceFile> { new SourceFile("P/C.cs", ok) }, new List<MetadataReference> { mscorlib, demo }, errors);
            Assert.Empty(errors);

            string bad = "namespace P { public class C { public static void M() { Nf.Demo.Pins.NotListed(); int b = (int)Nf.Demo.Mode.B; } } }";
            DeviceCompiler.Build("bad", "bad", OutputKind.DynamicallyLinkedLibrary, LanguageVersion.CSharp10, new List<SourceFile> { new SourceFile("P/C.cs", bad) }, new List<MetadataReference> { mscorlib, demo }, errors);
            Assert.Contains(errors, e => e.Contains("CS0117") && e.Contains("NotListed"));
            Assert.Contains(errors, e => e.Contains("CS0117") && e.Contains("'B'"));
            Assert.Contains(g.LeftOut, s => s.StartsWith("M:Nf.Demo.Pins.Missing: no shape"));
        }
    }
}
