using System.IO;

namespace McuUpdater.Tests.Support
{
    /// <summary>A read-only stream over bytes that counts every byte read (proves how often an image was read).</summary>
    public sealed class CountingStream : Stream
    {
        private readonly MemoryStream _inner;
        private readonly ReadCounter _counter;

        /// <summary>Reads <paramref name="content"/>, adding to <paramref name="counter"/>.</summary>
        public CountingStream(byte[] content, ReadCounter counter)
        {
            _inner = new MemoryStream(content, false);
            _counter = counter;
        }

        public override bool CanRead
        {
            get { return true; }
        }

        public override bool CanSeek
        {
            get { return true; }
        }

        public override bool CanWrite
        {
            get { return false; }
        }

        public override long Length
        {
            get { return _inner.Length; }
        }

        public override long Position
        {
            get { return _inner.Position; }
            set { _inner.Position = value; }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            _counter.Bytes += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            return _inner.Seek(offset, origin);
        }

        public override void SetLength(long value)
        {
            throw new System.NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new System.NotSupportedException();
        }
    }
}
