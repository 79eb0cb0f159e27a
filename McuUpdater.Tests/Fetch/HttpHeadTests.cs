using System.Text;
using McuUpdater.Fetch;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>The response head parser: status, lengths, ranges, and malformed heads as problems, not crashes.</summary>
    [TestClass]
    public class HttpHeadTests
    {
        [TestMethod]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", 200, 1234, -1, -1)]
        [DataRow("HTTP/1.1 206 Partial Content\r\ncontent-range: bytes 100-999/1000\r\nContent-Length: 900\r\n\r\n", 206, 900, 100, 1000)]
        [DataRow("HTTP/1.0 206 Partial\nContent-Range: bytes 5-9/*\nContent-Length: 5\n\n", 206, 5, 5, -1)]
        [DataRow("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */777\r\n\r\n", 416, -1, -1, 777)]
        [DataRow("HTTP/1.1 404 Not Found\r\n\r\n", 404, -1, -1, -1)]
        public void Head_ParsesStatusLengthAndRange(string head, int status, int length, int first, int total)
        {
            HttpHead h = Feed(head + "BODY", out int used);
            Assert.IsTrue(h.Complete, "complete: " + h.Problem);
            Assert.AreEqual(head.Length, used, "the body is left to the caller");
            Assert.AreEqual(status, h.Status, "status");
            Assert.AreEqual((long)length, h.ContentLength, "length");
            Assert.AreEqual((long)first, h.RangeFirst, "range first");
            Assert.AreEqual((long)total, h.RangeTotal, "range total");
        }

        [TestMethod]
        public void Head_ArrivingByteByByteEndsAtTheBlankLine()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nX");
            HttpHead h = new HttpHead();
            int i = 0;
            while (!h.Complete && i < bytes.Length)
            {
                Assert.AreEqual(1, h.Feed(bytes, i, 1), "each byte taken");
                i++;
            }

            Assert.IsTrue(h.Complete, "complete");
            Assert.AreEqual(bytes.Length - 1, i, "stopped before the body");
            Assert.IsTrue(h.Chunked, "chunked seen");
        }

        [TestMethod]
        [DataRow("SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.x status line")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n", "bad Content-Length")]
        [DataRow("HTTP/1.1 206 OK\r\nContent-Range: bytes 9-3/10\r\n\r\n", "bad Content-Range")]
        public void Head_MalformedIsAProblem(string head, string problem)
        {
            HttpHead h = Feed(head, out int used);
            Assert.IsFalse(h.Complete, "not usable");
            Assert.IsTrue(h.Problem.IndexOf(problem) == 0, h.Problem);
        }

        [TestMethod]
        public void Head_NotTextIsAProblem()
        {
            byte[] bytes = new byte[] { (byte)'H', (byte)'T', (byte)'T', (byte)'P', 0xC3, 0x28, 0xFF, 0xFE, (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' };
            HttpHead h = new HttpHead();
            h.Feed(bytes, 0, bytes.Length);
            Assert.IsFalse(h.Complete, "not usable");
            Assert.IsTrue(h.Problem.IndexOf("not text") >= 0, h.Problem);
        }

        [TestMethod]
        public void Head_LongerThanItsBufferIsAProblem()
        {
            HttpHead h = new HttpHead();
            byte[] line = Encoding.UTF8.GetBytes("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
            h.Feed(Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\n"), 0, 17);
            for (int i = 0; i < 100 && h.Problem == null; i++)
            {
                h.Feed(line, 0, line.Length);
            }

            Assert.IsNotNull(h.Problem, "refused");
            Assert.IsTrue(h.Problem.IndexOf("longer than " + HttpHead.MaxHeadBytes.ToString()) >= 0, h.Problem);
        }

        [TestMethod]
        public void Request_CarriesRangeOnlyWhenResuming()
        {
            byte[] buffer = new byte[HttpRequest.MaxBytes];
            int n = HttpRequest.Write("10.0.0.1", 80, "/a.pkg", 0, buffer);
            string fresh = Encoding.UTF8.GetString(buffer, 0, n);
            Assert.AreEqual("GET /a.pkg HTTP/1.1\r\nHost: 10.0.0.1\r\nUser-Agent: McuUpdater\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n", fresh, "fresh request");
            n = HttpRequest.Write("10.0.0.1", 8080, "/a.pkg", 4096, buffer);
            string resume = Encoding.UTF8.GetString(buffer, 0, n);
            Assert.IsTrue(resume.IndexOf("Host: 10.0.0.1:8080\r\n") > 0, resume);
            Assert.IsTrue(resume.IndexOf("\r\nRange: bytes=4096-\r\n\r\n") > 0, resume);
        }

        private static HttpHead Feed(string text, out int used)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            HttpHead h = new HttpHead();
            used = h.Feed(bytes, 0, bytes.Length);
            return h;
        }
    }
}
