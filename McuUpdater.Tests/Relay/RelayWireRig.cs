using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Relay;
using McuUpdater.Simulator;
using McuUpdater.Tests.Support;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Relay
{
    /// <summary>
    /// A relay whose module port is a <see cref="VirtualWire"/>'s updater UART in a chosen <see cref="WireMode"/>
    /// (ESP32: writes block for the bytes' wire time; bounded receive buffer that overflows as the driver does),
    /// and whose PC port is a pipe. The relay is stepped on the test thread every <see cref="CadenceMs"/> of
    /// virtual time, as its pump threads would read; the PC side (<see cref="PcLink"/>, <see cref="PcClock"/>)
    /// steps it while it waits, so a whole update through the relay runs single-threaded in virtual time.
    /// </summary>
    public sealed class RelayWireRig
    {
        private const int PipeCapacity = 4096;
        private readonly PipeLink _relayHost;

        /// <summary>Builds wire (mode <paramref name="mode"/>, module <paramref name="module"/>), pipe and relay; the relay's power drives the wire's.</summary>
        public RelayWireRig(IModuleEndpoint module, WireMode mode, RelayOptions options, int receiveBufferSize)
        {
            Wire = new VirtualWire(module, mode);
            Wire.ReceiveBufferSize = receiveBufferSize;
            Power = new RecordingPower(Wire.Clock);
            PipeLink.CreatePair(PipeCapacity, out PipeLink pc, out _relayHost);
            Pc = pc;
            Relay = new RelayEngine(_relayHost, Wire.HostLink, new Tee(Power, Wire.Power), Wire.Clock, options);
            CadenceMs = 1;
            PcLink = new SteppingLink(this);
            PcClock = new SteppingClock(this);
        }

        /// <summary>The wire between the relay's module port and the module.</summary>
        public VirtualWire Wire { get; private set; }

        /// <summary>The relay's power calls, in wire milliseconds.</summary>
        public RecordingPower Power { get; private set; }

        /// <summary>The PC's end of the pipe to the relay's host port (raw: nothing steps the relay).</summary>
        public PipeLink Pc { get; private set; }

        /// <summary>The PC's port for an updater: writes and waits step the relay.</summary>
        public ISerialLink PcLink { get; private set; }

        /// <summary>The PC's clock for an updater: the wire's time; sleeping steps the relay.</summary>
        public IClock PcClock { get; private set; }

        /// <summary>The relay under test.</summary>
        public RelayEngine Relay { get; private set; }

        /// <summary>Virtual milliseconds between the relay's reads (its pump threads' read cadence).</summary>
        public int CadenceMs { get; set; }

        /// <summary>Wire time in milliseconds.</summary>
        public long NowMs
        {
            get { return Wire.Clock.NowMs; }
        }

        /// <summary>Pumps both directions and services the relay until nothing moves; returns the bytes moved.</summary>
        public int Step()
        {
            int total = 0;
            int moved;
            do
            {
                moved = Relay.PumpHostToModule(0) + Relay.PumpModuleToHost(0);
                Relay.Service();
                total += moved;
            }
            while (moved > 0);
            return total;
        }

        /// <summary>Lets <paramref name="milliseconds"/> of wire time pass, stepping the relay once per cadence.</summary>
        public void Wait(long milliseconds)
        {
            long end = NowMs + milliseconds;
            Step();
            while (NowMs < end)
            {
                long step = end - NowMs < CadenceMs ? end - NowMs : CadenceMs;
                Wire.RunFor(step);
                Step();
            }
        }

        /// <summary>Everything that reached the PC so far, read into <paramref name="buffer"/> from <paramref name="offset"/>; returns the count.</summary>
        public int DrainPc(byte[] buffer, int offset)
        {
            int got = 0;
            int n;
            while (offset + got < buffer.Length && (n = Pc.Read(buffer, offset + got, buffer.Length - offset - got, 0)) > 0)
            {
                got += n;
            }

            return got;
        }

        // The PC writes into the pipe as room allows; a full pipe waits for the relay to take bytes.
        private void PcWrite(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int room = PipeCapacity - Pc.Transmit.Count;
                int n = count < room ? count : room;
                if (n > 0)
                {
                    Pc.Write(buffer, offset, n);
                    offset += n;
                    count -= n;
                }
                else
                {
                    Wait(CadenceMs);
                }
            }

            Step();
        }

        private int PcRead(byte[] buffer, int offset, int count, int timeoutMs)
        {
            long deadline = NowMs + (timeoutMs > 0 ? timeoutMs : 0);
            while (true)
            {
                int n = Pc.Read(buffer, offset, count, 0);
                if (n > 0 || NowMs >= deadline)
                {
                    return n;
                }

                long step = deadline - NowMs < CadenceMs ? deadline - NowMs : CadenceMs;
                Wire.RunFor(step);
                Step();
            }
        }

        private sealed class SteppingLink : ISerialLink
        {
            private readonly RelayWireRig _rig;

            public SteppingLink(RelayWireRig rig)
            {
                _rig = rig;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _rig.PcWrite(buffer, offset, count);
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                return _rig.PcRead(buffer, offset, count, timeoutMs);
            }
        }

        private sealed class SteppingClock : IClock
        {
            private readonly RelayWireRig _rig;

            public SteppingClock(RelayWireRig rig)
            {
                _rig = rig;
            }

            public long NowMs
            {
                get { return _rig.NowMs; }
            }

            public void Sleep(int milliseconds)
            {
                _rig.Wait(milliseconds);
            }
        }

        /// <summary>The PC's updater has no power control of its own behind a relay: the relay cycles on its sync.</summary>
        public sealed class NoPower : IModulePower
        {
            /// <inheritdoc />
            public void Off()
            {
            }

            /// <inheritdoc />
            public void On()
            {
            }

            /// <inheritdoc />
            public void Release()
            {
            }
        }

        // Records the relay's calls and passes them to the module.
        private sealed class Tee : IModulePower
        {
            private readonly IModulePower _log;
            private readonly IModulePower _module;

            public Tee(IModulePower log, IModulePower module)
            {
                _log = log;
                _module = module;
            }

            public void Off()
            {
                _log.Off();
                _module.Off();
            }

            public void On()
            {
                _log.On();
                _module.On();
            }

            public void Release()
            {
                _log.Release();
                _module.Release();
            }
        }
    }
}
