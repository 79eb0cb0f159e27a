using System.IO;

namespace McuUpdater.Application
{
    /// <summary>Device storage over the file system (<c>D:\</c> SD card, <c>I:\</c> internal flash on the device).</summary>
    public sealed class FileDeviceStorage : IDeviceStorage
    {
        /// <inheritdoc />
        public bool Exists(string path)
        {
            return File.Exists(path);
        }

        /// <inheritdoc />
        public Stream OpenRead(string path)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read);
        }
    }
}
