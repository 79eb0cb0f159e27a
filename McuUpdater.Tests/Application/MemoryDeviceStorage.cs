using System;
using System.Collections;
using System.IO;
using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>Device storage in RAM: files by name; counts what was opened and closed. Appends land at once, as flushed writes on a card do.</summary>
    public sealed class MemoryDeviceStorage : IWritableStorage
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
            return new MemoryStream(Content(path), false);
        }

        /// <summary>The file's bytes (a copy), or null.</summary>
        public byte[] Content(string path)
        {
            int i = _names.IndexOf(path);
            if (i < 0)
            {
                return null;
            }

            object c = _contents[i];
            return c is MemoryStream ? ((MemoryStream)c).ToArray() : (byte[])c;
        }

        /// <summary>Renames so far (the fetcher's part file becoming the package).</summary>
        public int Replaces;

        public long LengthOf(string path)
        {
            int i = _names.IndexOf(path);
            if (i < 0)
            {
                return -1;
            }

            object c = _contents[i];
            return c is MemoryStream ? ((MemoryStream)c).Length : ((byte[])c).Length;
        }

        public Stream OpenAppend(string path)
        {
            int i = _names.IndexOf(path);
            MemoryStream file = new MemoryStream();
            if (i >= 0)
            {
                byte[] old = Content(path);
                file.Write(old, 0, old.Length);
                _contents[i] = file;
            }
            else
            {
                _names.Add(path);
                _contents.Add(file);
            }

            return new AppendStream(file);
        }

        public void Delete(string path)
        {
            Remove(path);
        }

        public void Replace(string source, string target)
        {
            byte[] content = Content(source);
            if (content == null)
            {
                throw new IOException(source + " not found");
            }

            Replaces++;
            Remove(target);
            Remove(source);
            Put(target, content);
        }

        // Writes go straight to the stored file (a reset loses nothing that was written), which outlives the stream.
        private sealed class AppendStream : Stream
        {
            private readonly MemoryStream _file;

            public AppendStream(MemoryStream file)
            {
                _file = file;
            }

            public override bool CanRead
            {
                get { return false; }
            }

            public override bool CanSeek
            {
                get { return false; }
            }

            public override bool CanWrite
            {
                get { return true; }
            }

            public override long Length
            {
                get { return _file.Length; }
            }

            public override long Position
            {
                get { return _file.Length; }
                set { throw new NotSupportedException(); }
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                throw new NotSupportedException();
            }

            public override long Seek(long offset, SeekOrigin origin)
            {
                throw new NotSupportedException();
            }

            public override void SetLength(long value)
            {
                throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                _file.Seek(0, SeekOrigin.End);
                _file.Write(buffer, offset, count);
            }
        }
    }
}
