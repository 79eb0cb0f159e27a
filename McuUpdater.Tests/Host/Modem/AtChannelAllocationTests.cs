using System;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using McuUpdater.Tests.Modem;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Modem
{
    /// <summary>The AT channel allocates per line and per command, never per byte (measured with the host's allocation counter).</summary>
    [TestClass]
    public class AtChannelAllocationTests
    {
        [TestMethod]
        public void Channel_PayloadReadsAllocateNothingPerByte()
        {
            const int Reads = 40;
            const int Chunk = 1500;
            ScriptedAtModule module = new ScriptedAtModule();
            VirtualWire wire = new VirtualWire(module);
            AtChannel channel = new AtChannel(wire.HostLink, wire.Clock, 256);
            byte[] head = Encoding.ASCII.GetBytes("\r\n+QIRD: 1500\r\n");
            byte[] tail = Encoding.ASCII.GetBytes("\r\n\r\nOK\r\n");
            byte[] reply = new byte[head.Length + Chunk + tail.Length];
            Array.Copy(head, reply, head.Length);
            Array.Copy(tail, 0, reply, head.Length + Chunk, tail.Length);
            for (int i = 0; i < Reads + 1; i++)
            {
                module.ThenBytes(reply);
            }

            byte[] buffer = new byte[Chunk];

            // One read to warm up (JIT, the wire's rings), then measure.
            Assert.AreEqual(AtResult.Ok, channel.CommandWithPayload("AT+QIRD=0,1500", 5000, "+QIRD:", false, buffer, 0, Chunk));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Reads; i++)
            {
                Assert.AreEqual(AtResult.Ok, channel.CommandWithPayload("AT+QIRD=0,1500", 5000, "+QIRD:", false, buffer, 0, Chunk));
                Assert.AreEqual(Chunk, channel.PayloadLength);
            }

            long perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / Reads;
            Assert.IsTrue(perRead < 1024, "bytes allocated per 1500-byte read (channel, wire and scripted module together): " + perRead.ToString());
        }
    }
}
