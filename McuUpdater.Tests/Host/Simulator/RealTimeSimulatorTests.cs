using System;
using System.Diagnostics;
using System.IO.Ports;
using System.Text;
using McuUpdater.Protocol;
using McuUpdater.Simulator;
using McuUpdater.Simulator.Host;
using McuUpdater.Tests.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Simulator
{
    /// <summary>The simulator in real time on a Linux pseudo-terminal, with System.IO.Ports.SerialPort as the updater's end.</summary>
    /// <remarks>
    /// Every wait is for an event (bytes, a state) with a generous limit: on a loaded machine things
    /// come late, only a broken simulator never gets there. Nothing here measures time except the
    /// pacing test, which checks lower bounds only.
    /// </remarks>
    [TestClass]
    public class RealTimeSimulatorTests
    {
        // A limit no working run comes near, loaded machine or not.
        private const int Generous = 30000;

        [TestMethod]
        public void RealTime_RoundTripOverPseudoTerminal()
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.SkipTest("pseudo-terminals are opened with Linux libc");
            }

            SimulatorOptions options = SimRig.Options(0);
            options.FlashWriteMs = 2;
            options.FirmwareBootMs = 100;
            ModuleSimulator module = new ModuleSimulator(options);
            using (PseudoTerminal pty = new PseudoTerminal())
            using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, pty))
            using (SerialPort port = new SerialPort(pty.SlavePath, 115200, Parity.None, 8, StopBits.One))
            {
                port.ReadTimeout = Generous; // bytes are only read once BytesToRead says they are there
                port.Open();
                runner.Start();

                // Sync: the first 0xB5 on a quiet line is sensed as a power-on.
                byte[] one = new byte[1];
                bool synced = false;
                Stopwatch clock = Stopwatch.StartNew();
                while (!synced && clock.ElapsedMilliseconds < Generous)
                {
                    one[0] = Wire.SyncWord1;
                    port.Write(one, 0, 1);
                    synced = WaitFor(port, Wire.SyncWordRsp1, 20);
                }

                Assert.IsTrue(synced, "0x5B");
                one[0] = Wire.SyncWord2;
                port.Write(one, 0, 1);
                Assert.IsTrue(WaitFor(port, Wire.SyncWordRsp2, Generous), "0x9A");
                Assert.AreEqual(1, runner.SensedPowerOns, "power-on sensed from the idle line");

                byte[] frame = new byte[1100];
                FrameDecoder decoder = new FrameDecoder(64);
                Response response = new Response();
                int n = FrameEncoder.EncodeBegin(frame, 0, Wire.DefaultApplicationVersion);
                port.Write(frame, 0, n);
                Assert.IsTrue(ReadResponse(port, decoder, response, Generous), "BEGIN_RSP");
                Assert.AreEqual(1024, response.Mtu, "MTU");

                byte[] image = SimRig.Image(3001, 1);
                byte[] padded = new byte[3002];
                Array.Copy(image, padded, image.Length);
                padded[3001] = Wire.PadByte;
                for (uint seq = 0; seq < 4; seq++)
                {
                    int count = seq < 3 ? 1000 : 2;
                    Array.Copy(padded, (int)seq * 1000, frame, Wire.DataBlockOffset, count);
                    n = FrameEncoder.EncodeDataInPlace(frame, 0, seq, count);
                    port.Write(frame, 0, n);
                    Assert.IsTrue(ReadResponse(port, decoder, response, Generous), "DATA_RSP " + seq.ToString());
                    Assert.AreEqual((int)Status.Success, (int)response.Status, "accepted");
                    Assert.AreEqual(seq + 1, response.NextSequence, "next");
                }

                port.Write(frame, 0, FrameEncoder.EncodeEmpty(frame, 0, Command.DlEnd));
                Assert.IsTrue(ReadResponse(port, decoder, response, Generous) && response.Status == Status.Success, "END_RSP");
                port.Write(frame, 0, FrameEncoder.EncodeEmpty(frame, 0, Command.RunGsmSw));
                Assert.IsTrue(ReadResponse(port, decoder, response, Generous) && response.Type == Command.RunGsmSwRsp, "RUN_RSP");
                Assert.IsTrue(module.ImageMatches(image), "image delivered byte for byte");

                // The firmware boots after 100 ms; ask until it answers. The answer is collected
                // whole: under load it may come in pieces and after the next question went out.
                string expected = "\r\n" + options.NewFirmwareVersion + "\r\n\r\nOK\r\n";
                StringBuilder reply = new StringBuilder();
                clock.Restart();
                while (reply.ToString().IndexOf(expected) < 0 && clock.ElapsedMilliseconds < Generous)
                {
                    port.Write("AT+GMR\r");
                    ReadTextUntil(port, reply, expected, 1000);
                }

                Assert.IsTrue(reply.ToString().IndexOf(expected) >= 0, "AT+GMR answered with the new version: " + reply.ToString());
                runner.Stop();
            }
        }

        [TestMethod]
        public void RealTime_ExplicitPowerSwitchesTheModule()
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.SkipTest("pseudo-terminals are opened with Linux libc");
            }

            ModuleSimulator module = new ModuleSimulator(SimRig.Options(0));
            using (PseudoTerminal pty = new PseudoTerminal())
            using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, pty))
            {
                runner.IdlePowerSensing = false;
                runner.Start();
                runner.PowerChanged(true);
                Stopwatch clock = Stopwatch.StartNew();
                while (module.Phase == ModulePhase.Off && clock.ElapsedMilliseconds < Generous)
                {
                    System.Threading.Thread.Sleep(5);
                }

                Assert.AreEqual(1, module.PowerCycles, "powered on by the API");

                // A pulse far shorter than the runner's loop (a ring on the RI line) is still an off and an on.
                runner.PowerChanged(false);
                runner.PowerChanged(true);
                clock.Restart();
                while (module.PowerCycles < 2 && clock.ElapsedMilliseconds < Generous)
                {
                    System.Threading.Thread.Sleep(5);
                }

                Assert.AreEqual(2, module.PowerCycles, "the quick off-on cycled the module");
                runner.Stop();
            }
        }

        [TestMethod]
        public void RealTime_PacedRunnerMovesBytesAtTheBaudRate()
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.SkipTest("pseudo-terminals are opened with Linux libc");
            }

            // The module echoes what it gets and answers a 'B' with a 2000-byte burst. A pty has no
            // line rate, so only the runner's pacing can make these take their time on the wire.
            BurstEndpoint module = new BurstEndpoint(2000);
            using (PseudoTerminal pty = new PseudoTerminal())
            using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, pty, 115200) { Paced = true, IdlePowerSensing = false })
            using (SerialPort port = new SerialPort(pty.SlavePath, 115200, Parity.None, 8, StopBits.One))
            {
                port.Open();
                runner.Start();
                long byteUs = runner.ByteTimeNs / 1000;

                byte[] data = new byte[1000];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)('a' + (i % 26));
                }

                Stopwatch clock = Stopwatch.StartNew();
                port.Write(data, 0, data.Length);
                byte[] echo = ReadExactly(port, data.Length, Generous);
                long echoUs = (long)(clock.Elapsed.TotalMilliseconds * 1000);
                Assert.AreEqual(Convert.ToHexString(data), Convert.ToHexString(echo), "every byte echoed in order");
                Assert.IsTrue(echoUs >= 1001 * byteUs, "1000 bytes in, then the last one out, take at least 1001 byte times: " + echoUs.ToString() + " us");

                clock.Restart();
                port.Write(new byte[] { (byte)'B' }, 0, 1);
                byte[] burst = ReadExactly(port, 2000, Generous);
                long burstUs = (long)(clock.Elapsed.TotalMilliseconds * 1000);
                Assert.AreEqual(2000, burst.Length, "the whole burst came");
                Assert.IsTrue(burstUs >= 2001 * byteUs, "one byte in and 2000 out take at least 2001 byte times: " + burstUs.ToString() + " us");
                runner.Stop();
            }
        }

        [TestMethod]
        public void RealTime_IdleLineNoiseAndLineFaultsReachThePort()
        {
            if (!OperatingSystem.IsLinux())
            {
                Assert.SkipTest("pseudo-terminals are opened with Linux libc");
            }

            FaultPlan plan = new FaultPlan(21);
            plan.ModuleToHost.IdleNoiseMs = 5;
            plan.HostToModule.DropRate = 1.0;
            RecordingEndpoint module = new RecordingEndpoint();
            using (PseudoTerminal pty = new PseudoTerminal())
            using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, pty, 115200) { Paced = true, IdlePowerSensing = false })
            using (SerialPort port = new SerialPort(pty.SlavePath, 115200, Parity.None, 8, StopBits.One))
            {
                runner.UseFaults(plan);
                port.Open();
                runner.Start();
                port.Write(new byte[100], 0, 100);
                Stopwatch clock = Stopwatch.StartNew();
                while ((plan.ModuleToHost.IdleNoiseInserted < 20 || runner.HostBytesRead < 100) && clock.ElapsedMilliseconds < Generous)
                {
                    System.Threading.Thread.Sleep(5);
                }

                runner.Stop();

                // The last bytes may still be on their way to the port: wait for them, not for a time.
                clock.Restart();
                while (port.BytesToRead < plan.ModuleToHost.IdleNoiseInserted - 1 && clock.ElapsedMilliseconds < Generous)
                {
                    System.Threading.Thread.Sleep(5);
                }

                int seen = port.BytesToRead;
                Assert.IsTrue(plan.ModuleToHost.IdleNoiseInserted >= 20, "a made-up byte about every 5 ms: " + plan.ModuleToHost.IdleNoiseInserted.ToString());
                Assert.IsTrue(seen <= plan.ModuleToHost.IdleNoiseInserted && seen >= plan.ModuleToHost.IdleNoiseInserted - 1, "the port got the noise (at most the last byte still on the line): " + seen.ToString());
                Assert.AreEqual(0L, runner.ModuleBytesSent, "the module itself sent nothing");
                Assert.AreEqual(100L, runner.HostBytesRead, "the runner read what the host wrote");
                Assert.AreEqual(0, module.BytesReceived, "and dropped all of it on the way, as the plan says");
            }
        }

        [TestMethod]
        public void RealTime_ADeadLinkStopsTheRunnerWithItsReason()
        {
            ModuleSimulator module = new ModuleSimulator(SimRig.Options(0));
            using (RealTimeModuleRunner runner = new RealTimeModuleRunner(module, new UnpluggedLink()))
            {
                runner.Start();
                Stopwatch clock = Stopwatch.StartNew();
                while (runner.IsRunning && clock.ElapsedMilliseconds < Generous)
                {
                    System.Threading.Thread.Sleep(5);
                }

                Assert.IsFalse(runner.IsRunning, "the runner stopped");
                Assert.IsNotNull(runner.Fault, "and kept the reason");
                Assert.AreEqual("USB serial adapter unplugged", runner.Fault.Message, "the link's own message");
            }
        }

        /// <summary>A link whose adapter is pulled after a few reads.</summary>
        private sealed class UnpluggedLink : McuUpdater.Link.ISerialLink
        {
            private int _reads;

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                if (++_reads > 3)
                {
                    throw new System.IO.IOException("USB serial adapter unplugged");
                }

                return 0;
            }
        }

        private static byte[] ReadExactly(SerialPort port, int count, int ms)
        {
            byte[] data = new byte[count];
            int got = 0;
            Stopwatch clock = Stopwatch.StartNew();
            while (got < count && clock.ElapsedMilliseconds < ms)
            {
                int available = port.BytesToRead;
                if (available == 0)
                {
                    System.Threading.Thread.Sleep(1);
                    continue;
                }

                got += port.Read(data, got, Math.Min(available, count - got));
            }

            Array.Resize(ref data, got);
            return data;
        }

        /// <summary>Echoes every byte, except that a 'B' is answered with a burst.</summary>
        private sealed class BurstEndpoint : IModuleEndpoint
        {
            private readonly byte[] _burst;
            private IModuleLine _line;

            public BurstEndpoint(int burst)
            {
                _burst = new byte[burst];
            }

            public void Attach(IModuleLine line)
            {
                _line = line;
            }

            public void PowerChanged(bool on)
            {
            }

            public void Received(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    if (buffer[offset + i] == (byte)'B')
                    {
                        _line.Send(_burst, 0, _burst.Length);
                    }
                    else
                    {
                        _line.Send(buffer, offset + i, 1);
                    }
                }
            }

            public void Timer()
            {
            }
        }

        private static bool WaitFor(SerialPort port, byte value, int ms)
        {
            Stopwatch clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < ms)
            {
                if (port.BytesToRead > 0)
                {
                    if (port.ReadByte() == value)
                    {
                        return true;
                    }
                }
                else
                {
                    System.Threading.Thread.Sleep(1);
                }
            }

            return false;
        }

        private static bool ReadResponse(SerialPort port, FrameDecoder decoder, Response response, int ms)
        {
            byte[] rx = new byte[64];
            Stopwatch clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < ms)
            {
                int available = port.BytesToRead;
                if (available == 0)
                {
                    System.Threading.Thread.Sleep(1);
                    continue;
                }

                int n = port.Read(rx, 0, Math.Min(available, rx.Length));
                int used = 0;
                while (used < n)
                {
                    used += decoder.Feed(rx, used, n - used);
                    if (decoder.HasFrame)
                    {
                        response.Parse(decoder);
                        return true;
                    }
                }
            }

            return false;
        }

        // Appends what arrives to text until it holds expected or nothing more came for quietMs.
        private static void ReadTextUntil(SerialPort port, StringBuilder text, string expected, int quietMs)
        {
            Stopwatch quiet = Stopwatch.StartNew();
            while (quiet.ElapsedMilliseconds < quietMs && text.ToString().IndexOf(expected) < 0)
            {
                if (port.BytesToRead > 0)
                {
                    text.Append((char)port.ReadByte());
                    quiet.Restart();
                }
                else
                {
                    System.Threading.Thread.Sleep(1);
                }
            }
        }
    }
}
