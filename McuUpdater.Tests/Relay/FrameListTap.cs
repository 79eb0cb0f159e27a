using System.Collections;
using McuUpdater.Protocol;
using McuUpdater.Relay;

namespace McuUpdater.Tests.Relay
{
    /// <summary>A relay tap that asks for frames of the chosen directions and records each as short text (<see cref="Describe"/>).</summary>
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
            string text = Describe(frame);
            if (direction == RelayDirection.HostToModule)
            {
                HostFrames.Add(text);
            }
            else
            {
                ModuleFrames.Add(text);
            }
        }

        /// <summary>A frame in a few bytes of text (type, length, CRC of the data), so long lists fit a board's heap.</summary>
        public static string Describe(FrameDecoder frame)
        {
            ushort crc = Crc16Xmodem.Compute(frame.Buffer, frame.DataOffset, frame.Length);
            return frame.Type.ToString("X4") + ":" + frame.Length.ToString() + ":" + crc.ToString("X4");
        }

        /// <summary>The frames a plain decoder finds in the whole stream, fed at once, as <see cref="Describe"/> text.</summary>
        public static ArrayList Reference(FrameDecoder decoder, byte[] stream)
        {
            ArrayList frames = new ArrayList();
            int used = 0;
            do
            {
                used += decoder.Feed(stream, used, stream.Length - used);
                if (decoder.HasFrame)
                {
                    frames.Add(Describe(decoder));
                }
            }
            while (used < stream.Length || decoder.HasFrame);

            return frames;
        }

        public void PowerChanged(bool on)
        {
        }

        public void SessionChanged(bool active)
        {
        }
    }
}
