using System.IO;

namespace McuUpdater.Application
{
    /// <summary>Device storage over the file system (<c>D:\</c> SD card, <c>I:\</c> internal flash on the device).</summary>
    public sealed class FileDeviceStorage : IWritableStorage
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

        /// <inheritdoc />
        public long LengthOf(string path)
        {
            if (!File.Exists(path))
            {
                return -1;
            }

            return new FileInfo(path).Length;
        }

        /// <inheritdoc />
        public Stream OpenAppend(string path)
        {
            string folder = Path.GetDirectoryName(path);
            if (folder != null && folder.Length > 0 && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return new FileStream(path, FileMode.Append, FileAccess.Write);
        }

        /// <inheritdoc />
        public void Delete(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <inheritdoc />
        public void Replace(string source, string target)
        {
            // FAT has no atomic replace: a reset between the two steps leaves the verified source
            // and no target, which the fetcher finishes at the next start (it never leaves a bad target).
            Delete(target);
            File.Move(source, target);
        }
    }
}
