using System;
using McuUpdater.Session;
using McuUpdater.Simulator;

namespace McuUpdater.Bench
{
    /// <summary>Watches one update's events: virtual time of the block loop, and allocations per DATA frame between 25 % and 75 % of it.</summary>
    internal sealed class DownloadMeter
    {
        private readonly VirtualWire _wire;
        private long _startNs = -1;
        private long _quarterBytes = -1;
        private int _quarterBlock;

        public DownloadMeter(VirtualWire wire, UpdateEvents events)
        {
            _wire = wire;
            events.PhaseChanged += OnPhase;
            events.Progress += OnProgress;
        }

        public long DownloadNs { get; private set; }

        public long SteadyBytes { get; private set; }

        public int SteadyFrames { get; private set; }

        public double BytesPerFrame
        {
            get { return SteadyFrames == 0 ? double.NaN : (double)SteadyBytes / SteadyFrames; }
        }

        private void OnPhase(object sender, UpdatePhase phase)
        {
            if (phase == UpdatePhase.Downloading)
            {
                _startNs = _wire.NowNs;
            }
        }

        private void OnProgress(object sender, long bytesDone, long bytesTotal, int blocksDone, int blocksTotal)
        {
            if (blocksDone == blocksTotal && _startNs >= 0)
            {
                DownloadNs = _wire.NowNs - _startNs;
            }

            if (_quarterBytes < 0 && blocksDone == blocksTotal / 4 && blocksTotal >= 8)
            {
                _quarterBlock = blocksDone;
                _quarterBytes = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (_quarterBytes >= 0 && SteadyFrames == 0 && blocksDone == 3 * blocksTotal / 4)
            {
                SteadyBytes = GC.GetAllocatedBytesForCurrentThread() - _quarterBytes;
                SteadyFrames = blocksDone - _quarterBlock;
            }
        }
    }
}
