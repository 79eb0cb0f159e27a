using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Http
{
    /// <summary>The loopback HTTP server answers as the fetch tests rely on (checked with a plain TcpClient).</summary>
    [TestClass]
    public class LoopbackHttpServerTests
    {
        [TestMethod]
        public void Loopback_ServesWholeFileAnd206FromOffset()
        {
            byte[] body = Body(10000);
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            {
                Answer a = Get(server, null);
                Assert.AreEqual("HTTP/1.1 200 OK", a.StatusLine);
                Assert.IsTrue(a.Head.Contains("Content-Length: 10000"), a.Head);
                Assert.AreEqual(10000, a.Body.Length);
                Answer b = Get(server, "bytes=4000-");
                Assert.AreEqual("HTTP/1.1 206 Partial Content", b.StatusLine);
                Assert.IsTrue(b.Head.Contains("Content-Range: bytes 4000-9999/10000"), b.Head);
                Assert.AreEqual(6000, b.Body.Length);
                Assert.AreEqual(body[4000], b.Body[0]);
                Assert.AreEqual("bytes=4000-", server.RangeOf(1));
            }
        }

        [TestMethod]
        public void Loopback_FaultOptionsChangeTheAnswer()
        {
            byte[] body = Body(5000);
            using (LoopbackHttpServer server = new LoopbackHttpServer(body))
            {
                server.IgnoreRange = true;
                Assert.AreEqual("HTTP/1.1 200 OK", Get(server, "bytes=100-").StatusLine);
                server.IgnoreRange = false;
                server.RangeShift = -50;
                Assert.IsTrue(Get(server, "bytes=100-").Head.Contains("Content-Range: bytes 50-4999/5000"));
                server.RangeShift = 0;
                Assert.AreEqual("HTTP/1.1 416 Range Not Satisfiable", Get(server, "bytes=5000-").StatusLine);
                server.ShortBodyBy = 100;
                Answer s = Get(server, null);
                Assert.IsTrue(s.Head.Contains("Content-Length: 5000"));
                Assert.AreEqual(4900, s.Body.Length);
                server.ShortBodyBy = 0;
                server.CloseAfterBodyBytes = 1234;
                Assert.AreEqual(1234, Get(server, null).Body.Length);
                server.CloseAfterBodyBytes = -1;
                server.ForceStatus = 500;
                Assert.AreEqual("HTTP/1.1 500 Internal Server Error", Get(server, null).StatusLine);
                server.ForceStatus = 0;
                Assert.AreEqual("HTTP/1.1 404 Not Found", Get(server, null, "/other").StatusLine);
            }
        }

        private static byte[] Body(int n)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = (byte)(i * 7 + (i >> 8));
            }

            return b;
        }

        private sealed class Answer
        {
            public string StatusLine;
            public string Head;
            public byte[] Body;
        }

        private static Answer Get(LoopbackHttpServer server, string range, string path = null)
        {
            using (TcpClient client = new TcpClient())
            {
                client.ReceiveTimeout = 5000;
                client.Connect("127.0.0.1", server.Port);
                NetworkStream s = client.GetStream();
                string req = "GET " + (path ?? server.Path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + (range != null ? "Range: " + range + "\r\n" : string.Empty) + "\r\n";
                byte[] r = Encoding.ASCII.GetBytes(req);
                s.Write(r, 0, r.Length);
                MemoryStream all = new MemoryStream();
                s.CopyTo(all);
                byte[] data = all.ToArray();
                string text = Encoding.Latin1.GetString(data);
                int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                Answer a = new Answer();
                a.Head = text.Substring(0, end);
                a.StatusLine = a.Head.Split("\r\n")[0];
                a.Body = new byte[data.Length - end - 4];
                Array.Copy(data, end + 4, a.Body, 0, a.Body.Length);
                return a;
            }
        }
    }
}
