using McuUpdater.Modem;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>Both dialects against the simulated module in virtual time: a download end to end, and every failure of the stack as its named outcome.</summary>
    /// <remarks>DataRow 0 = qi, 1 = legacy.</remarks>
    [TestClass]
    public class ModuleSocketTests
    {
        private const int ReadTimeoutMs = SocketRig.ReadTimeoutMs;

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Socket_DownloadsEveryByteThenClosedByPeer(int dialect, int wireMode)
        {
            // Wire modes: .NET, ESP32, STM32 (the device's write and receive-buffer behaviour).
            byte[] blob = SocketRig.Blob(20000, 1);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), null, (WireMode)wireMode);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.ReadAll(net.Socket, got, ReadTimeoutMs, out last);
            Assert.AreEqual(blob.Length, n, "bytes read: " + net.Socket.LastReason);
            Assert.AreEqual(0, last, "end of stream");
            Assert.AreEqual(SocketOutcome.ClosedByPeer, net.Socket.LastOutcome);
            Assert.AreEqual(SocketState.PeerClosed, net.Socket.State);
            SocketRig.AssertSame(blob, got, n);
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Close(), net.Socket.LastReason);
            Assert.AreEqual(SocketState.Closed, net.Socket.State);
            Assert.AreEqual(SocketOutcome.Ok, net.Deactivate(), net.LastReason);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_RdyOfTheBootIsNoRestart(int dialect)
        {
            // A module that prints RDY when its firmware is up: the bring-up waits through it.
            byte[] blob = SocketRig.Blob(3000, 12);
            SimulatorOptions o = SocketRig.Options(dialect, SocketRig.Serving(blob));
            o.AnnounceRdy = true;
            IModuleNetwork net = SocketRig.Start(o, null);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            byte[] got = new byte[blob.Length];
            int last;
            Assert.AreEqual(blob.Length, SocketRig.ReadAll(net.Socket, got, ReadTimeoutMs, out last));
            Assert.IsTrue(SocketRig.Network.Socket.LastOutcome == SocketOutcome.ClosedByPeer);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_SimMissing(int dialect)
        {
            SimulatorOptions o = SocketRig.Options(dialect, null);
            o.SimPresent = false;
            IModuleNetwork net = SocketRig.Start(o, null);
            Assert.AreEqual(SocketOutcome.SimMissing, net.BringUp());
            Assert.IsTrue(net.LastReason.IndexOf("+CME ERROR: 10") >= 0, net.LastReason);
        }

        [TestMethod]
        [DataRow(0, 2, 2)]
        [DataRow(1, 2, 2)]
        [DataRow(0, 3, 3)]
        [DataRow(1, 3, 3)]
        [DataRow(0, 5, 0)]
        [DataRow(1, 5, 0)]
        public void Socket_RegistrationStatDecides(int dialect, int stat, int expected)
        {
            SimulatorOptions o = SocketRig.Options(dialect, null);
            o.RegistrationStat = stat;
            IModuleNetwork net = SocketRig.Start(o, null);
            SocketRig.Settings.RegistrationLimitMs = 10000;
            Assert.AreEqual((SocketOutcome)expected, net.BringUp(), net.LastReason);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_RegistrationIsPolledUntilItComes(int dialect)
        {
            SimulatorOptions o = SocketRig.Options(dialect, null);
            o.RegisteredAfterMs = 20000;
            IModuleNetwork net = SocketRig.Start(o, null);
            long start = SocketRig.Wire.Clock.NowMs;
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
            Assert.IsTrue(SocketRig.Wire.Clock.NowMs - start >= 20000, "waited for the network");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_NoFirmwareAnswerIsATimeoutAfterTheAliveLimit(int dialect)
        {
            SimulatorOptions o = SocketRig.Options(dialect, null);
            o.HasFirmwareInitially = false;
            IModuleNetwork net = SocketRig.Start(o, null);
            long start = SocketRig.Wire.Clock.NowMs;
            Assert.AreEqual(SocketOutcome.Timeout, net.BringUp());
            long spent = SocketRig.Wire.Clock.NowMs - start;
            Assert.IsTrue(spent >= 10000 && spent < 11000, "gave up after the 10 s limit: " + spent.ToString());
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_ApnRefused(int dialect)
        {
            SimulatorOptions o = SocketRig.Options(dialect, null);
            o.AcceptedApn = "corporate.apn";
            IModuleNetwork net = SocketRig.Start(o, null);
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
            Assert.AreEqual(SocketOutcome.ApnRefused, net.Activate());
            Assert.IsTrue(net.LastReason.IndexOf("QIACT") >= 0, net.LastReason);
        }

        [TestMethod]
        [DataRow(0, "nowhere.example.com", SocketRig.Port, 5)]
        [DataRow(1, "nowhere.example.com", SocketRig.Port, 6)]
        [DataRow(0, SocketRig.Host, 81, 6)]
        [DataRow(1, SocketRig.Host, 81, 6)]
        public void Socket_OpenFailureIsNamed(int dialect, string host, int port, int expected)
        {
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(new byte[10])), null);
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
            Assert.AreEqual((SocketOutcome)expected, net.Socket.Open(host, port), net.Socket.LastReason);
            Assert.AreEqual(SocketState.Closed, net.Socket.State);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Socket_SilentServerIsAReadTimeout(int dialect)
        {
            MemoryNetwork network = new MemoryNetwork().Serve(SocketRig.Host, SocketRig.Port, Silent);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, network), null);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            byte[] buffer = new byte[100];
            long start = SocketRig.Wire.Clock.NowMs;
            Assert.AreEqual(-1, net.Socket.Read(buffer, 0, 100, 7000));
            Assert.AreEqual(SocketOutcome.Timeout, net.Socket.LastOutcome);
            long spent = SocketRig.Wire.Clock.NowMs - start;
            Assert.IsTrue(spent >= 7000 && spent < 8000, "read limit honoured: " + spent.ToString());
        }

        private static byte[] Silent(byte[] request, int length)
        {
            return null;
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_PdpDroppedMidDownloadThenStartOver(int dialect)
        {
            byte[] blob = SocketRig.Blob(12000, 2);
            FaultPlan plan = new FaultPlan(11);
            plan.Sockets.PdpDropAfterBytes = 5000;
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.Fetch(dialect, blob, plan, got, out last);
            IModuleNetwork net = SocketRig.Network;
            SocketRig.AssertEnded(-1, SocketOutcome.PdpDropped, last);
            Assert.IsTrue(n >= 5000 && n < blob.Length, "cut mid-download: " + n.ToString());
            SocketRig.AssertSame(blob, got, n);

            // Recovery as at-tcpip.md says: deactivate, then start over.
            net.Deactivate();
            SocketRig.FetchAgain(blob, got);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_ModuleRestartMidDownloadThenStartOver(int dialect)
        {
            byte[] blob = SocketRig.Blob(12000, 3);
            FaultPlan plan = new FaultPlan(12);
            plan.Sockets.RestartAfterBytes = 4000;
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.Fetch(dialect, blob, plan, got, out last);
            IModuleNetwork net = SocketRig.Network;
            SocketRig.AssertEnded(-1, SocketOutcome.ModuleRestarted, last);
            Assert.AreEqual(SocketState.Closed, net.Socket.State);
            Assert.IsTrue(n >= 4000 && n < blob.Length, "cut mid-download: " + n.ToString());
            SocketRig.FetchAgain(blob, got);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        public void Fault_DownloadSurvives(int dialect, int fault)
        {
            // 0: the recv URC never comes (polling finds the data); 1: reads return short counts; 2: slow network.
            byte[] blob = SocketRig.Blob(9000, 4);
            FaultPlan plan = new FaultPlan(13);
            if (fault == 0)
            {
                plan.Sockets.NoRecvUrc = true;
            }
            else if (fault == 1)
            {
                plan.Sockets.ShortReads = true;
            }
            else
            {
                plan.Sockets.BytesPerSecond = 2000;
            }

            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), plan);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            long start = SocketRig.Wire.Clock.NowMs;
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.ReadAll(net.Socket, got, ReadTimeoutMs, out last);
            Assert.AreEqual(blob.Length, n, net.Socket.LastReason);
            Assert.AreEqual(0, last, "closed by peer at the end");
            SocketRig.AssertSame(blob, got, n);
            if (fault == 2)
            {
                Assert.IsTrue(SocketRig.Wire.Clock.NowMs - start >= 4000, "the network's pace, not the UART's");
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_PeerClosesEarlyIsClosedByPeerAfterTheLastByte(int dialect)
        {
            byte[] blob = SocketRig.Blob(9000, 5);
            FaultPlan plan = new FaultPlan(14);
            plan.Sockets.PeerCloseAfterBytes = 6000;
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.Fetch(dialect, blob, plan, got, out last);
            IModuleNetwork net = SocketRig.Network;
            Assert.AreEqual(6000, n);
            SocketRig.AssertEnded(0, SocketOutcome.ClosedByPeer, last);
            SocketRig.AssertSame(blob, got, n);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_ClosedBeforeTheTailWasReadStillGivesTheTail(int dialect)
        {
            // The whole answer fits the module's buffer: "closed" comes right after "recv", before any read.
            byte[] blob = SocketRig.Blob(3000, 6);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), null);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            SocketRig.Wire.RunFor(200);
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.ReadAll(net.Socket, got, ReadTimeoutMs, out last);
            Assert.AreEqual(blob.Length, n);
            Assert.AreEqual(0, last);
            SocketRig.AssertSame(blob, got, n);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_SocketIdStillHeldIsClosedAndOpenedAgain(int dialect)
        {
            byte[] blob = SocketRig.Blob(2000, 7);
            FaultPlan plan = new FaultPlan(15);
            plan.Sockets.SocketHeld = true;
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), plan);
            SocketRig.Connect(net);
            Assert.AreEqual(1, plan.Sockets.Fired, "the held id was released by a close");
            SocketRig.Request(net.Socket);
            byte[] got = new byte[blob.Length];
            int last;
            Assert.AreEqual(blob.Length, SocketRig.ReadAll(net.Socket, got, ReadTimeoutMs, out last));
        }

        [TestMethod]
        [DataRow(0, "AT+QISEND=", "ERROR", 11)]
        [DataRow(1, "AT+QISEND=", "ERROR", 11)]
        [DataRow(0, "AT+QISEND=", "+CME ERROR: 4", 11)]
        [DataRow(1, "AT+QISEND=", "SEND FAIL", 0)]
        public void Fault_ErrorAnswerToSend(int dialect, string command, string reply, int expected)
        {
            byte[] blob = SocketRig.Blob(100, 8);
            FaultPlan plan = new FaultPlan(16);
            plan.Sockets.ErrorAt(command, 1, reply);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), plan);
            SocketRig.Connect(net);
            byte[] request = System.Text.Encoding.UTF8.GetBytes("GET / HTTP/1.1\r\n\r\n");
            SocketOutcome o = net.Socket.Send(request, 0, request.Length);
            Assert.AreEqual((SocketOutcome)expected, o, net.Socket.LastReason);
            if (o != SocketOutcome.Ok)
            {
                Assert.IsTrue(net.Socket.LastReason.IndexOf(reply) >= 0, net.Socket.LastReason);
            }
        }

        [TestMethod]
        [DataRow(0, "AT+QIACT=", "+CME ERROR: 30")]
        [DataRow(1, "AT+QIACT", "ERROR")]
        [DataRow(0, "AT+QICSGP=", "ERROR")]
        public void Fault_ErrorAnswerToActivationIsApnRefused(int dialect, string command, string reply)
        {
            FaultPlan plan = new FaultPlan(17);
            plan.Sockets.ErrorAt(command, 1, reply);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, null), plan);
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
            Assert.AreEqual(SocketOutcome.ApnRefused, net.Activate());
            Assert.IsTrue(net.LastReason.IndexOf(reply) >= 0, net.LastReason);
        }

        [TestMethod]
        [DataRow(0, "AT+QIRD=0,1")]
        [DataRow(1, "AT+QIRD=0,1,0,1")]
        public void Fault_ErrorAnswerToReadIsAnError(int dialect, string command)
        {
            byte[] blob = SocketRig.Blob(3000, 9);
            FaultPlan plan = new FaultPlan(18);
            plan.Sockets.ErrorAt(command, 1, "+CME ERROR: 3");
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), plan);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            byte[] got = new byte[blob.Length];
            Assert.AreEqual(-1, net.Socket.Read(got, 0, 1500, ReadTimeoutMs));
            Assert.AreEqual(SocketOutcome.Error, net.Socket.LastOutcome);
            Assert.IsTrue(net.Socket.LastReason.IndexOf("+CME ERROR: 3") >= 0, net.Socket.LastReason);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_ErrorToTheFirstAtIsRetriedInTheBringUp(int dialect)
        {
            FaultPlan plan = new FaultPlan(19);
            plan.Sockets.ErrorAt("AT+CPIN?", 1, "+CME ERROR: 14");
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, null), plan);
            SocketOutcome o = net.BringUp();

            // SIM busy is still reported as a SIM problem, with the module's own words.
            Assert.AreEqual(SocketOutcome.SimMissing, o);
            Assert.IsTrue(net.LastReason.IndexOf("+CME ERROR: 14") >= 0, net.LastReason);
        }
    

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        public void Socket_ReadsWith1500ByteChunksKeepTheUartNinetyPercentBusy(int dialect, int wireMode)
        {
            // Virtual time: the figure is the wire's, deterministic (body bytes per second against
            // the UART's 11 520 B/s at 115 200 baud), on the .NET wire and the ESP32's (writes block).
            byte[] blob = SocketRig.Blob(30000, 10);
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, SocketRig.Serving(blob)), null, (WireMode)wireMode);
            SocketRig.Connect(net);
            SocketRig.Request(net.Socket);
            byte[] got = new byte[1500];
            int first = net.Socket.Read(got, 0, 1500, ReadTimeoutMs);
            Assert.IsTrue(first > 0, net.Socket.LastReason);
            long start = SocketRig.Wire.Clock.NowMs;
            long startBytes = SocketRig.Wire.ModuleBytesSent;
            int total = 0;
            int n;
            while ((n = net.Socket.Read(got, 0, 1500, ReadTimeoutMs)) > 0)
            {
                total += n;
            }

            long ms = SocketRig.Wire.Clock.NowMs - start;
            long wireBytes = SocketRig.Wire.ModuleBytesSent - startBytes;
            long bodyPerSecond = total * 1000L / ms;
            OutputHelper.WriteLine((dialect == 0 ? "qi" : "legacy") + (wireMode == 0 ? " (.NET wire)" : " (ESP32 wire)") + ": " + total.ToString() + " body bytes in " + ms.ToString() + " ms = "
                + bodyPerSecond.ToString() + " B/s of 11520 (" + (bodyPerSecond * 100 / 11520).ToString() + " %), AT framing "
                + ((wireBytes - total) * 1000 / total).ToString() + " per mille of the body");
            Assert.AreEqual(blob.Length - first, total);
            Assert.IsTrue(bodyPerSecond * 100 >= 11520L * 90, "at least 90 % of the UART: " + bodyPerSecond.ToString() + " B/s");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Fault_UartOverrunInsideAPayloadIsGarbledNeverWrongData(int dialect)
        {
            // A byte lost on the module->host UART (an MCU overrun) shifts the count: the bytes after the
            // payload are not CR LF, the read fails as Garbled, and nothing wrong was handed over before it.
            byte[] blob = SocketRig.Blob(20000, 11);
            FaultPlan plan = new FaultPlan(41);
            plan.ModuleToHost.DropRate = 0.0005;
            plan.ModuleToHost.StartAfterBytes = 6000;
            byte[] got = new byte[blob.Length];
            int last;
            int n = SocketRig.Fetch(dialect, blob, plan, got, out last);
            IModuleNetwork net = SocketRig.Network;
            SocketRig.AssertEnded(-1, SocketOutcome.Garbled, last);
            Assert.AreEqual(SocketState.Failed, net.Socket.State);
            Assert.IsTrue(plan.ModuleToHost.Dropped >= 1, "a byte was dropped");
            SocketRig.AssertSame(blob, got, n);

            // Drop the connection and start again (from what is stored, at the fetcher's level).
            plan.ModuleToHost.DropRate = 0;
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Close(), net.Socket.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open(SocketRig.Host, SocketRig.Port), net.Socket.LastReason);
        }
    }
}
