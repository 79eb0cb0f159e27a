using System.Text;
using McuUpdater.Simulator;
using McuUpdater.Tests.Support;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>A wire tap that writes a text trace ("H@ns:hex|M@ns:hex|P1@ns|") and a running checksum of it.</summary>
    public sealed class TraceTap : IWireTap
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly bool _keepText;

        /// <summary>Keeps the full trace text (small runs).</summary>
        public TraceTap()
            : this(true)
        {
        }

        /// <summary>Keeps the text only when asked; the checksum is always kept.</summary>
        public TraceTap(bool keepText)
        {
            _keepText = keepText;
        }

        /// <summary>FNV-1a over every byte, time and direction seen.</summary>
        public uint Hash = 2166136261;

        /// <summary>Events seen.</summary>
        public int Events;

        /// <summary>Bytes seen host to module.</summary>
        public long HostBytes;

        /// <summary>Bytes seen module to host.</summary>
        public long ModuleBytes;

        /// <summary>The trace so far.</summary>
        public string Text()
        {
            return _text.ToString();
        }

        public void OnHostToModule(byte[] buffer, int offset, int count, long timeNs)
        {
            HostBytes += count;
            Record("H", buffer, offset, count, timeNs);
        }

        public void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs)
        {
            ModuleBytes += count;
            Record("M", buffer, offset, count, timeNs);
        }

        public void OnPower(bool on, long timeNs)
        {
            Events++;
            Mix(on ? 0x101 : 0x100);
            Mix((int)timeNs);
            Mix((int)(timeNs >> 32));
            if (_keepText)
            {
                _text.Append(on ? "P1@" : "P0@").Append(timeNs.ToString()).Append("|");
            }
        }

        private void Record(string direction, byte[] buffer, int offset, int count, long timeNs)
        {
            Events++;
            Mix(direction == "H" ? 0x200 : 0x300);
            Mix((int)timeNs);
            Mix((int)(timeNs >> 32));
            for (int i = 0; i < count; i++)
            {
                Mix(buffer[offset + i]);
            }

            if (_keepText)
            {
                _text.Append(direction).Append("@").Append(timeNs.ToString()).Append(":").Append(Bytes.ToHex(buffer, offset, count)).Append("|");
            }
        }

        private void Mix(int value)
        {
            Hash = (Hash ^ (uint)value) * 16777619;
        }
    }
}
