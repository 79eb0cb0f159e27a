using System.Text;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Modem
{
    /// <summary>The simulated module in one dialect on a virtual wire, with the network behind it, for socket tests.</summary>
    public static class SocketRig
    {
        /// <summary>The host name the in-memory network serves.</summary>
        public const string Host = "updates.example.com";

        /// <summary>The port served.</summary>
        public const int Port = 8080;

        /// <summary>How long a test read waits for data.</summary>
        public const int ReadTimeoutMs = 30000;

        /// <summary>The network of the last rig.</summary>
        public static IModuleNetwork Network;

        /// <summary>The wire of the last rig.</summary>
        public static VirtualWire Wire;

        /// <summary>The module of the last rig.</summary>
        public static ModuleSimulator Module;

        /// <summary>The settings of the last rig (the test may change them before the first call).</summary>
        public static ModemSettings Settings;

        /// <summary>Simulator options for <paramref name="dialect"/> (0 qi, 1 legacy) with <paramref name="network"/> behind the module.</summary>
        public static SimulatorOptions Options(int dialect, ISimNetwork network)
        {
            SimulatorOptions o = SimulatorOptions.Documented();
            o.AtDialect = (AtDialect)dialect;
            o.Network = network;
            return o;
        }

        /// <summary>A network serving <paramref name="answer"/> at <see cref="Host"/>:<see cref="Port"/>.</summary>
        public static MemoryNetwork Serving(byte[] answer)
        {
            return new MemoryNetwork().Serve(Host, Port, answer);
        }

        /// <summary>Powers the module and returns a network in its dialect (nothing sent yet).</summary>
        public static IModuleNetwork Start(SimulatorOptions options, FaultPlan plan)
        {
            return Start(options, plan, WireMode.DotNet);
        }

        /// <summary>As above on a device's wire (ESP32: writes block, STM32: writes queue; both with a board's 4 KB receive buffer).</summary>
        public static IModuleNetwork Start(SimulatorOptions options, FaultPlan plan, WireMode mode)
        {
            Module = new ModuleSimulator(options, plan);
            Wire = new VirtualWire(Module, mode);
            if (mode != WireMode.DotNet)
            {
                Wire.ReceiveBufferSize = 4096;
            }

            if (plan != null)
            {
                plan.ApplyTo(Wire);
            }

            Wire.Power.On();
            Wire.Power.Release();
            Settings = new ModemSettings();
            Settings.Dialect = options.AtDialect;
            Settings.Apn = "internet";
            Network = ModuleNetworks.Create(Wire.HostLink, Wire.Clock, Settings, null);
            return Network;
        }

        /// <summary>A module in <paramref name="dialect"/> serving <paramref name="blob"/>: connect, request, read all into <paramref name="into"/>; returns the count (<see cref="Network"/> is the network).</summary>
        public static int Fetch(int dialect, byte[] blob, FaultPlan plan, byte[] into, out int last)
        {
            Connect(Start(Options(dialect, Serving(blob)), plan));
            Request(Network.Socket);
            return ReadAll(Network.Socket, into, ReadTimeoutMs, out last);
        }

        /// <summary>After a failure: connect again (bring-up and activation too), request, and assert the whole blob arrives.</summary>
        public static void FetchAgain(byte[] blob, byte[] into)
        {
            Connect(Network);
            Request(Network.Socket);
            int last;
            int n = ReadAll(Network.Socket, into, ReadTimeoutMs, out last);
            Assert.AreEqual(blob.Length, n, Network.Socket.LastReason);
            AssertSame(blob, into, n);
        }

        /// <summary>Bring-up, activation and open, each asserted Ok.</summary>
        public static void Connect(IModuleNetwork network)
        {
            Assert.AreEqual(SocketOutcome.Ok, network.BringUp(), "bring-up: " + network.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, network.Activate(), "activate: " + network.LastReason);
            Assert.AreEqual(SocketOutcome.Ok, network.Socket.Open(Host, Port), "open: " + network.Socket.LastReason);
            Assert.AreEqual(SocketState.Connected, network.Socket.State);
        }

        /// <summary>Sends a request head (what makes a MemoryNetwork server answer).</summary>
        public static void Request(IModuleSocket socket)
        {
            byte[] request = Encoding.UTF8.GetBytes("GET /fw.pac HTTP/1.1\r\nHost: " + Host + "\r\nConnection: close\r\n\r\n");
            Assert.AreEqual(SocketOutcome.Ok, socket.Send(request, 0, request.Length), "send: " + socket.LastReason);
        }

        /// <summary>Reads until 0 or -1 into <paramref name="into"/>; returns the count read (the last Read's result is in <paramref name="last"/>).</summary>
        public static int ReadAll(IModuleSocket socket, byte[] into, int timeoutMs, out int last)
        {
            int total = 0;
            while (true)
            {
                int space = into.Length - total;
                last = socket.Read(into, total, space > 1500 ? 1500 : space, timeoutMs);
                if (last <= 0)
                {
                    return total;
                }

                total += last;
                if (total == into.Length)
                {
                    // A full buffer: one more read must say closed.
                    byte[] probe = new byte[1];
                    last = socket.Read(probe, 0, 1, timeoutMs);
                    Assert.IsTrue(last <= 0, "more bytes than expected");
                    return total;
                }
            }
        }

        /// <summary>Asserts how the last read of <see cref="Network"/> ended: its result and outcome.</summary>
        public static void AssertEnded(int expectedLast, SocketOutcome expected, int last)
        {
            Assert.AreEqual(expectedLast, last, "last read: " + Network.Socket.LastReason);
            Assert.AreEqual(expected, Network.Socket.LastOutcome, Network.Socket.LastReason);
        }

        /// <summary>A deterministic payload.</summary>
        public static byte[] Blob(int length, int seed)
        {
            return McuUpdater.Tests.Simulator.SimRig.Image(length, seed);
        }

        /// <summary>Asserts the first <paramref name="count"/> bytes match.</summary>
        public static void AssertSame(byte[] expected, byte[] actual, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
                }
            }
        }
    }
}
