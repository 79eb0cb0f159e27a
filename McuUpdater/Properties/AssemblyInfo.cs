using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("McuUpdater")]
[assembly: AssemblyDescription("Rewrites a Quectel-class module's firmware over its boot-ROM UART protocol.")]
[assembly: AssemblyProduct("McuUpdater")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: InternalsVisibleTo("NFUnitTest")]
