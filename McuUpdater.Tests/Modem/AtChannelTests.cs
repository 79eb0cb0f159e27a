using System.Collections;
using System.Text;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>The AT channel on real wire bytes in virtual time: finals, URC classification, prompt, payloads by count, restarts, bounds.</summary>
    [TestClass]
    public class AtChannelTests
    {
        private static ScriptedAtModule _module;
        private static VirtualWire _wire;
        private static AtChannel _channel;
        private static ArrayList _urcs;
        private static int _restarts;

        private static void Rig(int lineCapacity)
        {
            _module = new ScriptedAtModule();
            _wire = new VirtualWire(_module);
            _channel = new AtChannel(_wire.HostLink, _wire.Clock, lineCapacity);
            _urcs = new ArrayList();
            _restarts = 0;
            _channel.Urc += OnUrc;
            _channel.Restarted += OnRestarted;
        }

        private static void OnUrc(string line)
        {
            _urcs.Add(line);
        }

        private static void OnRestarted(string line)
        {
            _restarts++;
        }

        [TestMethod]
        [DataRow("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n", 0, 1, "OK", 0)]
        [DataRow("AT+CPIN?", "AT+CPIN?\r\r\n+CPIN: READY\r\n\r\nOK\r\n", 0, 1, "OK", 0)]
        [DataRow("AT+CPIN?", "\r\n+CME ERROR: 10\r\n", 2, 0, "+CME ERROR: 10", 0)]
        [DataRow("AT+CMGS=1", "\r\n+CMS ERROR: 500\r\n", 3, 0, "+CMS ERROR: 500", 0)]
        [DataRow("AT+QIACT=1", "\r\nERROR\r\n", 1, 0, "ERROR", 0)]
        [DataRow("AT+CPIN?", "\r\n+QIURC: \"recv\",0\r\n\r\n+CPIN: READY\r\n\r\nOK\r\n", 0, 1, "OK", 1)]
        [DataRow("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\n+CREG: 1\r\n\r\nOK\r\n", 0, 1, "OK", 1)]
        [DataRow("AT+CREG?", "\r\n+CREG: 0,1\r\n\r\nOK\r\n", 0, 1, "OK", 0)]
        [DataRow("AT+QIRD=0,1500", "\r\n+QIRDI: 0,1,0\r\n\r\n+QIRD: 0\r\n\r\nOK\r\n", 0, 1, "OK", 1)]
        [DataRow("AT+GMR", "\r\nM10ER01A08W32\r\n\r\nCLOSED\r\n\r\nOK\r\n", 0, 1, "OK", 1)]
        [DataRow("AT+QICLOSE", "\r\nCLOSE OK\r\n", 4, 0, "CLOSE OK", 0)]
        public void Channel_CommandEndsWithItsFinalAndKeepsUrcsOut(string command, string reply, int result, int lines, string final, int urcs)
        {
            Rig(256);
            _module.Then(reply);
            string[] finals = new string[] { "CLOSE OK" };
            AtResult r = _channel.Command(command, 1000, finals);
            Assert.AreEqual(result, (int)r, "result of " + command);
            Assert.AreEqual(lines, _channel.Lines.Count, "reply lines");
            Assert.AreEqual(final, _channel.FinalLine, "final line");
            Assert.AreEqual(urcs, _urcs.Count, "URCs delivered");
            Assert.AreEqual(command, (string)_module.Commands[0], "the command on the wire");
        }

        [TestMethod]
        public void Channel_CmeErrorCodeIsParsed()
        {
            Rig(256);
            _module.Then("\r\n+CME ERROR: 3\r\n");
            Assert.AreEqual(AtResult.CmeError, _channel.Command("AT+QIACT=1", 1000));
            Assert.AreEqual(3, _channel.ErrorCode);
        }

        [TestMethod]
        public void Channel_TimesOutAtItsLimitInVirtualTime()
        {
            Rig(256);
            _module.Then(null);
            long start = _wire.Clock.NowMs;
            Assert.AreEqual(AtResult.Timeout, _channel.Command("AT", 700));
            Assert.AreEqual(700L, _wire.Clock.NowMs - start, "waited exactly the command's limit");
            Assert.IsNull(_channel.FinalLine);
        }

        [TestMethod]
        [DataRow("\r\nRDY\r\n")]
        [DataRow("\r\n+CPIN: READY\r\n\r\nNORMAL POWER DOWN\r\n")]
        [DataRow("\r\nPOWERED DOWN\r\n")]
        public void Channel_RestartLineEndsTheCommandAsRestarted(string reply)
        {
            Rig(256);
            _module.Then(reply);
            Assert.AreEqual(AtResult.Restarted, _channel.Command("AT+CPIN?", 1000));
            Assert.AreEqual(1, _restarts, "restart event");
            Assert.AreEqual(1, _channel.Restarts);
        }

        [TestMethod]
        public void Channel_PromptIsMatchedAsBytesThenSendOk()
        {
            Rig(256);
            _module.Then("AT+QISEND=0,5\r\r\n> ");
            _module.Then("\r\nSEND OK\r\n");
            Assert.AreEqual(AtResult.Prompt, _channel.CommandForPrompt("AT+QISEND=0,5", 1000, null));
            _module.ExpectRaw(5);
            byte[] data = Encoding.UTF8.GetBytes("HELLO");
            _channel.WriteData(data, 0, 5);
            Assert.AreEqual(AtResult.Final, _channel.WaitFinal(1000, new string[] { "SEND OK", "SEND FAIL" }));
            Assert.AreEqual("SEND OK", _channel.FinalLine);
            Assert.AreEqual(5, _module.RawReceived);
        }

        [TestMethod]
        public void Channel_ErrorInsteadOfPromptEndsTheSend()
        {
            Rig(256);
            _module.Then("\r\nERROR\r\n");
            Assert.AreEqual(AtResult.Error, _channel.CommandForPrompt("AT+QISEND=0,5", 1000, null));
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Channel_PayloadIsReadByCountNeverScanned(bool legacy)
        {
            Rig(256);

            // A payload holding everything a scanner would trip on: OK, ERROR, a prompt, RDY, a URC, NUL and 0xFF.
            // (The NUL bytes are set after the text: a string holding NUL ends there on the device.)
            byte[] payload = Encoding.UTF8.GetBytes("\r\nOK\r\n> \r\nRDY\r\n+QIURC: \"closed\",0\r\nERROR\r\n--");
            payload[payload.Length - 2] = 0x00;
            payload[payload.Length - 1] = 0xFF;
            string header = legacy ? "\r\n+QIRD: 10.0.0.1:80,TCP," : "\r\n+QIRD: ";
            byte[] head = Encoding.UTF8.GetBytes(header + payload.Length.ToString() + "\r\n");
            byte[] tail = Encoding.UTF8.GetBytes("\r\n\r\nOK\r\n\r\n+QIURC: \"recv\",0\r\n");
            _module.ThenBytes(Concat(head, payload, tail));
            byte[] buffer = new byte[100];
            AtResult r = _channel.CommandWithPayload("AT+QIRD=0,100", 1000, "+QIRD:", legacy, buffer, 3, 100);
            Assert.AreEqual(AtResult.Ok, r);
            Assert.AreEqual(payload.Length, _channel.PayloadLength);
            for (int i = 0; i < payload.Length; i++)
            {
                Assert.AreEqual(payload[i], buffer[3 + i], "byte " + i.ToString());
            }

            Assert.AreEqual(0, _restarts, "RDY inside the payload is data");
            Assert.IsTrue(_channel.Poll(100), "the URC after OK arrives");
            Assert.AreEqual("+QIURC: \"recv\",0", (string)_urcs[0]);
        }

        [TestMethod]
        public void Channel_PayloadNotFollowedByCrLfIsGarbled()
        {
            Rig(256);

            // Announces 5 but 4 came (a byte lost to an overrun): the count swallows the CR, LF 'O' follow.
            _module.Then("\r\n+QIRD: 5\r\nABCD\r\nOK\r\n");
            _module.Then("\r\nOK\r\n");
            byte[] buffer = new byte[16];
            Assert.AreEqual(AtResult.Garbled, _channel.CommandWithPayload("AT+QIRD=0,16", 1000, "+QIRD:", false, buffer, 0, 16));
            Assert.AreEqual(AtResult.Ok, _channel.Command("AT", 1000), "the channel is back in step for the next command");
        }

        [TestMethod]
        public void Channel_PayloadCountAboveTheAskIsGarbled()
        {
            Rig(256);
            _module.Then("\r\n+QIRD: 900\r\n");
            byte[] buffer = new byte[16];
            Assert.AreEqual(AtResult.Garbled, _channel.CommandWithPayload("AT+QIRD=0,16", 1000, "+QIRD:", false, buffer, 0, 16));
        }

        [TestMethod]
        public void Channel_LineOverTheBufferIsAnErrorNotACrash()
        {
            Rig(16);
            _module.Then("\r\n+QISTATE: 0,\"TCP\",\"93.184.216.34\",80,0,2,1,0,0,\"uart1\"\r\n\r\nOK\r\n");
            _module.Then("\r\nOK\r\n");
            Assert.AreEqual(AtResult.LineTooLong, _channel.Command("AT+QISTATE=1,0", 1000));
            Assert.AreEqual(1, _channel.OverlongLines);
            Assert.AreEqual(AtResult.Ok, _channel.Command("AT", 1000), "next command fine");
        }

        [TestMethod]
        public void Channel_UrcsBetweenCommandsArriveThroughPoll()
        {
            Rig(256);
            _module.Then("\r\nOK\r\n");
            Assert.AreEqual(AtResult.Ok, _channel.Command("AT+QIOPEN=1,0,\"TCP\",\"h\",80,0,0", 1000));
            _module.Send("\r\n+QIOPEN: 0,0\r\n");
            Assert.IsTrue(_channel.Poll(1000));
            Assert.AreEqual("+QIOPEN: 0,0", (string)_urcs[0]);
            Assert.IsFalse(_channel.Poll(50), "nothing more");
        }

        [TestMethod]
        public void Channel_NoiseBytesAreNotPartOfLines()
        {
            Rig(256);
            byte[] reply = Encoding.UTF8.GetBytes("\r\n\x01OK\x7F\r\n");
            reply[2] = 0x00;
            _module.ThenBytes(reply);
            Assert.AreEqual(AtResult.Ok, _channel.Command("AT", 1000));
        }

        private static byte[] Concat(byte[] a, byte[] b, byte[] c)
        {
            byte[] r = new byte[a.Length + b.Length + c.Length];
            System.Array.Copy(a, 0, r, 0, a.Length);
            System.Array.Copy(b, 0, r, a.Length, b.Length);
            System.Array.Copy(c, 0, r, a.Length + b.Length, c.Length);
            return r;
        }
    }
}
