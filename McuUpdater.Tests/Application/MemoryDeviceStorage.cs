using System.Collections;
using System.IO;
using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>Device storage in RAM: files by name; counts what was opened and closed.</summary>
    public sealed class MemoryDeviceStorage : IDeviceStorage
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();

        /// <summary>Streams opened so far.</summary>
        public int Opened;

        /// <summary>Adds or replaces a file.</summary>
        public void Put(string path, byte[] content)
        {
            int i = _names.IndexOf(path);
            if (i >= 0)
            {
                _contents[i] = content;
                return;
            }

            _names.Add(path);
            _contents.Add(content);
        }

        /// <summary>Removes a file (the card was swapped).</summary>
        public void Remove(string path)
        {
            int i = _names.IndexOf(path);
            if (i >= 0)
            {
                _names.RemoveAt(i);
                _contents.RemoveAt(i);
            }
        }

        public bool Exists(string path)
        {
            return _names.IndexOf(path) >= 0;
        }

        public Stream OpenRead(string path)
        {
            int i = _names.IndexOf(path);
            if (i < 0)
            {
                throw new IOException(path + " not found");
            }

            Opened++;
            return new MemoryStream((byte[])_contents[i], false);
        }
    }
}
