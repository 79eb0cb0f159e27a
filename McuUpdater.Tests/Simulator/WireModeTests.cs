using McuUpdater.Simulator;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Simulator
{
    /// <summary>The updater's UART as a device has it: ESP32's Write blocks, STM32's queues into a bounded buffer; receive buffers overflow as each driver does.</summary>
    [TestClass]
    public class WireModeTests
    {
        private static long Arrival(long n)
        {
            return n * 10000000000L / 115200;
        }

        private static byte[] Counting(int count)
        {
            byte[] data = new byte[count];
            for (int i = 0; i < count; i++)
            {
                data[i] = (byte)(i + 1);
            }

            return data;
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void Wire_WriteReturnsAsTheModesSerialPortDoes(int mode)
        {
            VirtualWire wire = new VirtualWire(new RecordingEndpoint(), (WireMode)mode);
            wire.TransmitBufferSize = 10;
            byte[] data = Counting(100);
            wire.HostLinkWithoutWriter.Write(data, 0, data.Length);
            long expected = mode == 0 ? 0 : mode == 1 ? Arrival(100) : Arrival(90);
            Assert.AreEqual(expected, wire.NowNs, ".NET queues, ESP32 returns when the last byte has left, STM32 when the rest fits its 10-byte buffer");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void Wire_BackgroundWriteLetsTheCallerGoOnWhileTheLineSends(int mode)
        {
            VirtualWire wire = new VirtualWire(new RecordingEndpoint(), (WireMode)mode);
            McuUpdater.Link.IBackgroundWriter writer = (McuUpdater.Link.IBackgroundWriter)wire.HostLink;
            byte[] data = Counting(100);
            writer.BeginWrite(data, 0, data.Length);
            Assert.AreEqual(0L, wire.NowNs, "the writer thread took it");
            wire.CpuNsPerKb = 1000000;
            ((McuUpdater.Timing.ICpuModel)wire.Clock).ChargeBlockWork(2048);
            Assert.AreEqual(2000000L, wire.NowNs, "2 KB of block work at 1 ms/KB, while the line sends");
            Assert.IsTrue(writer.WaitWritten(1000), "written");
            Assert.AreEqual(mode == 1 ? Arrival(100) : 2000000L, wire.NowNs, "on ESP32 the writer's Write returns when the bytes have left");
        }

        [TestMethod]
        [DataRow(0, "01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14")]
        [DataRow(1, "13 14")]
        [DataRow(2, "01 02 03 04 05 06 07 08")]
        public void Wire_ReceiveBufferOverflowsAsTheDriverDoes(int mode, string expected)
        {
            // 20 bytes echoed into an 8-byte buffer nobody reads: ESP32 flushes all it held at each
            // overflow (bytes 9 and 18 overflow), STM32 drops every byte that does not fit.
            RecordingEndpoint module = new RecordingEndpoint();
            module.Echo = true;
            VirtualWire wire = new VirtualWire(module, (WireMode)mode);
            wire.ReceiveBufferSize = 8;
            byte[] data = Counting(20);
            wire.HostLinkWithoutWriter.Write(data, 0, data.Length);
            wire.Clock.Sleep(20);
            byte[] rx = new byte[32];
            int n = wire.HostLink.Read(rx, 0, rx.Length, 0);
            Assert.AreEqual(expected, Bytes.ToHex(rx, 0, n), "what the host still gets");
            Assert.AreEqual(mode == 0 ? 0L : mode == 1 ? 18L : 12L, wire.ReceiveBytesLost, "bytes lost");
        }
    }
}
