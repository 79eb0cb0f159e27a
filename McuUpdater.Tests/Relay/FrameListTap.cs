using System.Collections;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Tests.Support;

namespace McuUpdater.Tests.Relay
{
    /// <summary>A relay tap that asks for frames of the chosen directions and records each as <see cref="FrameCollector.Describe"/> text.</summary>
    internal sealed class FrameListTap : IRelayTap
    {
        private readonly bool _hostFrames;
        private readonly bool _moduleFrames;

        public FrameListTap(bool hostFrames, bool moduleFrames)
        {
            _hostFrames = hostFrames;
            _moduleFrames = moduleFrames;
            HostFrames = new ArrayList();
            ModuleFrames = new ArrayList();
        }

        /// <summary>Host→module frames, in order.</summary>
        public ArrayList HostFrames { get; private set; }

        /// <summary>Module→host frames, in order.</summary>
        public ArrayList ModuleFrames { get; private set; }

        /// <summary>Bytes the relay said it forwarded, both directions.</summary>
        public long Bytes { get; private set; }

        public bool WantsFrames(int direction)
        {
            return direction == RelayDirection.HostToModule ? _hostFrames : _moduleFrames;
        }

        public void BytesRelayed(int direction, int count)
        {
            Bytes += count;
        }

        public void FrameSeen(int direction, FrameDecoder frame)
        {
            string text = FrameCollector.Describe(frame.Type, frame.Buffer, frame.DataOffset, frame.Length);
            if (direction == RelayDirection.HostToModule)
            {
                HostFrames.Add(text);
            }
            else
            {
                ModuleFrames.Add(text);
            }
        }

        public void PowerChanged(bool on)
        {
        }

        public void SessionChanged(bool active)
        {
        }
    }
}
