using McuUpdater.Modem;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>qi replies the simulator does not make, on scripted wire bytes.</summary>
    [TestClass]
    public class QiScriptedTests
    {
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
    }
}
