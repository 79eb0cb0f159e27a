using System.IO;

namespace McuUpdater.Application
{
    /// <summary>The files the device app reads: configuration and images (SD card, internal flash, or memory in tests).</summary>
    public interface IDeviceStorage
    {
        /// <summary>True when <paramref name="path"/> names a file that can be opened.</summary>
        bool Exists(string path);

        /// <summary>Opens <paramref name="path"/> for reading (seekable); throws when it cannot.</summary>
        Stream OpenRead(string path);
    }
}
