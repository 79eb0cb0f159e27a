using McuUpdater.Simulator;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Records the boot-sync bytes and power changes on a wire with their times (ms), up to a small limit.</summary>
    public sealed class SyncTap : IWireTap
    {
        private const int Max = 256;
        private const long NsPerMs = 1000000;

        /// <summary>Start times of the host's 0xB5 bytes.</summary>
        public readonly long[] B5 = new long[Max];

        /// <summary>Number of 0xB5 bytes.</summary>
        public int B5Count;

        /// <summary>Start time of the first 0xA9, or -1.</summary>
        public long A9 = -1;

        /// <summary>Start time of the first 0x5B from the module, or -1.</summary>
        public long Rsp5B = -1;

        /// <summary>Time of the last power-on, or -1.</summary>
        public long PowerOn = -1;

        /// <summary>Time of the last power-off, or -1.</summary>
        public long PowerOff = -1;

        /// <summary>0xB5 bytes started after the first 0xA9.</summary>
        public int B5AfterA9;

        public void OnHostToModule(byte[] buffer, int offset, int count, long timeNs)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (b == 0xB5)
                {
                    if (A9 >= 0)
                    {
                        B5AfterA9++;
                    }
                    else if (B5Count < Max)
                    {
                        B5[B5Count++] = timeNs / NsPerMs;
                    }
                }
                else if (b == 0xA9 && A9 < 0)
                {
                    A9 = timeNs / NsPerMs;
                }
            }
        }

        public void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] == 0x5B && Rsp5B < 0)
                {
                    Rsp5B = timeNs / NsPerMs;
                }
            }
        }

        public void OnPower(bool on, long timeNs)
        {
            if (on)
            {
                PowerOn = timeNs / NsPerMs;
            }
            else
            {
                PowerOff = timeNs / NsPerMs;
            }
        }
    }
}
