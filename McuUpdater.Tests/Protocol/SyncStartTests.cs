using McuUpdater.Protocol;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Protocol
{
    [TestClass]
    public class SyncStartTests
    {
        [TestMethod]
        public void SyncStart_TickAloneOrBehindAGlitchBegins()
        {
            Assert.IsTrue(SyncStart.Begins(new byte[] { 0xB5 }, 0, 1), "a lone tick");
            Assert.IsTrue(SyncStart.Begins(new byte[] { 0x00, 0xFF, 0xB5, 0xB5 }, 0, 4), "behind a glitch");
            Assert.IsTrue(SyncStart.Begins(new byte[] { 0x11, 0x00, 0xB5 }, 1, 2), "from the offset");
        }

        [TestMethod]
        public void SyncStart_FramesTextAndLateTicksDoNot()
        {
            Assert.IsFalse(SyncStart.Begins(new byte[] { 0xAA, 0x00, 0xB5, 0xB5 }, 0, 4), "0xB5 inside a frame");
            Assert.IsFalse(SyncStart.Begins(new byte[] { 0x41, 0x54, 0x0D }, 0, 3), "an AT command");
            Assert.IsFalse(SyncStart.Begins(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 0xB5 }, 0, 9), "a tick after 8 other bytes is not a sync start");
            Assert.IsFalse(SyncStart.Begins(new byte[] { 0xB5 }, 0, 0), "nothing read");
        }
    }
}
