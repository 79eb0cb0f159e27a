using McuUpdater.Session;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>The version check spoken over the AT channel: boot chatter is never taken for the version, a restart is no answer.</summary>
    [TestClass]
    public class AtVersionCheckChannelTests
    {
        private const string Version = "M10ER01A08W32";

        [TestMethod]
        [DataRow("\r\nCall Ready\r\n\r\nRevision: M10ER01A08W32\r\n\r\nSMS Ready\r\n\r\nOK\r\n")]
        [DataRow("AT+GMR\r\r\n+CFUN: 1\r\n\r\nM10ER01A08W32\r\n\r\n+CPIN: READY\r\n\r\nOK\r\n")]
        [DataRow("\r\nM10ER01A08W32\r\n\r\nOK\r\n\r\n+QIND: SMS DONE\r\n")]
        public void Version_UrcsAroundTheAnswerAreNotTheVersion(string gmrReply)
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\n+CFUN: 1\r\n\r\nOK\r\n").Then("ATE0\r\r\nOK\r\n").Then(gmrReply);
            AtVersionCheck check = new AtVersionCheck(wire.HostLink, wire.Clock, new UpdateOptions(), null);
            Assert.AreEqual(VersionCheckResult.Match, check.Run(Version), "found " + check.FoundVersion);
            Assert.AreEqual(Version, check.FoundVersion);
            Assert.AreEqual("AT+GMR", (string)module.Commands[2]);
        }

        [TestMethod]
        public void Version_RestartInTheAnswerIsReadAgain()
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\nOK\r\n").Then("\r\nOK\r\n").Then("\r\nRDY\r\n").Then("\r\n" + Version + "\r\n\r\nOK\r\n");
            AtVersionCheck check = new AtVersionCheck(wire.HostLink, wire.Clock, new UpdateOptions(), null);
            Assert.AreEqual(VersionCheckResult.Match, check.Run(Version));
            Assert.AreEqual(4, module.Commands.Count, "AT+GMR asked again after the restart line");
        }
    }
}
