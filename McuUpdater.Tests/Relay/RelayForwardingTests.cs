using System;
using System.Collections;
using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Relay
{
    /// <summary>
    /// The relay spends its work on forwarding: byte-transparent both ways, no decoding unless a tap
    /// asks, the same frames for a tap as a plain decoder finds, and sync power cycles without a tap.
    /// Driven step by step on the test thread with a manual clock.
    /// </summary>
    [TestClass]
    public class RelayForwardingTests
    {
        private const int PipeCapacity = 4096;

        private static ManualClock _clock;
        private static RecordingPower _power;
        private static PipeLink _pc;
        private static PipeLink _module;
        private static RelayEngine _relay;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Relay_LargeRandomPayloadsRich0xAA0xB5_ArriveByteIdenticalBothWays(int tapMode)
        {
            Build(false, 97, tapMode == 1 ? new FrameListTap(true, true) : null);
            const int Size = 12 * 1024;
            byte[] toModule = Rich(31, Size);
            byte[] toHost = Rich(32, Size);

            // Real frames inside the noise, so the spotter and a decoder both have work.
            for (int at = 100; at + 600 < Size; at += 3000)
            {
                FrameEncoder.EncodeDataInPlace(toModule, at, (uint)at, 500);
                FrameEncoder.EncodeDataResponse(toHost, at, Status.Success, (uint)at);
            }

            byte[] gotModule = new byte[Size];
            byte[] gotHost = new byte[Size];
            Exchange(toModule, toHost, gotModule, gotHost);

            Assert.IsTrue(Bytes.Same(toModule, 0, gotModule, 0, Size), "host->module bytes identical");
            Assert.IsTrue(Bytes.Same(toHost, 0, gotHost, 0, Size), "module->host bytes identical");
            RelayCounters c = Counters();
            Assert.AreEqual((long)Size, c.BytesHostToModule, "bytes host->module");
            Assert.AreEqual((long)Size, c.BytesModuleToHost, "bytes module->host");
            Assert.AreEqual(tapMode == 1, c.DecodedBytes > 0, "decoding only with a tap that asks");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        public void Relay_WithoutAFrameTap_NeverDecodes_YetCountsFramesAndReleasesOnRun(int tapMode)
        {
            // tapMode 0: no tap at all; 1: a tap that wants no frames (still told of bytes).
            FrameListTap tap = tapMode == 1 ? new FrameListTap(false, false) : null;
            Build(true, 64, tap);
            Tick(30);

            byte[] host = new byte[700];
            int h = FrameEncoder.EncodeBegin(host, 0, 1);
            h += FrameEncoder.EncodeDataInPlace(host, h, 0, 600);
            h += FrameEncoder.EncodeEmpty(host, h, Command.DlEnd);
            h += FrameEncoder.EncodeEmpty(host, h, Command.RunGsmSw);
            byte[] module = new byte[80];
            int m = 0;
            module[m++] = Wire.SyncWordRsp1;
            module[m++] = 0xAA; // noise with a false head
            m += FrameEncoder.EncodeBeginResponse(module, m, Status.Success, 1024);
            m += FrameEncoder.EncodeDataResponse(module, m, Status.Success, 1);
            module[m++] = 0xB6;
            m += FrameEncoder.EncodeStatusResponse(module, m, Command.DlEndRsp, Status.Success);
            m += FrameEncoder.EncodeStatusResponse(module, m, Command.RunGsmSwRsp, Status.InDownloadMode);
            _clock.Advance(100);
            _pc.Write(host, 0, h);
            _module.Write(module, 0, m);
            PumpAll();

            RelayCounters c = Counters();
            Assert.AreEqual(0L, c.DecodedBytes, "no decoder ran");
            Assert.AreEqual(4L, c.FramesHostToModule, "BEGIN, DATA, END, RUN counted");
            Assert.AreEqual(4L, c.FramesModuleToHost, "four answers counted behind noise");
            Assert.AreEqual("off@0 on@500 release@700", _power.Log, "released on the RUN answer");
            Assert.IsFalse(_relay.SessionActive, "session over");
            Assert.IsTrue(c.ByteSteps < 200, "a few steps per frame, none per data byte: " + c.ByteSteps.ToString());
            if (tap != null)
            {
                Assert.AreEqual(0, tap.HostFrames.Count + tap.ModuleFrames.Count, "no frames for a tap that wants none");
                Assert.AreEqual((long)(30 + h + m), tap.Bytes, "still told of every byte");
            }
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(13)]
        [DataRow(200)]
        [DataRow(1024)]
        public void Relay_TapSeesTheFramesAPlainDecoderFinds_BothDirections(int chunk)
        {
            FrameListTap tap = new FrameListTap(true, true);
            Build(false, chunk, tap);
            byte[] toModule = HostStream(41, 6000);
            byte[] toHost = FrameSpotterTests.ModuleStream(42, 3000);
            ArrayList hostReference = FrameListTap.Reference(new FrameDecoder(2048), toModule);
            ArrayList moduleReference = FrameListTap.Reference(new FrameDecoder(256), toHost);
            Assert.IsTrue(hostReference.Count > 5, "host frames to see: " + hostReference.Count.ToString());
            Assert.IsTrue(moduleReference.Count > 50, "module frames to see: " + moduleReference.Count.ToString());

            byte[] gotModule = new byte[toModule.Length];
            byte[] gotHost = new byte[toHost.Length];
            Exchange(toModule, toHost, gotModule, gotHost);

            AssertSameList(hostReference, tap.HostFrames, "host->module frames");
            AssertSameList(moduleReference, tap.ModuleFrames, "module->host frames");
            Assert.IsTrue(Bytes.Same(toModule, 0, gotModule, 0, toModule.Length), "host->module bytes identical");
            Assert.IsTrue(Bytes.Same(toHost, 0, gotHost, 0, toHost.Length), "module->host bytes identical");
        }

        [TestMethod]
        public void Relay_TapThatWantsHostFramesOnly_GetsNoModuleFrames()
        {
            FrameListTap tap = new FrameListTap(true, false);
            Build(false, 256, tap);
            byte[] toModule = HostStream(51, 3000);
            byte[] toHost = FrameSpotterTests.ModuleStream(52, 3000);
            Exchange(toModule, toHost, new byte[toModule.Length], new byte[toHost.Length]);

            Assert.IsTrue(tap.HostFrames.Count > 2, "host frames shown");
            Assert.AreEqual(0, tap.ModuleFrames.Count, "module frames not decoded");
            Assert.IsTrue(Counters().DecodedBytes <= toModule.Length, "only host bytes reached a decoder");
            Assert.IsTrue(Counters().FramesModuleToHost > 50, "module frames still counted");
        }

        [TestMethod]
        public void Relay_WithoutTap_PowerCyclesOnTheFirstSyncAfterQuiet_WhileTheModuleTalks()
        {
            Build(true, 1024, null);
            byte[] noise = Rich(61, 200);

            // 0xB5 ticks every 20 ms while the module streams noise: one cycle for the stream of ticks.
            for (int i = 0; i < 40; i++)
            {
                _pc.Write(new byte[] { Wire.SyncWord1 }, 0, 1);
                _module.Write(noise, (i * 5) % 150, 50);
                PumpAll();
                _clock.Advance(Wire.SyncIntervalMs);
            }

            Assert.AreEqual("off@0 on@500", _power.Log, "one cycle for one stream of ticks");

            // A new stream after a quiet host line (the updater restarting) cycles again.
            _clock.Advance(1000);
            PumpAll();
            for (int i = 0; i < 3; i++)
            {
                _pc.Write(new byte[] { Wire.SyncWord1 }, 0, 1);
                PumpAll();
                _clock.Advance(Wire.SyncIntervalMs);
            }

            Assert.AreEqual("off@0 on@500 off@1800", _power.Log, "second cycle after the pause");
            Assert.AreEqual(0L, Counters().DecodedBytes, "no decoder ran");
        }

        private static void Build(bool autoPower, int chunk, IRelayTap tap)
        {
            _clock = new ManualClock();
            _power = new RecordingPower(_clock);
            PipeLink.CreatePair(PipeCapacity, out _pc, out PipeLink relayHost);
            PipeLink.CreatePair(PipeCapacity, out PipeLink relayModule, out _module);
            RelayOptions options = new RelayOptions();
            options.AutoPowerCycle = autoPower;
            options.ChunkSize = chunk;
            options.MaxFrameDataLength = 2048;
            _relay = new RelayEngine(relayHost, relayModule, _power, _clock, options);
            _relay.Tap = tap;
        }

        // Sends count ticks 20 ms apart, pumping after each.
        private static void Tick(int count)
        {
            byte[] tick = new byte[] { Wire.SyncWord1 };
            for (int i = 0; i < count; i++)
            {
                _pc.Write(tick, 0, 1);
                PumpAll();
                _clock.Advance(Wire.SyncIntervalMs);
            }
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

        // Feeds both streams in pieces that fit the pipes, pumping and draining until all arrived.
        private static void Exchange(byte[] toModule, byte[] toHost, byte[] gotModule, byte[] gotHost)
        {
            int sentA = 0;
            int sentB = 0;
            int atA = 0;
            int atB = 0;
            TestRandom pieces = new TestRandom(7);
            for (int round = 0; round < 100000 && (atA < toModule.Length || atB < toHost.Length); round++)
            {
                int piece = 1 + pieces.Next(700);
                sentA += Offer(_pc, toModule, sentA, piece);
                sentB += Offer(_module, toHost, sentB, piece);
                PumpAll();
                atA += _module.Read(gotModule, atA, gotModule.Length - atA, 0);
                atB += _pc.Read(gotHost, atB, gotHost.Length - atB, 0);
            }

            Assert.AreEqual(toModule.Length, atA, "host->module byte count");
            Assert.AreEqual(toHost.Length, atB, "module->host byte count");
        }

        private static int Offer(PipeLink end, byte[] data, int sent, int piece)
        {
            int room = PipeCapacity - end.Transmit.Count;
            int n = data.Length - sent;
            n = n < piece ? n : piece;
            n = n < room ? n : room;
            if (n > 0)
            {
                end.Write(data, sent, n);
            }

            return n;
        }

        /// <summary>Random bytes where 0xAA and 0xB5 are common (a quarter and an eighth of them).</summary>
        private static byte[] Rich(uint seed, int size)
        {
            TestRandom random = new TestRandom(seed);
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++)
            {
                int pick = random.Next(8);
                data[i] = pick < 2 ? Wire.Head : pick == 2 ? Wire.SyncWord1 : (byte)random.NextUInt();
            }

            return data;
        }

        /// <summary>A seeded host->module stream: ticks, commands and DATA frames (some damaged or cut short) between noise rich in 0xAA.</summary>
        private static byte[] HostStream(uint seed, int size)
        {
            TestRandom random = new TestRandom(seed);
            byte[] stream = new byte[size];
            int n = 0;
            while (n < size - 400)
            {
                int kind = random.Next(6);
                if (kind == 0)
                {
                    int count = 1 + random.Next(20);
                    for (int i = 0; i < count; i++)
                    {
                        int pick = random.Next(4);
                        stream[n++] = pick == 0 ? Wire.Head : pick == 1 ? Wire.SyncWord1 : (byte)random.NextUInt();
                    }

                    continue;
                }

                int start = n;
                if (kind == 1)
                {
                    n += FrameEncoder.EncodeEmpty(stream, n, random.Next(2) == 0 ? Command.DlEnd : Command.RunGsmSw);
                }
                else
                {
                    int block = 2 * (1 + random.Next(150));
                    random.Fill(stream, n + Wire.DataBlockOffset, block);
                    n += FrameEncoder.EncodeDataInPlace(stream, n, random.NextUInt(), block);
                }

                if (kind == 5)
                {
                    stream[start + 1 + random.Next(n - start - 1)] ^= 0x10; // damaged
                }
            }

            byte[] exact = new byte[n];
            Array.Copy(stream, exact, n);
            return exact;
        }

        private static void AssertSameList(ArrayList expected, ArrayList actual, string what)
        {
            Assert.AreEqual(expected.Count, actual.Count, what + ": count");
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.AreEqual((string)expected[i], (string)actual[i], what + ": frame " + i.ToString());
            }
        }

        private static RelayCounters Counters()
        {
            RelayCounters c = new RelayCounters();
            _relay.CopyCounters(c);
            return c;
        }
    }
}
