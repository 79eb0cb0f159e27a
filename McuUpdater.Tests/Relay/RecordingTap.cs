using System;
using System.Collections;
using McuUpdater.Protocol;
using McuUpdater.Relay;

namespace McuUpdater.Tests.Relay
{
    /// <summary>A relay tap that records frames as "dir:TTTT" and, to prove it cannot, scribbles over every frame it is shown.</summary>
    internal sealed class RecordingTap : IRelayTap
    {
        private readonly object _lock = new object();

        public RecordingTap()
        {
            Events = new ArrayList();
        }

        /// <summary>"h:0003", "m:0004", "power:off", "session:on" ... in order.</summary>
        public ArrayList Events { get; private set; }

        public long Bytes { get; private set; }

        public bool WantsFrames(int direction)
        {
            return true;
        }

        public void BytesRelayed(int direction, int count)
        {
            lock (_lock)
            {
                Bytes += count;
            }
        }

        public void FrameSeen(int direction, FrameDecoder frame)
        {
            Add((direction == RelayDirection.HostToModule ? "h:" : "m:") + frame.Type.ToString("X4"));

            // A misbehaving observer: this must not change a byte that crosses the relay.
            Array.Clear(frame.Buffer, frame.FrameOffset, Wire.FrameOverhead + frame.Length);
        }

        public void PowerChanged(bool on)
        {
            Add(on ? "power:on" : "power:off");
        }

        public void SessionChanged(bool active)
        {
            Add(active ? "session:on" : "session:off");
        }

        public string Joined()
        {
            lock (_lock)
            {
                string text = string.Empty;
                for (int i = 0; i < Events.Count; i++)
                {
                    text = i == 0 ? (string)Events[i] : text + " " + (string)Events[i];
                }

                return text;
            }
        }

        private void Add(string what)
        {
            lock (_lock)
            {
                Events.Add(what);
            }
        }
    }
}
