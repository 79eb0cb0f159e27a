using System.Threading;
using McuUpdater.Link;
using McuUpdater.Tests.Support;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Relay
{
    [TestClass]
    public class PipeLinkTests
    {
        [TestMethod]
        public void Pipe_ReadReturnsWhatIsThere_AndZeroOnTimeout()
        {
            PipeLink.CreatePair(8, out PipeLink a, out PipeLink b);
            byte[] buffer = new byte[16];
            Assert.AreEqual(0, b.Read(buffer, 0, 16, 0), "empty pipe, no wait");
            Assert.AreEqual(0, b.Read(buffer, 0, 16, 5), "empty pipe, short wait");
            a.Write(new byte[] { 1, 2, 3 }, 0, 3);
            Assert.AreEqual(3, b.Read(buffer, 0, 16, 1000), "never waits for the whole count");
            Assert.AreEqual("01 02 03", Bytes.ToHex(buffer, 0, 3), "bytes in order");
            Assert.AreEqual(0, a.Read(buffer, 0, 16, 0), "the other direction is separate");
        }

        [TestMethod]
        public void Pipe_WrapsAroundItsRing()
        {
            PipeLink.CreatePair(5, out PipeLink a, out PipeLink b);
            byte[] buffer = new byte[8];
            for (int round = 0; round < 7; round++)
            {
                a.Write(new byte[] { (byte)round, 0xEE, (byte)(round + 1) }, 0, 3);
                Assert.AreEqual(2, b.Read(buffer, 0, 2, 0), "partial read");
                Assert.AreEqual(1, b.Read(buffer, 2, 8, 0), "rest");
                Assert.AreEqual((byte)round, buffer[0], "first byte");
                Assert.AreEqual((byte)(round + 1), buffer[2], "last byte");
            }
        }

        [TestMethod]
        public void Pipe_WriterWaitsForSpace_NothingLost()
        {
            PipeLink.CreatePair(16, out PipeLink a, out PipeLink b);
            byte[] data = new byte[1000];
            new TestRandom(3).Fill(data, 0, data.Length);
            Thread writer = new Thread(() => a.Write(data, 0, data.Length));
            writer.Start();
            byte[] got = new byte[1000];
            int at = 0;
            int misses = 0;
            while (at < got.Length && misses < 100)
            {
                int n = b.Read(got, at, got.Length - at, 20);
                at += n;
                misses = n == 0 ? misses + 1 : 0;
            }

            writer.Join();
            Assert.AreEqual(data.Length, at, "all bytes through a 16-byte pipe");
            Assert.IsTrue(Bytes.Same(data, 0, got, 0, at), "same bytes");
        }
    }
}
