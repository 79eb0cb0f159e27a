using System.Reflection;

[assembly: AssemblyTitle("McuUpdater.Esp32")]
[assembly: AssemblyDescription("McuUpdater for an ESP32 board: updates a Quectel-class module from the SD card, relays a PC to it, or runs a two-slot bench.")]
[assembly: AssemblyProduct("McuUpdater")]
[assembly: AssemblyVersion("1.0.0.0")]
