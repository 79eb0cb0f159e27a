using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("McuUpdater.ModuleSimulator")]
[assembly: AssemblyDescription("Portable model of a Quectel-class module's boot ROM and firmware, on a virtual or real wire.")]
[assembly: AssemblyProduct("McuUpdater")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: InternalsVisibleTo("NFUnitTest")]
