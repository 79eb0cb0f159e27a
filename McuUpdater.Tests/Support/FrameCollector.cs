using System.Collections;
using McuUpdater.Protocol;

namespace McuUpdater.Tests.Support
{
    /// <summary>Feeds bytes to a <see cref="FrameDecoder"/> in chosen chunks and records each frame as "TTTT:data hex".</summary>
    public sealed class FrameCollector
    {
        private readonly FrameDecoder _decoder;

        /// <summary>Wraps a decoder.</summary>
        public FrameCollector(FrameDecoder decoder)
        {
            _decoder = decoder;
            Frames = new ArrayList();
        }

        /// <summary>Frames seen so far, in order, as "TTTT:data hex" strings.</summary>
        public ArrayList Frames { get; private set; }

        /// <summary>The frame text a collector records for a type and data.</summary>
        public static string Describe(int type, byte[] data, int offset, int count)
        {
            return ((ushort)type).ToString("X4") + ":" + Bytes.ToHex(data, offset, count);
        }

        /// <summary>Feeds <paramref name="count"/> bytes in chunks of <paramref name="chunk"/> (the last may be shorter).</summary>
        public void Feed(byte[] stream, int offset, int count, int chunk)
        {
            int end = offset + count;
            for (int at = offset; at < end; at += chunk)
            {
                int n = end - at < chunk ? end - at : chunk;
                FeedChunk(stream, at, n);
            }
        }

        /// <summary>Feeds one chunk, collecting every frame it completes (including ones found on re-scan).</summary>
        public void FeedChunk(byte[] stream, int offset, int count)
        {
            int used = 0;
            do
            {
                used += _decoder.Feed(stream, offset + used, count - used);
                if (_decoder.HasFrame)
                {
                    Frames.Add(Describe(_decoder.Type, _decoder.Buffer, _decoder.DataOffset, _decoder.Length));
                }
            }
            while (used < count || _decoder.HasFrame);
        }
    }
}
