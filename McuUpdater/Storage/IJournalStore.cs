namespace McuUpdater.Storage
{
    /// <summary>Two small slots of persistent bytes for the update journal (files on the SD card or internal flash, or memory).</summary>
    /// <remarks>
    /// The journal writes one slot at a time and never the slot holding the latest good record, so
    /// a write torn by a reset or power loss leaves the previous state readable in the other slot.
    /// </remarks>
    public interface IJournalStore
    {
        /// <summary>Where the slots live, for messages (e.g. <c>D:\mcuupdater\journal</c>).</summary>
        string Name { get; }

        /// <summary>Reads slot 0 or 1 into <paramref name="buffer"/>; returns the bytes read, 0 when the slot is empty or missing.</summary>
        int Read(int slot, byte[] buffer);

        /// <summary>Replaces slot 0 or 1 with <paramref name="count"/> bytes and makes them durable before returning.</summary>
        void Write(int slot, byte[] buffer, int count);
    }
}
