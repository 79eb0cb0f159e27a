using System.IO;
using McuUpdater.Application;
using McuUpdater.Tests.Support;

namespace McuUpdater.Tests.Application
{
    /// <summary>One file in RAM whose every byte read is counted.</summary>
    public sealed class CountingDeviceStorage : IDeviceStorage
    {
        private readonly string _path;
        private readonly byte[] _content;

        public CountingDeviceStorage(string path, byte[] content, ReadCounter counter)
        {
            _path = path;
            _content = content;
            Counter = counter;
        }

        /// <summary>Bytes read from the file so far.</summary>
        public ReadCounter Counter { get; private set; }

        public bool Exists(string path)
        {
            return path == _path;
        }

        public Stream OpenRead(string path)
        {
            if (path != _path)
            {
                throw new IOException(path + " not found");
            }

            return new CountingStream(_content, Counter);
        }
    }
}
