using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Portable tests of McuUpdater: run on nanoCLR (nfproj) and under dotnet test (csproj).")]
[assembly: AssemblyProduct("McuUpdater")]
[assembly: AssemblyVersion("1.0.0.0")]
