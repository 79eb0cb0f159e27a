using McuUpdater.Session;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Cancels a session when progress reaches a block (a user's Ctrl+C, or a stand-in for an MCU reset).</summary>
    public sealed class Canceller
    {
        private readonly UpdateSession _session;
        private readonly int _atBlock;

        public Canceller(UpdateSession session, int atBlock)
        {
            _session = session;
            _atBlock = atBlock;
        }

        public void OnProgress(object sender, long bytesDone, long bytesTotal, int blocksDone, int blocksTotal)
        {
            if (blocksDone == _atBlock)
            {
                _session.Cancel();
            }
        }
    }
}
