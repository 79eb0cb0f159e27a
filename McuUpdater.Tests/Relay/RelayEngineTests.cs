using System;
using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Tests.Support;
using McuUpdater.Timing;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Relay
{
    /// <summary>
    /// The relay driven step by step on the test thread (pump + service with a manual clock), so power
    /// timings are exact and nothing sleeps; one test runs the real threads.
    /// </summary>
    [TestClass]
    public class RelayEngineTests
    {
        private static ManualClock _clock;
        private static RecordingPower _power;
        private static RecordingTap _tap;
        private static PipeLink _pc;
        private static PipeLink _module;
        private static RelayEngine _relay;
        private static readonly byte[] _tick = new byte[] { Wire.SyncWord1 };
        private static readonly byte[] _rx = new byte[4096];

        [TestMethod]
        public void Relay_ForwardsEveryByteUnchangedBothWays_EvenWithAScribblingTap()
        {
            Build(false, 1024);
            byte[] toModule = new byte[1200];
            int n = EncodeData(toModule, 0, 7, Payload(1000), 0, 1000);
            n += FrameEncoder.Encode(toModule, n, Command.DlEnd, toModule, 0, 0);
            toModule[n++] = 0x5B; // noise between frames is relayed as well
            n += FrameEncoder.EncodeBeginResponse(toModule, n, 0, 1024);
            byte[] toHost = new byte[64];
            int m = FrameEncoder.EncodeDataResponse(toHost, 0, Status.Success, 8);
            toHost[m++] = 0xB6;
            m += FrameEncoder.EncodeStatusResponse(toHost, m, Command.DlEndRsp, Status.Success);

            _pc.Write(toModule, 0, n);
            _module.Write(toHost, 0, m);
            PumpAll();

            AssertReceived(_module, toModule, n, "host->module");
            AssertReceived(_pc, toHost, m, "module->host");
            Assert.AreEqual("h:0003 h:0005 h:0002 m:0004 m:0006", Sorted(), "tap saw every frame of both directions");
            RelayCounters c = Counters();
            Assert.AreEqual((long)n, c.BytesHostToModule, "bytes host->module");
            Assert.AreEqual((long)m, c.BytesModuleToHost, "bytes module->host");
            Assert.AreEqual(3L, c.FramesHostToModule, "frames host->module");
            Assert.AreEqual(2L, c.FramesModuleToHost, "frames module->host");
            Assert.AreEqual((long)(n + m), _tap.Bytes, "tap told of every byte");
            Assert.AreEqual(string.Empty, _power.Log, "no power action without AutoPowerCycle");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(64)]
        public void Relay_SplitsAnyChunking_WithoutLosingFrames(int chunk)
        {
            Build(false, chunk);
            byte[] stream = new byte[600];
            int n = 0;
            for (uint seq = 0; seq < 4; seq++)
            {
                n += EncodeData(stream, n, seq, Payload(100), 0, 100);
            }

            _pc.Write(stream, 0, n);
            PumpAll();
            AssertReceived(_module, stream, n, "chunk " + chunk.ToString());
            Assert.AreEqual(4L, Counters().FramesHostToModule, "four DATA frames");
        }

        [TestMethod]
        public void Relay_SyncTicksAfterIdle_PowerCycleExactlyOncePerSession()
        {
            Build(true, 1024);

            // The updater ticks 0xB5 every 20 ms for 1.2 s: off at the first tick, on 500 ms later,
            // and the ticks keep flowing to the module the whole time.
            int ticks = Tick(60);

            Assert.AreEqual("off@0 on@500", _power.Log, "one cycle: off at the first tick, on after PowerOffMs");
            Assert.AreEqual(ticks, _module.Receive.Count, "every tick reached the module, also while it was off");
            RelayCounters c = Counters();
            Assert.AreEqual(1L, c.PowerCycles, "power cycles");
            Assert.AreEqual(1L, c.Sessions, "sessions");
            Assert.AreEqual("session:on power:off power:on", _tap.Joined(), "tap told of session and power");
            Assert.IsTrue(_relay.SessionActive, "PWRKEY held while the session runs");
        }

        [TestMethod]
        public void Relay_FramesAndAtCommandsNeverStartAPowerCycle()
        {
            Build(true, 1024);
            byte[] frame = new byte[32];
            int n = FrameEncoder.EncodeStatusResponse(frame, 0, Command.DlEnd, 0);
            byte[] at = new byte[] { 0x41, 0x54, 0x0D };
            for (int i = 0; i < 5; i++)
            {
                _clock.Advance(1000);
                _pc.Write(frame, 0, n);
                Step();
                _clock.Advance(1000);
                _pc.Write(at, 0, at.Length);
                Step();
            }

            Assert.AreEqual(string.Empty, _power.Log, "only 0xB5 after a quiet line cycles the module");
            Assert.AreEqual(0L, Counters().Sessions, "no session");
        }

        [TestMethod]
        public void Relay_SyncBehindAGlitchAfterIdleStillStartsACycle()
        {
            Build(true, 1024);

            // A UART glitch (a 0x00 from a floating line) lands in the same read as the first tick.
            _pc.Write(new byte[] { 0x00, Wire.SyncWord1 }, 0, 2);
            Step();
            _clock.Advance(Wire.SyncIntervalMs);
            Tick(30);

            Assert.AreEqual("off@0 on@500", _power.Log, "the tick behind the glitch started the cycle");
        }

        [TestMethod]
        public void Relay_FrameCarrying0xB5AfterIdleIsNotASync()
        {
            Build(true, 1024);
            byte[] frame = new byte[32];
            frame[Wire.DataBlockOffset] = Wire.SyncWord1;
            frame[Wire.DataBlockOffset + 1] = Wire.SyncWord1;
            int n = FrameEncoder.EncodeDataInPlace(frame, 0, 0xB5B5B5B5, 2);
            _clock.Advance(1000);
            _pc.Write(frame, 0, n);
            Step();

            Assert.AreEqual(string.Empty, _power.Log, "0xB5 inside a frame is data");
        }

        [TestMethod]
        public void Relay_SyncRestartAfterPause_CyclesAgainInSameSession()
        {
            Build(true, 1024);
            Tick(40);
            _clock.Advance(1000); // the updater gave up on this sync and powers down before retrying
            Step();
            Tick(40);

            Assert.AreEqual("off@0 on@500 off@1800 on@2300", _power.Log, "a new tick stream after a pause is a new cycle");
            RelayCounters c = Counters();
            Assert.AreEqual(2L, c.PowerCycles, "power cycles");
            Assert.AreEqual(1L, c.Sessions, "still one session");
        }

        [TestMethod]
        public void Relay_ModuleRunResponse_ReleasesPowerAndEndsSession()
        {
            Build(true, 1024);
            Tick(30);
            byte[] rsp = new byte[16];
            int n = FrameEncoder.EncodeStatusResponse(rsp, 0, Command.RunGsmSwRsp, Status.InDownloadMode);
            _clock.Advance(100);
            _module.Write(rsp, 0, n);
            PumpAll();

            Assert.AreEqual("off@0 on@500 release@700", _power.Log, "released right after RUN_GSMSW_RSP");
            Assert.IsFalse(_relay.SessionActive, "session over");
            Assert.AreEqual("session:on power:off power:on m:0008 session:off", _tap.Joined(), "tap events in order");

            // The next flash starts a new session with its own cycle.
            _clock.Advance(5000);
            Tick(30);
            Assert.AreEqual(2L, Counters().Sessions, "second session");
            Assert.AreEqual(2L, Counters().PowerCycles, "second cycle");
        }

        [TestMethod]
        public void Relay_IdleSession_ReleasesAfterSessionIdleMs()
        {
            Build(true, 1024);
            Tick(30); // last tick at 580 ms
            _clock.Advance(9000);
            Step();
            Assert.IsTrue(_relay.SessionActive, "not idle long enough yet");
            _clock.Advance(1000);
            Step();
            Assert.AreEqual("off@0 on@500 release@10600", _power.Log, "released 10 s after the last byte");
            Assert.IsFalse(_relay.SessionActive, "session over");
        }

        [TestMethod]
        public void Relay_Stop_ReleasesAnOpenSession()
        {
            Build(true, 1024);
            Tick(5);
            _relay.Stop();
            Assert.AreEqual("off@0 on@100 release@100", _power.Log, "Stop powers the module back on and releases it");
        }

        [TestMethod]
        public void Relay_CountsLongestPauseInsideAFrame()
        {
            Build(false, 1024);
            byte[] frame = new byte[64];
            int n = EncodeData(frame, 0, 1, Payload(40), 0, 40);
            _pc.Write(frame, 0, 10);
            Step();
            _clock.Advance(37);
            _pc.Write(frame, 10, n - 10);
            Step();
            _clock.Advance(500); // a pause between frames is not a gap inside one
            _pc.Write(frame, 0, n);
            Step();
            RelayCounters c = Counters();
            Assert.AreEqual(37L, c.LongestGapHostToModuleMs, "gap inside the frame");
            Assert.AreEqual(2L, c.FramesHostToModule, "both frames");
        }

        [TestMethod]
        public void Relay_Threads_MoveFullDuplexTrafficAndStopJoins()
        {
            PipeLink.CreatePair(2048, out _pc, out PipeLink relayHost);
            PipeLink.CreatePair(2048, out PipeLink relayModule, out _module);
            RelayOptions options = new RelayOptions();
            options.ChunkSize = 256;
            options.MaxFrameDataLength = 2048; // random bytes: the decoder never needs a 16 KB frame here
            _relay = new RelayEngine(relayHost, relayModule, null, SystemClock.Instance, options);
            _relay.Start();

            // 4 KB each way: twice the pipes' size, so both directions wrap and block, and the four
            // arrays still fit a board's heap.
            const int Size = 4 * 1024;
            byte[] a = new byte[Size];
            byte[] b = new byte[Size];
            new TestRandom(11).Fill(a, 0, Size);
            new TestRandom(12).Fill(b, 0, Size);
            byte[] gotA = new byte[Size];
            byte[] gotB = new byte[Size];
            int atA = 0;
            int atB = 0;
            int sentA = 0;
            int sentB = 0;
            int idle = 0;
            while ((atA < Size || atB < Size) && idle < 200)
            {
                // Write only what the first pipe can take at once: a blocked write here, with the
                // relay blocked on the pipe this thread reads, would deadlock the test.
                if (sentA < Size && _pc.Transmit.Count + 512 <= 2048)
                {
                    int w = Size - sentA < 512 ? Size - sentA : 512;
                    _pc.Write(a, sentA, w);
                    sentA += w;
                }

                if (sentB < Size && _module.Transmit.Count + 512 <= 2048)
                {
                    int w = Size - sentB < 512 ? Size - sentB : 512;
                    _module.Write(b, sentB, w);
                    sentB += w;
                }

                int r1 = _module.Read(gotA, atA, Size - atA, 20);
                int r2 = _pc.Read(gotB, atB, Size - atB, 20);
                atA += r1;
                atB += r2;
                idle = r1 + r2 == 0 ? idle + 1 : 0;
            }

            _relay.Stop();
            Assert.IsFalse(_relay.IsRunning, "stopped");
            Assert.IsNull(_relay.Fault, "no pump failed");
            Assert.AreEqual(Size, atA, "all host->module bytes arrived");
            Assert.AreEqual(Size, atB, "all module->host bytes arrived");
            Assert.IsTrue(Bytes.Same(a, 0, gotA, 0, Size), "host->module bytes identical");
            Assert.IsTrue(Bytes.Same(b, 0, gotB, 0, Size), "module->host bytes identical");
            RelayCounters c = new RelayCounters();
            _relay.CopyCounters(c);
            Assert.AreEqual((long)Size, c.BytesHostToModule, "counter host->module");
            Assert.AreEqual((long)Size, c.BytesModuleToHost, "counter module->host");
        }

        [TestMethod]
        public void Relay_AutoPowerCycleWithoutPower_IsRejected()
        {
            PipeLink.CreatePair(16, out PipeLink a, out PipeLink b);
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = true;
            Assert.ThrowsException(typeof(ArgumentNullException), () => new RelayEngine(a, b, null, new ManualClock(), options));
        }

        /// <summary>Lets the last test's rig go: statics outlive the class on the device, and the next class needs the heap.</summary>
        [Cleanup]
        public static void Cleanup()
        {
            _clock = null;
            _power = null;
            _tap = null;
            _pc = null;
            _module = null;
            _relay = null;
        }

        private static void Build(bool autoPower, int chunk)
        {
            // The last test's rig goes first: reassigned one field at a time, both would be alive at once.
            Cleanup();
            _clock = new ManualClock();
            _power = new RecordingPower(_clock);
            _tap = new RecordingTap();
            PipeLink.CreatePair(4096, out _pc, out PipeLink relayHost);
            PipeLink.CreatePair(4096, out PipeLink relayModule, out _module);
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = autoPower;
            options.ChunkSize = chunk;
            options.MaxFrameDataLength = 2048;
            _relay = new RelayEngine(relayHost, relayModule, _power, _clock, options);
            _relay.Tap = _tap;
        }

        // Sends count ticks 20 ms apart, pumping after each; returns count. The clock ends 20 ms after the last tick.
        private static int Tick(int count)
        {
            for (int i = 0; i < count; i++)
            {
                _pc.Write(_tick, 0, 1);
                Step();
                _clock.Advance(Wire.SyncIntervalMs);
            }

            Step();
            return count;
        }

        private static void Step()
        {
            while (_relay.PumpHostToModule(0) > 0)
            {
            }

            _relay.Service();
        }

        private static void PumpAll()
        {
            int moved;
            do
            {
                moved = _relay.PumpHostToModule(0) + _relay.PumpModuleToHost(0);
                _relay.Service();
            }
            while (moved > 0);
        }

        private static RelayCounters Counters()
        {
            RelayCounters c = new RelayCounters();
            _relay.CopyCounters(c);
            return c;
        }

        // Host frames first, then module frames (the two pumps interleave differently per run).
        private static string Sorted()
        {
            string h = string.Empty;
            string m = string.Empty;
            for (int i = 0; i < _tap.Events.Count; i++)
            {
                string e = (string)_tap.Events[i];
                if (e[0] == 'h')
                {
                    h = h.Length == 0 ? e : h + " " + e;
                }
                else if (e[0] == 'm')
                {
                    m = m.Length == 0 ? e : m + " " + e;
                }
            }

            return h + " " + m;
        }

        private static void AssertReceived(PipeLink end, byte[] expected, int count, string what)
        {
            int got = 0;
            int n;
            while ((n = end.Read(_rx, got, _rx.Length - got, 0)) > 0)
            {
                got += n;
            }

            Assert.AreEqual(count, got, what + ": byte count");
            Assert.IsTrue(Bytes.Same(expected, 0, _rx, 0, count), what + ": bytes identical");
        }

        private static int EncodeData(byte[] buffer, int offset, uint sequence, byte[] block, int blockOffset, int count)
        {
            Array.Copy(block, blockOffset, buffer, offset + Wire.DataBlockOffset, count);
            return FrameEncoder.EncodeDataInPlace(buffer, offset, sequence, count);
        }

        private static byte[] Payload(int count)
        {
            byte[] data = new byte[count];
            new TestRandom((uint)count).Fill(data, 0, count);
            return data;
        }
    }
}
