using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Relay
{
    /// <summary>The relay's frame spotter: the same short frames as a decoder, long frames by their length, any chunking.</summary>
    [TestClass]
    public class FrameSpotterTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(5)]
        [DataRow(13)]
        [DataRow(64)]
        [DataRow(4096)]
        public void Spotter_CountsTheSameShortFramesAsADecoder_InNoiseAndDamage(int chunk)
        {
            // Module->host traffic at its worst: noise full of 0xAA, false heads right before real
            // answers, damaged and cut-short answers. A decoder bounded at the spotter's check length
            // is the reference: the spotter must find exactly its frames.
            byte[] stream = ModuleStream(21, 3000);
            FrameDecoder reference = new FrameDecoder(FrameSpotter.CheckedDataLength);
            FrameCollector collector = new FrameCollector(reference);
            collector.Feed(stream, 0, stream.Length, stream.Length);
            Assert.IsTrue(reference.Frames > 50, "the stream holds answers: " + reference.Frames.ToString());
            Assert.IsTrue(reference.BadCrcFrames > 10, "and damaged candidates: " + reference.BadCrcFrames.ToString());

            FrameSpotter spotter = new FrameSpotter(FrameSpotter.CheckedDataLength, Command.RunGsmSwRsp);
            for (int at = 0; at < stream.Length; at += chunk)
            {
                spotter.Scan(stream, at, stream.Length - at < chunk ? stream.Length - at : chunk);
            }

            Assert.AreEqual(reference.Frames, spotter.Frames, "frames, chunk " + chunk.ToString());
            Assert.AreEqual(Count(collector, "0008:"), spotter.WatchedFrames, "RUN_GSMSW_RSP frames");
        }

        [TestMethod]
        public void Spotter_FindsAnswerBehindAFalseHead()
        {
            // 0xAA 0x00 then a real RUN_GSMSW_RSP: the false candidate (length 8) swallows the answer
            // and, once the firmware's first bytes complete it, fails its CRC; the rescan must still
            // see the answer, like a decoder's.
            FrameStream s = new FrameStream(64);
            s.AddRaw(new byte[] { 0xAA, 0x00 }, 0, 2);
            byte[] status = new byte[] { 0x00, 0x03 };
            s.AddFrame(Command.RunGsmSwRsp, status, 0, 2);
            byte[] boot = new byte[] { 0xFF, 0xFF, 0x00, 0x0D, 0x0A, 0x52, 0x44, 0x59 };
            s.AddRaw(boot, 0, boot.Length);
            FrameSpotter spotter = new FrameSpotter(FrameSpotter.CheckedDataLength, Command.RunGsmSwRsp);
            for (int i = 0; i < s.Length; i++)
            {
                spotter.Scan(s.Buffer, i, 1);
            }

            Assert.AreEqual(1L, spotter.Frames, "one frame");
            Assert.AreEqual(1L, spotter.WatchedFrames, "the RUN answer");
            Assert.IsFalse(spotter.InFrame, "nothing open afterwards");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(100)]
        [DataRow(1024)]
        public void Spotter_DelimitsLongFramesByLength_AcrossChunks(int chunk)
        {
            // Host->module traffic: ticks, BEGIN, DATA frames whose payload is full of 0xAA, END, RUN.
            byte[] stream = new byte[2400];
            int n = 0;
            for (int i = 0; i < 5; i++)
            {
                stream[n++] = Wire.SyncWord1;
            }

            stream[n++] = Wire.SyncWord2;
            n += FrameEncoder.EncodeBegin(stream, n, 1);
            for (uint seq = 0; seq < 4; seq++)
            {
                for (int i = 0; i < 500; i++)
                {
                    stream[n + Wire.DataBlockOffset + i] = (i % 3) == 0 ? Wire.Head : (byte)i;
                }

                n += FrameEncoder.EncodeDataInPlace(stream, n, seq, 500);
            }

            n += FrameEncoder.EncodeEmpty(stream, n, Command.DlEnd);
            n += FrameEncoder.EncodeEmpty(stream, n, Command.RunGsmSw);
            FrameSpotter spotter = new FrameSpotter(16384 + 256, -1);
            bool openAtACut = false;
            for (int at = 0; at < n; at += chunk)
            {
                spotter.Scan(stream, at, n - at < chunk ? n - at : chunk);
                openAtACut |= spotter.InFrame;
            }

            Assert.AreEqual(7L, spotter.Frames, "BEGIN, 4 DATA, END, RUN");
            Assert.IsFalse(spotter.InFrame, "closed at the end");
            Assert.AreEqual(chunk < n, openAtACut, "a cut inside a frame shows as InFrame");
            Assert.IsTrue(spotter.ByteSteps < 200, "DATA bodies are skipped, not stepped: " + spotter.ByteSteps.ToString());
        }

        private static long Count(FrameCollector collector, string prefix)
        {
            long count = 0;
            for (int i = 0; i < collector.Frames.Count; i++)
            {
                if (((string)collector.Frames[i]).IndexOf(prefix) == 0)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>A seeded module->host stream: answers (some damaged, cut short or behind false heads) in noise rich in 0xAA.</summary>
        internal static byte[] ModuleStream(uint seed, int size)
        {
            TestRandom random = new TestRandom(seed);
            byte[] stream = new byte[size];
            byte[] frame = new byte[32];
            byte[] data = new byte[8];
            int n = 0;
            while (n < size - 40)
            {
                int kind = random.Next(8);
                if (kind <= 1)
                {
                    // Noise: 0xAA a third of the time, so false heads are common.
                    int count = 1 + random.Next(12);
                    for (int i = 0; i < count; i++)
                    {
                        stream[n++] = random.Next(3) == 0 ? Wire.Head : (byte)random.NextUInt();
                    }

                    continue;
                }

                random.Fill(data, 0, data.Length);
                int type = kind == 2 ? Command.RunGsmSwRsp : kind == 3 ? Command.DlEndRsp : Command.DlDataRsp;
                int length = type == Command.DlDataRsp ? 6 : 2;
                int f = FrameEncoder.Encode(frame, 0, type, data, 0, length);
                if (kind == 7)
                {
                    // Damaged: one byte after the head changed.
                    frame[1 + random.Next(f - 1)] ^= (byte)(1 + random.Next(255));
                }

                if (kind == 6)
                {
                    f = 1 + random.Next(f - 1); // cut short
                }

                System.Array.Copy(frame, 0, stream, n, f);
                n += f;
            }

            return stream;
        }
    }
}
