using McuUpdater.Tests.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Simulator
{
    /// <summary>The quirk ROM's 16 KB frame limit: two 16 KB frames, the image and the wire's buffers do not fit a board test's heap, so host only.</summary>
    [TestClass]
    public class QuirkRomLimitTests
    {
        [TestMethod]
        public void Rom_QuirkAcceptsUpTo16640ByteFramesAndRefusesOversize()
        {
            SimulatorRejectionTests.CheckRomLimit(1, 16640, 16641);
        }
    }
}
