using McuUpdater.Protocol;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Protocol
{
    [TestClass]
    public class FrameDecoderTests
    {
        // Payload bytes that contain no 0xAA, so a re-scan can never find a head inside them.
        private static readonly byte[] Payload = new byte[] { 0x00, 0x00, 0x04, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };

        [TestMethod]
        [DataRow(Command.DlBegin, 4)]
        [DataRow(Command.DlBeginRsp, 4)]
        [DataRow(Command.DlData, 10)]
        [DataRow(Command.DlDataRsp, 6)]
        [DataRow(Command.DlEnd, 0)]
        [DataRow(Command.DlEndRsp, 2)]
        [DataRow(Command.RunGsmSw, 0)]
        [DataRow(Command.RunGsmSwRsp, 2)]
        public void Decoder_RoundTripsEveryCommand(ushort type, int length)
        {
            FrameStream stream = new FrameStream(64);
            stream.AddFrame(type, Payload, 0, length);
            FrameDecoder decoder = new FrameDecoder(64);
            FrameCollector collector = new FrameCollector(decoder);
            collector.Feed(stream.Buffer, 0, stream.Length, stream.Length);
            AssertFrames(stream, collector, Command.Name(type));
            Assert.AreEqual(0L, decoder.DiscardedBytes, "nothing discarded");
        }

        [TestMethod]
        public void Decoder_ResyncsAfterGarbageBeforeAndBetweenFrames()
        {
            byte[] noise = new byte[] { 0xB6, 0x00, 0xFF, 0x5B, 0x12 };
            FrameStream stream = new FrameStream(256);
            stream.AddRaw(noise, 0, noise.Length);
            stream.AddFrame(Command.DlDataRsp, Payload, 0, 6);
            stream.AddRaw(noise, 0, 3);
            stream.AddFrame(Command.DlEndRsp, Payload, 0, 2);
            stream.AddRaw(noise, 0, noise.Length);
            FrameDecoder decoder = new FrameDecoder(64);
            FrameCollector collector = new FrameCollector(decoder);
            collector.Feed(stream.Buffer, 0, stream.Length, 1);
            AssertFrames(stream, collector, "noise around frames");
            Assert.AreEqual((long)(noise.Length + 3 + noise.Length), decoder.DiscardedBytes, "every noise byte counted");
        }

        [TestMethod]
        public void Decoder_FindsFrameHiddenBehindFalseHead()
        {
            // A stray 0xAA right before a real frame makes a plausible-looking candidate that swallows
            // the real frame; the re-scan after its CRC fails must still find the real one.
            FrameStream stream = new FrameStream(256);
            stream.AddRaw(new byte[] { 0xAA, 0x00 }, 0, 2);
            stream.AddFrame(Command.DlDataRsp, Payload, 0, 6);
            stream.AddFrame(Command.DlEndRsp, Payload, 0, 2);
            stream.AddFrame(Command.DlBeginRsp, Payload, 0, 4);
            FrameDecoder decoder = new FrameDecoder(8300);
            FrameCollector collector = new FrameCollector(decoder);
            collector.Feed(stream.Buffer, 0, stream.Length, 5);
            Assert.AreEqual(3, collector.Frames.Count, "frames found after the false head");
        }

        [TestMethod]
        public void Decoder_EveryTwoWaySplit_GivesSameFrames()
        {
            FrameStream stream = new FrameStream(256);
            stream.AddFrame(Command.DlBegin, Payload, 0, 4);
            stream.AddFrame(Command.DlData, Payload, 0, 10);
            stream.AddFrame(Command.DlEnd, Payload, 0, 0);
            for (int split = 0; split <= stream.Length; split++)
            {
                FrameCollector collector = new FrameCollector(new FrameDecoder(64));
                collector.FeedChunk(stream.Buffer, 0, split);
                collector.FeedChunk(stream.Buffer, split, stream.Length - split);
                AssertFrames(stream, collector, "split at " + split.ToString());
            }
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(7)]
        [DataRow(13)]
        public void Decoder_AnyChunkSize_GivesSameFrames(int chunk)
        {
            FrameStream stream = new FrameStream(256);
            stream.AddFrame(Command.DlBeginRsp, Payload, 0, 4);
            stream.AddFrame(Command.DlData, Payload, 0, 10);
            stream.AddFrame(Command.RunGsmSwRsp, Payload, 0, 2);
            FrameCollector collector = new FrameCollector(new FrameDecoder(64));
            collector.Feed(stream.Buffer, 0, stream.Length, chunk);
            AssertFrames(stream, collector, "chunk " + chunk.ToString());
        }

        [TestMethod]
        public void Decoder_FlippedBitInAnyField_RejectsFrameAndKeepsTheRest()
        {
            const int DataLength = 6;
            int frameLength = FrameEncoder.FrameLength(DataLength);
            for (int bit = 0; bit < frameLength * 8; bit++)
            {
                FrameStream stream = new FrameStream(256);
                int at = stream.AddUnexpectedFrame(Command.DlDataRsp, Payload, 0, DataLength);
                stream.Buffer[at + (bit / 8)] ^= (byte)(1 << (bit % 8));
                stream.AddFrame(Command.DlDataRsp, Payload, 0, DataLength);
                stream.AddFrame(Command.DlEndRsp, Payload, 0, 2);
                stream.AddFrame(Command.DlBeginRsp, Payload, 0, 4);
                stream.AddFrame(Command.DlDataRsp, Payload, 4, DataLength);
                stream.AddFrame(Command.DlDataRsp, Payload, 2, DataLength);
                FrameDecoder decoder = new FrameDecoder(64);
                FrameCollector collector = new FrameCollector(decoder);
                collector.Feed(stream.Buffer, 0, stream.Length, 4);
                AssertFrames(stream, collector, "bit " + bit.ToString() + " flipped");
            }
        }

        [TestMethod]
        public void Decoder_OversizeLength_IsRejectedAndCounted()
        {
            FrameStream stream = new FrameStream(256);
            int at = stream.AddUnexpectedFrame(Command.DlData, Payload, 0, 10);
            stream.AddFrame(Command.DlDataRsp, Payload, 0, 6);
            FrameDecoder decoder = new FrameDecoder(8);
            FrameCollector collector = new FrameCollector(decoder);
            collector.Feed(stream.Buffer, 0, stream.Length, 3);
            Assert.AreEqual(1L, decoder.OversizeFrames, "oversize candidates");
            AssertFrames(stream, collector, "frame after an oversize one");
            Assert.AreEqual(0, at, "oversize frame was first");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(9)]
        [DataRow(12)]
        public void Decoder_TruncatedFrameFollowedByFrames_RecoversThem(int keep)
        {
            FrameStream stream = new FrameStream(256);
            stream.AddTruncatedFrame(Command.DlDataRsp, Payload, 0, 6, keep);
            stream.AddFrame(Command.DlDataRsp, Payload, 0, 6);
            stream.AddFrame(Command.DlEndRsp, Payload, 0, 2);
            stream.AddFrame(Command.DlBeginRsp, Payload, 0, 4);
            stream.AddFrame(Command.DlDataRsp, Payload, 2, 6);
            FrameCollector collector = new FrameCollector(new FrameDecoder(64));
            collector.Feed(stream.Buffer, 0, stream.Length, 64);
            AssertFrames(stream, collector, "after a frame cut at " + keep.ToString());
        }

        [TestMethod]
        public void Decoder_ResetDropsPartialFrame()
        {
            FrameStream partial = new FrameStream(64);
            partial.AddTruncatedFrame(Command.DlDataRsp, Payload, 0, 6, 8);
            FrameDecoder decoder = new FrameDecoder(64);
            FrameCollector collector = new FrameCollector(decoder);
            collector.Feed(partial.Buffer, 0, partial.Length, partial.Length);
            Assert.IsTrue(decoder.InFrame, "inside a frame before reset");
            decoder.Reset();
            Assert.IsFalse(decoder.InFrame, "idle after reset");
            FrameStream whole = new FrameStream(64);
            whole.AddFrame(Command.DlEndRsp, Payload, 0, 2);
            collector.Feed(whole.Buffer, 0, whole.Length, 1);
            AssertFrames(whole, collector, "frame after reset");
        }

        [TestMethod]
        public void Decoder_BadCrc_IsCounted()
        {
            FrameStream stream = new FrameStream(64);
            int at = stream.AddUnexpectedFrame(Command.DlEndRsp, Payload, 0, 2);
            stream.Buffer[at + 8] ^= 0x01;
            FrameDecoder decoder = new FrameDecoder(64);
            new FrameCollector(decoder).Feed(stream.Buffer, 0, stream.Length, 1);
            Assert.AreEqual(1L, decoder.BadCrcFrames, "bad CRC frames");
            Assert.AreEqual(0L, decoder.Frames, "good frames");
        }

        [TestMethod]
        public void Decoder_SeededRandomStream_RoundTripsThousandsOfFrames()
        {
            // 2000 frames in rounds of 50, so a device's heap holds one round at a time (each frame
            // is compared as text, expected and decoded: two strings of up to 150 characters).
            const int Rounds = 40;
            const int FramesPerRound = 50;
            TestRandom random = new TestRandom(20261122);
            byte[] data = new byte[48];
            byte[] noise = new byte[8];
            long decoded = 0;
            for (int round = 0; round < Rounds; round++)
            {
                FrameStream stream = new FrameStream(FramesPerRound * (Wire.FrameOverhead + 48 + 8));
                for (int i = 0; i < FramesPerRound; i++)
                {
                    if (random.Next(4) == 0)
                    {
                        int n = 1 + random.Next(noise.Length);
                        random.Fill(noise, 0, n);
                        for (int k = 0; k < n; k++)
                        {
                            // Noise without heads: a head in noise may legitimately hide the next frame
                            // until the stream goes on, which this round trip does not model.
                            if (noise[k] == Wire.Head)
                            {
                                noise[k] = 0x55;
                            }
                        }

                        stream.AddRaw(noise, 0, n);
                    }

                    int length = random.Next(data.Length + 1);
                    random.Fill(data, 0, length);
                    stream.AddFrame(1 + random.Next(0xFFFF), data, 0, length);
                }

                FrameDecoder decoder = new FrameDecoder(64);
                FrameCollector collector = new FrameCollector(decoder);
                int at = 0;
                while (at < stream.Length)
                {
                    int chunk = 1 + random.Next(200);
                    if (chunk > stream.Length - at)
                    {
                        chunk = stream.Length - at;
                    }

                    collector.FeedChunk(stream.Buffer, at, chunk);
                    at += chunk;
                }

                AssertFrames(stream, collector, "random stream, round " + round.ToString());
                Assert.AreEqual(0L, decoder.BadCrcFrames, "no CRC failures in a clean stream");
                decoded += decoder.Frames;
            }

            Assert.AreEqual((long)(Rounds * FramesPerRound), decoded, "thousands of frames decoded");
        }

        private static void AssertFrames(FrameStream stream, FrameCollector collector, string context)
        {
            Assert.AreEqual(stream.Expected.Count, collector.Frames.Count, context + ": frame count");
            for (int i = 0; i < stream.Expected.Count; i++)
            {
                Assert.AreEqual((string)stream.Expected[i], (string)collector.Frames[i], context + ": frame " + i.ToString());
            }
        }
    }
}
