using System;
using System.IO.Ports;
using System.Text;
using McuUpdater.Link;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Tests.Host.Http;
using McuUpdater.Tests.Modem;
using McuUpdater.Timing;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Modem
{
    /// <summary>The sockets in real time: the simulator on a pseudo-terminal (runner thread, paced at the baud rate), a real SerialPort on the other end, TCP to a loopback HTTP server.</summary>
    [TestClass]
    public class RealTimeSocketTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void RealTime_SocketDownloadsThroughAPseudoTerminal(int dialect)
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.SkipTest("pseudo-terminals are opened with Linux libc");
            }

            byte[] body = SocketRig.Blob(12000, 51);
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork())
            {
                // The runner must never block on a quiet peer.
                network.SettleMs = 0;
                SimulatorOptions options = SocketRig.Options(dialect, network);
                options.FirmwareBootMs = 100;
                ModuleSimulator module = new ModuleSimulator(options);
                using (PseudoTerminal pty = new PseudoTerminal())
                using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, pty))
                using (SerialPort port = new SerialPort(pty.SlavePath, 115200, Parity.None, 8, StopBits.One))
                {
                    runner.Paced = true;
                    runner.IdlePowerSensing = false;
                    port.Open();
                    runner.Start();
                    runner.PowerChanged(true);
                    ModemSettings settings = new ModemSettings();
                    settings.Dialect = (AtDialect)dialect;
                    settings.Apn = "internet";
                    IModuleNetwork net = ModuleNetworks.Create(new SerialPortLink(port, false, SystemClock.Instance), SystemClock.Instance, settings, null);
                    Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
                    Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
                    Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open("127.0.0.1", server.Port), net.Socket.LastReason);
                    byte[] request = Encoding.ASCII.GetBytes("GET " + server.Path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                    Assert.AreEqual(SocketOutcome.Ok, net.Socket.Send(request, 0, request.Length), net.Socket.LastReason);
                    byte[] all = new byte[body.Length + 1024];
                    int total = 0;
                    int n;
                    while ((n = net.Socket.Read(all, total, Math.Min(1500, all.Length - total), 10000)) > 0)
                    {
                        total += n;
                    }

                    Assert.AreEqual(0, n, net.Socket.LastReason);
                    Assert.AreEqual(SocketOutcome.ClosedByPeer, net.Socket.LastOutcome);
                    string text = Encoding.ASCII.GetString(all, 0, total);
                    int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
                    Assert.IsTrue(text.StartsWith("HTTP/1.1 200 OK", StringComparison.Ordinal), text.Substring(0, Math.Min(40, text.Length)));
                    Assert.AreEqual(body.Length, total - headEnd, "body bytes");
                    SocketRig.AssertSame(body, Slice(all, headEnd, body.Length), body.Length);
                    Assert.AreEqual(SocketOutcome.Ok, net.Socket.Close(), net.Socket.LastReason);
                }
            }
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] r = new byte[count];
            Array.Copy(data, offset, r, 0, count);
            return r;
        }
    }
}
