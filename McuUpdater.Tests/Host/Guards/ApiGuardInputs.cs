using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace McuUpdater.Tests.Host.Guards
{
    /// <summary>The .NET assemblies member shapes are read from (see ReferenceAssemblyGenerator).</summary>
    public static class ApiGuardInputs
    {
        /// <summary>The running runtime's assemblies (TRUSTED_PLATFORM_ASSEMBLIES, runtime folder only) plus the host SerialPort and Gpio packages.</summary>
        public static List<MetadataReference> References()
        {
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            List<MetadataReference> refs = new List<MetadataReference>();
            foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator))
            {
                // Only the runtime's own assemblies: the test's dependencies (xunit, Roslyn) are not the device's.
                if (path.Length > 0 && string.Equals(Path.GetDirectoryName(path), runtimeDir, StringComparison.Ordinal))
                {
                    refs.Add(MetadataReference.CreateFromFile(path));
                }
            }

            refs.Add(MetadataReference.CreateFromFile(typeof(System.IO.Ports.SerialPort).Assembly.Location));
            refs.Add(MetadataReference.CreateFromFile(typeof(System.Device.Gpio.GpioController).Assembly.Location));
            return refs;
        }
    }
}
