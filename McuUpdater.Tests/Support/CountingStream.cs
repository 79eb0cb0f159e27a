using System.IO;

namespace McuUpdater.Tests.Support
{
    /// <summary>A read-only memory stream that counts every byte read (proves how often an image was read).</summary>
    public sealed class CountingStream : MemoryStream
    {
        private readonly ReadCounter _counter;

        /// <summary>Reads <paramref name="content"/>, adding to <paramref name="counter"/>.</summary>
        public CountingStream(byte[] content, ReadCounter counter)
            : base(content, false)
        {
            _counter = counter;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = base.Read(buffer, offset, count);
            _counter.Bytes += n;
            return n;
        }
    }
}
