using System;

namespace McuUpdater.Simulator
{
    /// <summary>What the boot ROM has written to "flash" in the current download: length, CRC-32, and the bytes while small.</summary>
    /// <remarks>
    /// Bytes are kept up to a limit (so big benchmark images cost no memory); length and CRC-32 are
    /// always kept. The received length includes the 0xFF pad of an odd last block (protocol.md
    /// Decision), which <see cref="Matches"/> allows for.
    /// </remarks>
    public sealed class ReceivedImage
    {
        private readonly int _keepLimit;
        private byte[] _bytes;
        private bool _kept;
        private uint _crcState;
        private bool _crcValid;

        /// <summary>Creates an empty image that keeps its bytes while it is at most <paramref name="keepLimit"/> long.</summary>
        public ReceivedImage(int keepLimit)
        {
            _keepLimit = keepLimit;
            Reset();
        }

        /// <summary>Length the image is announced to reach (pad included), or 0: the kept bytes grow straight to it, so a test's heap holds one copy of that size, not a doubled buffer.</summary>
        public int SizeHint { get; set; }

        /// <summary>Bytes received so far, pad included.</summary>
        public int Length { get; private set; }

        /// <summary>CRC-32 of the bytes received so far.</summary>
        public uint Crc32Value
        {
            get { return Crc32.Finish(_crcState); }
        }

        /// <summary>False when a rewind made the CRC unknowable (bytes not kept).</summary>
        public bool CrcValid
        {
            get { return _crcValid; }
        }

        /// <summary>True while the bytes are kept (see the limit).</summary>
        public bool BytesKept
        {
            get { return _kept; }
        }

        /// <summary>Starts a new, empty image.</summary>
        public void Reset()
        {
            Length = 0;
            _crcState = Crc32.Initial;
            _crcValid = true;
            _kept = _keepLimit > 0;
            if (_bytes == null && _kept)
            {
                _bytes = new byte[_keepLimit < 4096 ? _keepLimit : 4096];
            }
        }

        /// <summary>Appends a block.</summary>
        public void Append(byte[] buffer, int offset, int count)
        {
            _crcState = Crc32.Update(_crcState, buffer, offset, count);
            if (_kept)
            {
                if (Length + count > _keepLimit)
                {
                    _kept = false;
                }
                else
                {
                    EnsureCapacity(Length + count);
                    Array.Copy(buffer, offset, _bytes, Length, count);
                }
            }

            Length += count;
        }

        /// <summary>Goes back to <paramref name="length"/> bytes (the ROM asked for an earlier block again).</summary>
        public void Truncate(int length)
        {
            if (length >= Length)
            {
                return;
            }

            Length = length;
            if (_kept)
            {
                _crcState = Crc32.Update(Crc32.Initial, _bytes, 0, length);
            }
            else
            {
                _crcValid = false;
            }
        }

        /// <summary>Byte <paramref name="index"/> of the kept image.</summary>
        public byte this[int index]
        {
            get
            {
                if (!_kept || index < 0 || index >= Length)
                {
                    throw new ArgumentOutOfRangeException("index");
                }

                return _bytes[index];
            }
        }

        /// <summary>A copy of the kept image (tests; allocates), or null when the bytes were not kept.</summary>
        public byte[] ToArray()
        {
            if (!_kept)
            {
                return null;
            }

            byte[] copy = new byte[Length];
            Array.Copy(_bytes, copy, Length);
            return copy;
        }

        /// <summary>
        /// True when the image is exactly <paramref name="original"/>, allowing one trailing 0xFF pad
        /// when the original's length is odd; compared byte by byte when kept, else by length and CRC-32.
        /// </summary>
        public bool Matches(byte[] original)
        {
            int n = original.Length;
            bool padded = (n & 1) == 1 && Length == n + 1;
            if (Length != n && !padded)
            {
                return false;
            }

            if (_kept)
            {
                for (int i = 0; i < n; i++)
                {
                    if (_bytes[i] != original[i])
                    {
                        return false;
                    }
                }

                return !padded || _bytes[n] == McuUpdater.Protocol.Wire.PadByte;
            }

            if (!_crcValid)
            {
                return false;
            }

            uint state = Crc32.Update(Crc32.Initial, original, 0, n);
            if (padded)
            {
                state = Crc32.Update(state, McuUpdater.Protocol.Wire.PadByte);
            }

            return Crc32.Finish(state) == Crc32Value;
        }

        private void EnsureCapacity(int size)
        {
            if (size <= _bytes.Length)
            {
                return;
            }

            int grown = _bytes.Length * 2;
            if (SizeHint >= size)
            {
                grown = SizeHint;
            }
            else if (grown < size)
            {
                grown = size;
            }

            if (grown > _keepLimit)
            {
                grown = _keepLimit;
            }

            byte[] bigger = new byte[grown];
            Array.Copy(_bytes, bigger, Length);
            _bytes = bigger;
        }
    }
}
