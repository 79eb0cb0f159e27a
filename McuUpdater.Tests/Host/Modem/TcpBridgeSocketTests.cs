using System;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Tests.Host.Http;
using McuUpdater.Tests.Modem;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Modem
{
    /// <summary>Both dialects through the simulated module (virtual time) to a real HTTP server on 127.0.0.1 over the TCP bridge.</summary>
    [TestClass]
    public class TcpBridgeSocketTests
    {
        private const string Name = "fota.example.net";
        private const int ReadTimeoutMs = 30000;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Bridge_DownloadsAWholeFileFromLoopbackHttp(int dialect)
        {
            byte[] body = SocketRig.Blob(60000, 21);
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                IModuleNetwork net = Connect(dialect, network, server, null);
                byte[] answer = Get(net.Socket, server, null, out int last);
                Assert.AreEqual(0, last, net.Socket.LastReason);
                Assert.AreEqual(SocketOutcome.ClosedByPeer, net.Socket.LastOutcome);
                CheckBody(answer, "HTTP/1.1 200 OK", body, 0, body.Length);
                Assert.AreEqual(SocketOutcome.Ok, net.Socket.Close());
                Assert.AreEqual(SocketOutcome.Ok, net.Deactivate(), net.LastReason);
                Assert.AreEqual(1, server.RequestCount);
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Bridge_PdpDroppedMidDownloadThenResumesWithRange(int dialect)
        {
            byte[] body = SocketRig.Blob(30000, 22);
            FaultPlan plan = new FaultPlan(31);
            plan.Sockets.PdpDropAfterBytes = 12000;
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                IModuleNetwork net = Connect(dialect, network, server, plan);
                byte[] first = Get(net.Socket, server, null, out int last);
                Assert.AreEqual(-1, last);
                Assert.AreEqual(SocketOutcome.PdpDropped, net.Socket.LastOutcome, net.Socket.LastReason);
                int headEnd = HeadEnd(first);
                int kept = first.Length - headEnd;
                Assert.IsTrue(kept > 0 && kept < body.Length, "a cut: " + kept.ToString());

                net.Deactivate();
                Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
                Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open(Name, server.Port), net.Socket.LastReason);
                byte[] rest = Get(net.Socket, server, "bytes=" + kept.ToString() + "-", out last);
                Assert.AreEqual(0, last, net.Socket.LastReason);
                CheckBody(rest, "HTTP/1.1 206 Partial Content", body, kept, body.Length - kept);
                Assert.AreEqual("bytes=" + kept.ToString() + "-", server.RangeOf(1));
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Bridge_ModuleRestartMidDownloadIsNamedAndRecovers(int dialect)
        {
            byte[] body = SocketRig.Blob(20000, 23);
            FaultPlan plan = new FaultPlan(32);
            plan.Sockets.RestartAfterBytes = 9000;
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                IModuleNetwork net = Connect(dialect, network, server, plan);
                Get(net.Socket, server, null, out int last);
                Assert.AreEqual(-1, last);
                Assert.AreEqual(SocketOutcome.ModuleRestarted, net.Socket.LastOutcome, net.Socket.LastReason);
                Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
                Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
                Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open(Name, server.Port), net.Socket.LastReason);
                byte[] again = Get(net.Socket, server, null, out last);
                CheckBody(again, "HTTP/1.1 200 OK", body, 0, body.Length);
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Bridge_ServerClosingEarlyIsClosedByPeerWithTheBytesSent(int dialect)
        {
            byte[] body = SocketRig.Blob(20000, 24);
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                server.CloseAfterBodyBytes = 7777;
                IModuleNetwork net = Connect(dialect, network, server, null);
                byte[] answer = Get(net.Socket, server, null, out int last);
                Assert.AreEqual(0, last);
                Assert.AreEqual(SocketOutcome.ClosedByPeer, net.Socket.LastOutcome);
                CheckBody(answer, "HTTP/1.1 200 OK", body, 0, 7777);
            }
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0)]
        [DataRow(0, 1)]
        [DataRow(1, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 2)]
        [DataRow(0, 3)]
        [DataRow(1, 3)]
        public void Bridge_StackFaultsAreSurvived(int dialect, int fault)
        {
            // 0: no recv URC (polling), 1: short +QIRD counts, 2: slow network, 3: socket id still held.
            byte[] body = SocketRig.Blob(15000, 25 + fault);
            FaultPlan plan = new FaultPlan((uint)(40 + fault));
            plan.Sockets.NoRecvUrc = fault == 0;
            plan.Sockets.ShortReads = fault == 1;
            plan.Sockets.BytesPerSecond = fault == 2 ? 3000 : 0;
            plan.Sockets.SocketHeld = fault == 3;
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                IModuleNetwork net = Connect(dialect, network, server, plan);
                long start = SocketRig.Wire.Clock.NowMs;
                byte[] answer = Get(net.Socket, server, null, out int last);
                Assert.AreEqual(0, last, net.Socket.LastReason);
                CheckBody(answer, "HTTP/1.1 200 OK", body, 0, body.Length);
                if (fault == 2)
                {
                    Assert.IsTrue(SocketRig.Wire.Clock.NowMs - start >= 5000, "at the network's pace");
                }

                if (fault == 3)
                {
                    Assert.AreEqual(1, plan.Sockets.Fired, "the held id was closed and opened again");
                }
            }
        }

        [TestMethod]
        [DataRow(0, true, 5)]
        [DataRow(1, true, 6)]
        [DataRow(0, false, 6)]
        [DataRow(1, false, 6)]
        public void Bridge_OpenFailuresAreNamed(int dialect, bool unknownName, int expected)
        {
            using (LoopbackHttpServer server = new LoopbackHttpServer(new byte[1]))
            using (TcpSimNetwork network = new TcpSimNetwork().MapName(Name))
            {
                int closedPort = server.Port;
                server.Dispose();
                IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, network), null);
                Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
                Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
                SocketOutcome o = net.Socket.Open(unknownName ? "no-such-host.invalid" : Name, closedPort);
                Assert.AreEqual((SocketOutcome)expected, o, net.Socket.LastReason);
            }
        }

        private static IModuleNetwork Connect(int dialect, TcpSimNetwork network, LoopbackHttpServer server, FaultPlan plan)
        {
            IModuleNetwork net = SocketRig.Start(SocketRig.Options(dialect, network), plan);
            Assert.AreEqual(SocketOutcome.Ok, net.BringUp(), net.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, net.Activate(), net.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, net.Socket.Open(Name, server.Port), net.Socket.LastReason);
            return net;
        }

        // One GET through the module's socket; everything read until the socket said 0 or -1.
        private static byte[] Get(IModuleSocket socket, LoopbackHttpServer server, string range, out int last)
        {
            string request = "GET " + server.Path + " HTTP/1.1\r\nHost: " + Name + "\r\nConnection: close\r\n" + (range != null ? "Range: " + range + "\r\n" : string.Empty) + "\r\n";
            byte[] r = Encoding.ASCII.GetBytes(request);
            Assert.AreEqual(SocketOutcome.Ok, socket.Send(r, 0, r.Length), socket.LastReason);
            byte[] all = new byte[200000];
            int total = 0;
            while (true)
            {
                last = socket.Read(all, total, 1500, ReadTimeoutMs);
                if (last <= 0)
                {
                    break;
                }

                total += last;
            }

            byte[] result = new byte[total];
            Array.Copy(all, result, total);
            return result;
        }

        private static int HeadEnd(byte[] answer)
        {
            for (int i = 3; i < answer.Length; i++)
            {
                if (answer[i - 3] == 13 && answer[i - 2] == 10 && answer[i - 1] == 13 && answer[i] == 10)
                {
                    return i + 1;
                }
            }

            Assert.IsTrue(false, "no end of the HTTP head in " + answer.Length.ToString() + " bytes");
            return -1;
        }

        private static void CheckBody(byte[] answer, string status, byte[] body, int from, int count)
        {
            int headEnd = HeadEnd(answer);
            string head = Encoding.ASCII.GetString(answer, 0, headEnd);
            Assert.IsTrue(head.StartsWith(status, StringComparison.Ordinal), head);
            Assert.AreEqual(count, answer.Length - headEnd, "body bytes");
            for (int i = 0; i < count; i++)
            {
                if (answer[headEnd + i] != body[from + i])
                {
                    Assert.AreEqual(body[from + i], answer[headEnd + i], "body byte " + (from + i).ToString());
                }
            }
        }
    }
}
