using System;

namespace McuUpdater.Storage
{
    /// <summary>Journal slots in RAM: for tests (it can tear a write as a reset would) and for boards with no storage.</summary>
    public sealed class MemoryJournalStore : IJournalStore
    {
        private readonly byte[][] _slots = new byte[2][];
        private int _tearAfter = -1;

        /// <summary>Empty slots.</summary>
        public MemoryJournalStore()
        {
            _slots[0] = new byte[0];
            _slots[1] = new byte[0];
        }

        /// <inheritdoc />
        public string Name
        {
            get { return "memory"; }
        }

        /// <summary>Writes so far.</summary>
        public int Writes { get; private set; }

        /// <summary>When true every write fails, as after the MCU lost power: nothing more reaches the store.</summary>
        public bool Dead { get; set; }

        /// <summary>The next write stops after <paramref name="bytes"/> bytes, as a reset in the middle of it would leave it.</summary>
        public void TearNextWrite(int bytes)
        {
            _tearAfter = bytes;
        }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer)
        {
            byte[] data = _slots[slot];
            int n = data.Length < buffer.Length ? data.Length : buffer.Length;
            Array.Copy(data, 0, buffer, 0, n);
            return n;
        }

        /// <inheritdoc />
        public void Write(int slot, byte[] buffer, int count)
        {
            if (Dead)
            {
                throw new System.IO.IOException("the store is gone (power lost)");
            }

            Writes++;
            if (_tearAfter >= 0 && _tearAfter < count)
            {
                count = _tearAfter;
            }

            _tearAfter = -1;
            byte[] data = new byte[count];
            Array.Copy(buffer, 0, data, 0, count);
            _slots[slot] = data;
        }
    }
}
