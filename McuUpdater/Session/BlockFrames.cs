using System;
using McuUpdater.Protocol;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>Two preallocated DATA frames: the one on the wire and the next one, read straight from the image and CRC'd while the first is sent.</summary>
    /// <remarks>
    /// Each buffer remembers which block it holds, so a resend costs nothing and only a jump to
    /// another block (status 4, a "next" going back) reads the image again, seeking first. Blocks are
    /// read to <see cref="Wire.DataBlockOffset"/> and framed in place: the image is never copied.
    /// </remarks>
    internal sealed class BlockFrames
    {
        private const int NoBlock = -1;

        private readonly byte[][] _frames = new byte[2][];
        private readonly int[] _lengths = new int[2];
        private readonly int[] _blocks = new int[2];
        private readonly int _maxBlockSize;
        private readonly ICpuModel _cpu;

        private IImageSource _image;
        private long _imageLength;
        private long _imagePosition;

        /// <summary>Allocates both frames for blocks of up to <paramref name="maxBlockSize"/> bytes (even).</summary>
        public BlockFrames(int maxBlockSize)
            : this(maxBlockSize, null)
        {
        }

        /// <summary>As above; <paramref name="cpu"/> (may be null) is charged for every block read and sealed (virtual time).</summary>
        public BlockFrames(int maxBlockSize, ICpuModel cpu)
        {
            _cpu = cpu;
            if (maxBlockSize < 2)
            {
                throw new ArgumentOutOfRangeException("maxBlockSize", "at least 2");
            }

            _maxBlockSize = maxBlockSize & ~1;
            _frames[0] = new byte[Wire.DataFrameOverhead + _maxBlockSize];
            _frames[1] = new byte[Wire.DataFrameOverhead + _maxBlockSize];
        }

        /// <summary>Largest block the buffers hold.</summary>
        public int MaxBlockSize
        {
            get { return _maxBlockSize; }
        }

        /// <summary>Block payload of this download.</summary>
        public int BlockSize { get; private set; }

        /// <summary>Blocks in the image at <see cref="BlockSize"/>.</summary>
        public int BlockCount { get; private set; }

        /// <summary>Image bytes read into frames since <see cref="Start"/> (more than the image when blocks were read again).</summary>
        public long BytesRead { get; private set; }

        /// <summary>Starts a download of <paramref name="image"/> in blocks of <paramref name="blockSize"/> (even, ≤ <see cref="MaxBlockSize"/>).</summary>
        public void Start(IImageSource image, int blockSize)
        {
            if (blockSize < 2 || blockSize > _maxBlockSize || (blockSize & 1) != 0)
            {
                throw new ArgumentOutOfRangeException("blockSize");
            }

            _image = image;
            _imageLength = image.Length;
            _imagePosition = -1;
            BlockSize = blockSize;
            BlockCount = (int)((_imageLength + blockSize - 1) / blockSize);
            BytesRead = 0;
            _blocks[0] = NoBlock;
            _blocks[1] = NoBlock;
        }

        /// <summary>Image bytes up to the start of <paramref name="block"/> (the whole image for the block after the last).</summary>
        public long BytesBefore(int block)
        {
            long bytes = (long)block * BlockSize;
            return bytes < _imageLength ? bytes : _imageLength;
        }

        /// <summary>The buffer holding <paramref name="block"/>, reading it into the buffer other than <paramref name="keep"/> if neither holds it.</summary>
        public int Get(int block, int keep)
        {
            if (_blocks[0] == block)
            {
                return 0;
            }

            if (_blocks[1] == block)
            {
                return 1;
            }

            int index = keep == 0 ? 1 : 0;
            Fill(index, block);
            return index;
        }

        /// <summary>Reads <paramref name="block"/> into the buffer other than <paramref name="keep"/> unless one already holds it.</summary>
        public void Prefetch(int block, int keep)
        {
            if (block < BlockCount)
            {
                Get(block, keep);
            }
        }

        /// <summary>The frame bytes of buffer <paramref name="index"/>.</summary>
        public byte[] Frame(int index)
        {
            return _frames[index];
        }

        /// <summary>The frame length of buffer <paramref name="index"/>.</summary>
        public int Length(int index)
        {
            return _lengths[index];
        }

        private void Fill(int index, int block)
        {
            byte[] frame = _frames[index];
            long position = (long)block * BlockSize;
            int count = (int)(_imageLength - position < BlockSize ? _imageLength - position : BlockSize);
            if (position != _imagePosition)
            {
                _image.Seek(position);
            }

            // Invalidate first: if the read throws, the buffer must not claim to hold anything.
            _blocks[index] = NoBlock;
            _image.ReadExactly(frame, Wire.DataBlockOffset, count);
            _imagePosition = position + count;
            BytesRead += count;
            if ((count & 1) != 0)
            {
                // protocol.md Decision: an odd last block gets one byte of erased flash.
                frame[Wire.DataBlockOffset + count] = Wire.PadByte;
                count++;
            }

            _lengths[index] = FrameEncoder.EncodeDataInPlace(frame, 0, (uint)block, count);
            _blocks[index] = block;
            if (_cpu != null)
            {
                _cpu.ChargeBlockWork(count);
            }
        }
    }
}
