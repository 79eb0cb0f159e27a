namespace McuUpdater.Protocol
{
    /// <summary>Recognises the start of a boot sync in bytes that follow a quiet line (relays and power sensing use it).</summary>
    public static class SyncStart
    {
        /// <summary>Bytes searched for the first 0xB5: a glitch or two may come first.</summary>
        public const int ScanBytes = 8;

        /// <summary>True when a 0xB5 comes among the first <see cref="ScanBytes"/> bytes before any frame head (a frame that carries 0xB5 never counts).</summary>
        public static bool Begins(byte[] buffer, int offset, int count)
        {
            int limit = count < ScanBytes ? count : ScanBytes;
            for (int i = 0; i < limit; i++)
            {
                byte b = buffer[offset + i];
                if (b == Wire.SyncWord1)
                {
                    return true;
                }

                if (b == Wire.Head)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
