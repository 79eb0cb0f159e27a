using System;
using McuUpdater.Protocol;

namespace McuUpdater.Tests.Support
{
    /// <summary>Builds a test byte stream of frames and noise, remembering what a decoder should find.</summary>
    public sealed class FrameStream
    {
        private readonly byte[] _buffer;

        /// <summary>Creates an empty stream of at most <paramref name="capacity"/> bytes.</summary>
        public FrameStream(int capacity)
        {
            _buffer = new byte[capacity];
            Expected = new System.Collections.ArrayList();
        }

        /// <summary>The bytes so far.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>How many bytes have been written.</summary>
        public int Length { get; private set; }

        /// <summary>The frames a decoder should report, as <see cref="FrameCollector.Describe"/> strings.</summary>
        public System.Collections.ArrayList Expected { get; private set; }

        /// <summary>Appends a frame and records it as expected; returns where it starts.</summary>
        public int AddFrame(int type, byte[] data, int offset, int count)
        {
            int at = Length;
            Length += FrameEncoder.Encode(_buffer, at, type, data, offset, count);
            Expected.Add(FrameCollector.Describe(type, data, offset, count));
            return at;
        }

        /// <summary>Appends a frame that is not expected to decode (it will be damaged by the caller); returns where it starts.</summary>
        public int AddUnexpectedFrame(int type, byte[] data, int offset, int count)
        {
            int at = Length;
            Length += FrameEncoder.Encode(_buffer, at, type, data, offset, count);
            return at;
        }

        /// <summary>Appends raw bytes (noise, or part of a frame).</summary>
        public void AddRaw(byte[] data, int offset, int count)
        {
            Array.Copy(data, offset, _buffer, Length, count);
            Length += count;
        }

        /// <summary>Appends the first <paramref name="keep"/> bytes of a frame (a frame cut short).</summary>
        public void AddTruncatedFrame(int type, byte[] data, int offset, int count, int keep)
        {
            // Sized to the frame: a nanoCLR heap has no room for a worst-case 64 KB scratch per stream.
            byte[] scratch = new byte[FrameEncoder.FrameLength(count)];
            FrameEncoder.Encode(scratch, 0, type, data, offset, count);
            AddRaw(scratch, 0, keep);
        }
    }
}
