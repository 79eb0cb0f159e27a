using McuUpdater.Modem;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>Replies the simulator does not make, and input refused before anything is sent, on scripted wire bytes.</summary>
    [TestClass]
    public class ScriptedSocketTests
    {
        [TestMethod]
        public void BringUp_LateAnswersToAtAreNotTakenForTheNextCommands()
        {
            // The first AT's OK comes only after the second AT was sent (a busy host or a slow line):
            // two OKs then stand for one command, and the spare one must not answer ATE0, whose own
            // OK would answer CMEE, and so on until CPIN reads a bare OK as "SIM not ready".
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then(null);
            module.Then("\r\nOK\r\n\r\nOK\r\n");
            module.Then("\r\nOK\r\n");
            module.Then("\r\nOK\r\n");
            module.Then("\r\n+CPIN: READY\r\n\r\nOK\r\n");
            module.Then("\r\n+CGREG: 0,1\r\n\r\nOK\r\n");
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, new ModemSettings(), null);
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.Socket.LastReason);
            Assert.AreEqual(6, module.Commands.Count, "AT twice, ATE0, CMEE, CPIN once, CGREG");
        }

        [TestMethod]
        public void Qi_OpenResultBeforeTheOkIsTaken()
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\n+QIOPEN: 0,0\r\n\r\nOK\r\n");
            ModemSettings settings = new ModemSettings();
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, settings, null);
            long start = wire.Clock.NowMs;
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open("10.1.2.3", 80), net.Socket.LastReason);
            Assert.IsTrue(wire.Clock.NowMs - start < 1000, "no wait for a URC that already came");
        }

        [TestMethod]
        public void Qi_OpenErrorAfterTheOkNamesTheCode()
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\nOK\r\n\r\n+QIOPEN: 0,566\r\n");
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, new ModemSettings(), null);
            Assert.AreEqual(SocketOutcome.ConnectFailed, net.Socket.Open("10.1.2.3", 80));
            Assert.IsTrue(net.Socket.LastReason.IndexOf("+QIOPEN: 0,566") >= 0, net.Socket.LastReason);
        }

        [TestMethod]
        public void Qi_NoOpenResultIsATimeoutAfterItsLimit()
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\nOK\r\n");
            ModemSettings settings = new ModemSettings();
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, settings, null);
            long start = wire.Clock.NowMs;
            Assert.AreEqual(SocketOutcome.Timeout, net.Socket.Open("10.1.2.3", 80));
            long spent = wire.Clock.NowMs - start;
            Assert.IsTrue(spent >= settings.OpenTimeoutMs && spent < settings.OpenTimeoutMs + 1000, "150 s for the URC: " + spent.ToString());
            Assert.IsTrue(net.Socket.LastReason.IndexOf("+QIOPEN") >= 0, net.Socket.LastReason);
        }

        [TestMethod]
        public void Qi_DataAnnouncedButNeverHandedOverIsATimeout()
        {
            // Every empty read comes with another recv URC (between its lines): the read must still end at its limit.
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\nOK\r\n\r\n+QIOPEN: 0,0\r\n\r\n+QIURC: \"recv\",0\r\n");
            for (int i = 0; i < 400; i++)
            {
                module.Then("\r\n+QIURC: \"recv\",0\r\n\r\n+QIRD: 0\r\n\r\nOK\r\n");
            }

            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, new ModemSettings(), null);
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open("10.1.2.3", 80), net.Socket.LastReason);
            byte[] buffer = new byte[64];
            long start = wire.Clock.NowMs;
            Assert.AreEqual(-1, net.Socket.Read(buffer, 0, 64, 500));
            Assert.AreEqual(SocketOutcome.Timeout, net.Socket.LastOutcome, net.Socket.LastReason);
            Assert.IsTrue(wire.Clock.NowMs - start < 600, "ended at the read's limit: " + (wire.Clock.NowMs - start).ToString());
        }

        [TestMethod]
        [DataRow(0, 300, 80)]
        [DataRow(1, 300, 80)]
        [DataRow(0, 10, 0)]
        [DataRow(1, 10, 70000)]
        public void Socket_BadHostOrPortIsRefusedBeforeAnythingIsSent(int dialect, int hostLength, int port)
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            ModemSettings settings = new ModemSettings();
            settings.Dialect = (AtDialect)dialect;
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, settings, null);
            Assert.AreEqual(SocketOutcome.Error, net.Socket.Open(new string('h', hostLength), port));
            Assert.IsTrue(net.Socket.LastReason.IndexOf("65535") >= 0, net.Socket.LastReason);
            wire.RunFor(10);
            Assert.AreEqual(0, module.Commands.Count, "nothing reached the module");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_ApnWithAQuoteIsRefusedBeforeAnythingIsSent(int dialect)
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            ModemSettings settings = new ModemSettings();
            settings.Dialect = (AtDialect)dialect;
            settings.Apn = "inter\"net";
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, settings, null);
            Assert.AreEqual(SocketOutcome.ApnRefused, net.Activate());
            wire.RunFor(10);
            Assert.AreEqual(0, module.Commands.Count, "nothing reached the module");
        }

        [TestMethod]
        public void Socket_ReadWithNoRoomIsRefused()
        {
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            module.Then("\r\nOK\r\n\r\n+QIOPEN: 0,0\r\n");
            IModuleNetwork net = ModuleNetworks.Create(wire.HostLink, wire.Clock, new ModemSettings(), null);
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open("10.1.2.3", 80));
            byte[] buffer = new byte[4];
            Assert.AreEqual(-1, net.Socket.Read(buffer, 4, 0, 1000));
            Assert.AreEqual(SocketOutcome.Error, net.Socket.LastOutcome);
            Assert.AreEqual(1, module.Commands.Count, "no read command went out");
            Assert.AreEqual(SocketState.Connected, net.Socket.State, "the connection is still there");
        }
    }
}
