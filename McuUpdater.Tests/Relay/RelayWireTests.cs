using System.IO;
using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using McuUpdater.Tests.Simulator;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Relay
{
    /// <summary>
    /// The relay's timing on a device's UART: its module port is a virtual wire in .NET (0), ESP32 (1) or
    /// STM32 (2) mode, read every millisecond of virtual time (or slower where a test says so).
    /// </summary>
    [TestClass]
    public class RelayWireTests
    {
        private static RelayWireRig _rig;
        private static RecordingEndpoint _endpoint;
        private static readonly byte[] _tick = new byte[] { Wire.SyncWord1 };

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void RelayOnWire_SyncAfterQuiet_PowerCyclesTheModuleOnceForPowerOffMs(int mode)
        {
            Build(mode, SerialPortLink.DefaultBufferSize, true);
            _rig.Wait(1000); // a quiet line first
            for (int i = 0; i < 60; i++)
            {
                _rig.Pc.Write(_tick, 0, 1);
                _rig.Wait(Wire.SyncIntervalMs);
            }

            Assert.AreEqual(1, _rig.Power.OffCount, "one cycle for one stream of ticks: " + _rig.Power.Log);
            long off = PowerAt("P0@", 0);
            long on = PowerAt("P1@", 0);
            Assert.IsTrue(off >= 1000L * 1000000 && off <= 1001L * 1000000, "off at the first tick (1 ms cadence): " + off.ToString());
            long offNs = on - off;
            Assert.IsTrue(offNs >= 500L * 1000000 && offNs <= 501L * 1000000, "the module saw the whole 500 ms off time, within one read: " + offNs.ToString());
            Assert.AreEqual(60, _endpoint.BytesReceived, "every tick reached the module, also while it was off");
            Assert.AreEqual(0, _rig.Wire.ReceiveOverflows, "no overflow");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void RelayOnWire_IdleSession_ReleasesSessionIdleMsAfterTheLastByte(int mode)
        {
            Build(mode, SerialPortLink.DefaultBufferSize, true);
            _rig.Wait(1000);
            long last = 0;
            for (int i = 0; i < 30; i++)
            {
                last = _rig.NowMs;
                _rig.Pc.Write(_tick, 0, 1);
                _rig.Wait(Wire.SyncIntervalMs);
            }

            _rig.Wait(last + 9990 - _rig.NowMs);
            Assert.IsTrue(_rig.Relay.SessionActive, "not idle long enough yet at " + _rig.NowMs.ToString());
            _rig.Wait(last + 10002 - _rig.NowMs);
            Assert.IsFalse(_rig.Relay.SessionActive, "released 10 s after the last tick: " + _rig.Power.Log);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void RelayOnWire_ForwardsWithinOneRead_AndOnlyEsp32sWriteHoldsThePump(int mode)
        {
            Build(mode, SerialPortLink.DefaultBufferSize, false);
            _endpoint.Echo = true;
            const int Size = 1000;
            byte[] data = new byte[Size];
            new TestRandom(5).Fill(data, 0, Size);
            _rig.Pc.Write(data, 0, Size);
            long start = _rig.Wire.NowNs;
            _rig.Relay.PumpHostToModule(0);
            long held = _rig.Wire.NowNs - start;
            Assert.AreEqual(mode == 1 ? Size * 10000000000L / 115200 : 0L, held, "ESP32's Write returns when the bytes have left; .NET and STM32 (4 KB transmit buffer) queue");

            // The module echoes; the relay hands the echo to the PC within one read of its arrival.
            byte[] got = new byte[Size];
            int at = 0;
            while (at < Size && _rig.Wire.NowNs - start < 1000L * 1000000)
            {
                at += _rig.PcLink.Read(got, at, Size - at, 1);
            }

            long latest = start + (2 * Size * _rig.Wire.ByteTimeNs) + 1000000;
            Assert.AreEqual(Size, at, "whole echo arrived");
            Assert.IsTrue(Bytes.Same(data, 0, got, 0, Size), "echo byte-exact through the relay");
            Assert.IsTrue(_rig.Wire.NowNs <= latest, "echo at the PC within a read of its last byte: " + (_rig.Wire.NowNs - start).ToString() + " ns");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void RelayOnWire_ReceiveBufferTooSmallForTheReadCadence_LosesBytesAsTheDriverDoes(int mode)
        {
            // 300 bytes answer arrive in 26 ms; a 64-byte buffer read every 100 ms overflows.
            Build(mode, 64, false);
            _endpoint.Echo = true;
            _rig.CadenceMs = 100;
            const int Size = 300;
            byte[] data = new byte[Size];
            new TestRandom(6).Fill(data, 0, Size);
            _rig.Pc.Write(data, 0, Size);
            _rig.Wait(400);
            byte[] got = new byte[Size];
            int n = _rig.DrainPc(got, 0);

            Assert.IsTrue(_rig.Wire.ReceiveOverflows > 0, "overflow counted");
            Assert.AreEqual((long)Size, n + _rig.Wire.ReceiveBytesLost, "every byte either forwarded or counted as lost");
            RelayCounters c = new RelayCounters();
            _rig.Relay.CopyCounters(c);
            Assert.AreEqual((long)n, c.BytesModuleToHost, "the relay forwarded what survived");
            if (mode == 1)
            {
                // ESP32 flushes all it held at each overflow: only the last 300 mod 65 bytes survive.
                Assert.AreEqual(Size % 65, n, "ESP32: buffered bytes lost with every overflow");
                Assert.IsTrue(Bytes.Same(data, Size - n, got, 0, n), "ESP32: the tail survived");
            }
            else
            {
                Assert.AreEqual(64, n, "STM32: the buffer keeps what it held");
                Assert.IsTrue(Bytes.Same(data, 0, got, 0, n), "STM32: the head survived, new bytes dropped");
            }
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public void RelayOnWire_DefaultReceiveBuffer_SameCadence_LosesNothing(int mode)
        {
            Build(mode, SerialPortLink.DefaultBufferSize, false);
            _endpoint.Echo = true;
            _rig.CadenceMs = 100;
            const int Size = 3000;
            byte[] data = new byte[Size];
            new TestRandom(7).Fill(data, 0, Size);
            _rig.Pc.Write(data, 0, Size);
            _rig.Wait(800);
            byte[] got = new byte[Size];
            int n = _rig.DrainPc(got, 0);

            Assert.AreEqual(0, _rig.Wire.ReceiveOverflows, "4 KB holds 100 ms at 115200 (1152 bytes)");
            Assert.AreEqual(Size, n, "all forwarded");
            Assert.IsTrue(Bytes.Same(data, 0, got, 0, Size), "byte-exact");
        }

        [TestMethod]
        [DataRow(0, 1024)]
        [DataRow(1, 1024)]
        [DataRow(2, 1024)]
        [DataRow(1, 8224)]
        [DataRow(2, 8224)]
        public void RelayOnWire_FullUpdateThroughTheRelayAtDefaultBuffers_ArrivesByteExact(int mode, int mtu)
        {
            Cleanup();
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, mtu), null);
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = true;
            _rig = new RelayWireRig(module, (WireMode)mode, options, SerialPortLink.DefaultBufferSize);
            UpdateSession session = new UpdateSession(_rig.PcLink, new RelayWireRig.NoPower(), _rig.PcClock, EngineRig.DefaultsFor(mtu));
            byte[] image = EngineRig.Image(mtu == 1024 ? 6000 : 20001, (uint)mtu);

            UpdateResult r = session.Run(new BinImage(new MemoryStream(image), "test.bin"));

            EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "through the relay");
            Assert.IsTrue(module.ImageMatches(image), "byte-exact image in the module");
            Assert.AreEqual(EngineRig.NewVersion, r.FirmwareVersion, "version read over AT through the relay");
            Assert.AreEqual(0, _rig.Wire.ReceiveOverflows, "the relay's 4 KB receive buffer never overflowed");
            Assert.AreEqual(1, _rig.Power.OffCount, "the relay cycled the module once, on the PC's sync: " + _rig.Power.Log);
            Assert.IsFalse(_rig.Relay.SessionActive, "released after RUN_GSMSW");
        }

        /// <summary>Lets the last test's rig go: statics outlive the class on the device.</summary>
        [Cleanup]
        public static void Cleanup()
        {
            _rig = null;
            _endpoint = null;
        }

        private static void Build(int mode, int receiveBufferSize, bool autoPower)
        {
            Cleanup();
            _endpoint = new RecordingEndpoint();
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = autoPower;
            options.MaxFrameDataLength = 2048;
            _rig = new RelayWireRig(_endpoint, (WireMode)mode, options, receiveBufferSize);
        }

        // The n-th power change of kind prefix ("P0@", "P1@") the module saw, in wire ns; -1 if none.
        private static long PowerAt(string prefix, int index)
        {
            for (int i = 0; i < _endpoint.Calls.Count; i++)
            {
                string call = (string)_endpoint.Calls[i];
                if (call.StartsWith(prefix) && index-- == 0)
                {
                    return long.Parse(call.Substring(prefix.Length));
                }
            }

            return -1;
        }
    }
}
