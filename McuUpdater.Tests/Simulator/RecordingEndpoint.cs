using System.Collections;
using McuUpdater.Simulator;
using McuUpdater.Tests.Support;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>A module endpoint that records every call as text ("R@ns:hex", "T@ns", "P1@ns") and can echo or wake.</summary>
    public sealed class RecordingEndpoint : IModuleEndpoint
    {
        /// <summary>Calls seen, in order.</summary>
        public readonly ArrayList Calls = new ArrayList();

        /// <summary>When true, every received byte is sent straight back.</summary>
        public bool Echo;

        /// <summary>Wake-up to request on attach (long.MaxValue for none).</summary>
        public long WakeOnAttach = long.MaxValue;

        /// <summary>The line the wire attached.</summary>
        public IModuleLine Line;

        /// <summary>Bytes received in total.</summary>
        public int BytesReceived;

        /// <summary>Time of the last Received call.</summary>
        public long LastReceivedNs = -1;

        public void Attach(IModuleLine line)
        {
            Line = line;
            line.WakeAt(WakeOnAttach);
        }

        public void PowerChanged(bool on)
        {
            Calls.Add((on ? "P1@" : "P0@") + Line.NowNs.ToString());
        }

        public void Received(byte[] buffer, int offset, int count)
        {
            BytesReceived += count;
            LastReceivedNs = Line.NowNs;
            Calls.Add("R@" + Line.NowNs.ToString() + ":" + (count <= 8 ? Bytes.ToHex(buffer, offset, count) : count.ToString()));
            if (Echo)
            {
                Line.Send(buffer, offset, count);
            }
        }

        public void Timer()
        {
            Calls.Add("T@" + Line.NowNs.ToString());
        }
    }
}
