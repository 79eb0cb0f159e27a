using McuUpdater.Simulator;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    [TestClass]
    public class VirtualWireTests
    {
        // Exact arrival of byte n (1-based) at 115200 baud: n * 10e9 / 115200, truncated.
        private static long Arrival(long n)
        {
            return n * 10000000000L / 115200;
        }

        [TestMethod]
        public void Wire_ByteTimeIsTenBitsAtBaud()
        {
            VirtualWire wire = new VirtualWire(new RecordingEndpoint());
            Assert.AreEqual(86806L, wire.ByteTimeNs, "115200 baud");
        }

        [TestMethod]
        public void Wire_DeliversAWriteInOneCallWhenItsLastByteArrives()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            VirtualWire wire = new VirtualWire(module);
            byte[] data = Bytes.FromHex("01 02 03 04 05");
            wire.HostLink.Write(data, 0, data.Length);
            Assert.AreEqual(0, module.Calls.Count, "nothing arrives while the host does not wait");
            byte[] rx = new byte[4];
            Assert.AreEqual(0, wire.HostLink.Read(rx, 0, rx.Length, 10), "no reply");
            Assert.AreEqual(1, module.Calls.Count, "one delivery");
            Assert.AreEqual("R@" + Arrival(5).ToString() + ":01 02 03 04 05", (string)module.Calls[0], "whole write at its last byte");
            Assert.AreEqual(10000000L, wire.NowNs, "read waited its full timeout");
        }

        [TestMethod]
        public void Wire_EchoReturnsAtFirstArrivedByte()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            module.Echo = true;
            VirtualWire wire = new VirtualWire(module);
            byte[] data = Bytes.FromHex("A1 A2 A3");
            wire.HostLink.Write(data, 0, 3);
            byte[] rx = new byte[8];
            int n = wire.HostLink.Read(rx, 0, rx.Length, 1000);
            Assert.AreEqual(1, n, "read returns as soon as one byte is in");
            Assert.AreEqual((byte)0xA1, rx[0], "first echoed byte");
            Assert.AreEqual(Arrival(3) + Arrival(1), wire.NowNs, "echo starts when the write has arrived");
            int more = wire.HostLink.Read(rx, 1, 7, 0);
            Assert.AreEqual(0, more, "zero timeout returns only what is there");
            wire.Clock.Sleep(1);
            more = wire.HostLink.Read(rx, 1, 7, 0);
            Assert.AreEqual(2, more, "the rest has arrived after a sleep");
            Assert.AreEqual("A1 A2 A3", Bytes.ToHex(rx, 0, 3), "echo content");
        }

        [TestMethod]
        public void Wire_SplitsDeliveryAtModuleWakeUp()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            module.WakeOnAttach = Arrival(2) + 10;
            VirtualWire wire = new VirtualWire(module);
            byte[] data = Bytes.FromHex("01 02 03 04");
            wire.HostLink.Write(data, 0, 4);
            wire.Clock.Sleep(5);
            Assert.AreEqual(3, module.Calls.Count, "bytes before the timer, the timer, bytes after");
            Assert.AreEqual("R@" + Arrival(2).ToString() + ":01 02", (string)module.Calls[0], "arrived part first");
            Assert.AreEqual("T@" + (Arrival(2) + 10).ToString(), (string)module.Calls[1], "then the timer at its time");
            Assert.AreEqual("R@" + Arrival(4).ToString() + ":03 04", (string)module.Calls[2], "then the rest");
        }

        [TestMethod]
        public void Wire_PacingDoesNotDriftOverLongTransfers()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            VirtualWire wire = new VirtualWire(module);
            byte[] block = new byte[1152];
            for (int i = 0; i < 100; i++)
            {
                // Each block is 100 ms on the wire: writing every 90 ms keeps the line busy (one
                // burst) while the queue grows by a tenth of a block per write, to ten blocks at
                // most (a device test's heap; every 50 ms it reached 50 blocks, 57 KB).
                wire.HostLink.Write(block, 0, block.Length);
                wire.Clock.Sleep(90);
            }

            wire.Clock.Sleep(20000);
            Assert.AreEqual(115200, module.BytesReceived, "all bytes delivered");
            Assert.AreEqual(10000000000L, module.LastReceivedNs, "115200 bytes in one burst take exactly 10 s");
            Assert.IsTrue(module.Calls.Count <= 200, "each write delivered in at most two pieces (split where the host waited)");
        }

        [TestMethod]
        public void Wire_WritesWhileBusyQueueBehindEachOther()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            VirtualWire wire = new VirtualWire(module);
            byte[] data = Bytes.FromHex("01 02");
            wire.HostLink.Write(data, 0, 2);
            wire.HostLink.Write(data, 0, 2);
            wire.Clock.Sleep(1);
            Assert.AreEqual("R@" + Arrival(4).ToString() + ":01 02", (string)module.Calls[1], "second write follows the first");
        }

        [TestMethod]
        public void Wire_ClockSleepAdvancesVirtualTime()
        {
            VirtualWire wire = new VirtualWire(new RecordingEndpoint());
            wire.Clock.Sleep(250);
            Assert.AreEqual(250L, wire.Clock.NowMs, "virtual ms");
        }

        [TestMethod]
        public void Wire_PowerOffCutsTheModulesTransmission()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            module.Echo = true;
            VirtualWire wire = new VirtualWire(module);
            byte[] data = new byte[100];
            wire.HostLink.Write(data, 0, data.Length);
            wire.Clock.Sleep(9);
            wire.Clock.Sleep(5);
            wire.Power.Off();
            byte[] rx = new byte[200];
            int total = 0;
            int n;
            while ((n = wire.HostLink.Read(rx, total, rx.Length - total, 50)) > 0)
            {
                total += n;
            }

            // The echo started at 8.68 ms; by 14 ms about 61 bytes were out; the rest never comes.
            Assert.IsTrue(total > 50 && total < 70, "only bytes sent before power-off arrive, got " + total.ToString());
            Assert.AreEqual("P0@14000000", (string)module.Calls[module.Calls.Count - 1], "module told at the time");
        }

        [TestMethod]
        public void Wire_TapSeesBothDirectionsAndPower()
        {
            RecordingEndpoint module = new RecordingEndpoint();
            module.Echo = true;
            VirtualWire wire = new VirtualWire(module);
            TraceTap tap = new TraceTap();
            wire.Tap = tap;
            wire.Power.On();
            byte[] data = Bytes.FromHex("B5");
            wire.HostLink.Write(data, 0, 1);
            byte[] rx = new byte[1];
            wire.HostLink.Read(rx, 0, 1, 100);
            Assert.AreEqual("P1@0|H@0:B5|M@" + Arrival(1).ToString() + ":B5|", tap.Text(), "trace");
        }
    }
}
