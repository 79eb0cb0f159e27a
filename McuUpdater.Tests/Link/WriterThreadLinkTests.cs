using System;
using System.Threading;
using McuUpdater.Link;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Link
{
    /// <summary>The writer thread over a port whose Write blocks until its bytes have left (ESP32).</summary>
    [TestClass]
    public class WriterThreadLinkTests
    {
        // Generous: these wait on events, never on time.
        private const int LimitMs = 10000;

        [TestMethod]
        public void WriterThread_BackgroundWriteReturnsAtOnceAndWaitWrittenEndsWhenThePortHasSentIt()
        {
            BlockingLink port = new BlockingLink();
            WriterThreadLink link = new WriterThreadLink(port);
            try
            {
                byte[] frame = new byte[] { 1, 2, 3 };
                link.BeginWrite(frame, 0, 3);
                Assert.IsTrue(port.Entered.WaitOne(LimitMs, false), "the writer thread is inside the port's Write");
                Assert.IsFalse(link.WaitWritten(0), "still being written while the port blocks");
                port.Release.Set();
                Assert.IsTrue(link.WaitWritten(LimitMs), "written once the port returned");
                Assert.AreEqual(3, port.Bytes, "the bytes reached the port");
                Assert.AreEqual(1, link.BackgroundWrites, "one background write");
            }
            finally
            {
                port.Release.Set();
                link.Dispose();
            }
        }

        [TestMethod]
        public void WriterThread_PlainWriteWaitsForTheBackgroundWriteSoBytesNeverInterleave()
        {
            BlockingLink port = new BlockingLink();
            WriterThreadLink link = new WriterThreadLink(port);
            try
            {
                link.BeginWrite(new byte[] { 1, 2 }, 0, 2);
                Assert.IsTrue(port.Entered.WaitOne(LimitMs, false), "background write started");
                Thread releaser = new Thread(ReleaseLater);
                s_port = port;
                releaser.Start();
                port.AutoRelease = true;
                link.Write(new byte[] { 9 }, 0, 1);
                Assert.AreEqual("1,2;9;", port.Log, "the plain write came after the whole background write");
                releaser.Join(LimitMs);
            }
            finally
            {
                port.AutoRelease = true;
                port.Release.Set();
                link.Dispose();
            }
        }

        [TestMethod]
        public void WriterThread_AFailedBackgroundWriteFailsTheNextCall()
        {
            BlockingLink port = new BlockingLink();
            port.Fail = true;
            port.AutoRelease = true;
            WriterThreadLink link = new WriterThreadLink(port);
            try
            {
                link.BeginWrite(new byte[] { 1 }, 0, 1);
                bool threw = false;
                try
                {
                    link.WaitWritten(LimitMs);
                }
                catch (InvalidOperationException)
                {
                    threw = true;
                }

                Assert.IsTrue(threw, "the port's failure reaches the caller");
                Assert.IsTrue(link.WaitWritten(0), "once");
            }
            finally
            {
                link.Dispose();
            }
        }

        private static BlockingLink s_port;

        private static void ReleaseLater()
        {
            s_port.Release.Set();
        }

        /// <summary>A port whose Write blocks until released, logging what it was given.</summary>
        private sealed class BlockingLink : ISerialLink
        {
            public readonly AutoResetEvent Entered = new AutoResetEvent(false);
            public readonly AutoResetEvent Release = new AutoResetEvent(false);
            public bool AutoRelease;
            public bool Fail;
            public int Bytes;
            public string Log = string.Empty;

            public void Write(byte[] buffer, int offset, int count)
            {
                Entered.Set();
                if (Fail)
                {
                    throw new InvalidOperationException("port gone");
                }

                if (!AutoRelease)
                {
                    Release.WaitOne(LimitMs, false);
                }

                string text = string.Empty;
                for (int i = 0; i < count; i++)
                {
                    text = text + (i > 0 ? "," : string.Empty) + buffer[offset + i].ToString();
                }

                Log = Log + text + ";";
                Bytes += count;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                return 0;
            }
        }
    }
}
