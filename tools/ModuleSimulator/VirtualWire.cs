using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Timing;

namespace McuUpdater.Simulator
{
    /// <summary>Discrete-event wire in virtual time between the updater side and a module endpoint.</summary>
    /// <remarks>
    /// Time advances only while the updater waits (<see cref="HostLink"/> reads with a timeout,
    /// <see cref="Clock"/> sleeps), so runs are deterministic and far faster than real time. Bytes
    /// are paced at the baud rate in both directions. Bytes reach the module lazily: one
    /// <see cref="IModuleEndpoint.Received"/> call per host write once its last byte has arrived,
    /// split only where a module wake-up, a power change or a wait of the host falls inside it, so
    /// the module always sees bytes and timers in time order. Single-threaded: the updater and the
    /// module run on the caller's thread.
    /// </remarks>
    public sealed class VirtualWire
    {
        private const long NsPerMs = 1000000;

        private readonly IModuleEndpoint _module;
        private readonly PacedLine _toModule;
        private readonly PacedLine _toHost;
        private readonly long _byteTimeNs;
        private readonly WireHostLink _hostLink;
        private readonly WirePlainHostLink _plainHostLink;
        private readonly WireClock _clock;
        private readonly WirePower _power;

        private long _now;
        private long _wakeNs = long.MaxValue;
        private byte[] _delivery = new byte[1024];
        private byte[] _faultOutput = new byte[256];
        private readonly byte[] _noise = new byte[1];
        private ILineFault _hostToModuleFault;
        private ILineFault _moduleToHostFault;
        private long _toModuleNoiseNs = long.MaxValue;
        private long _toHostNoiseNs = long.MaxValue;
        private readonly WireMode _mode;
        private byte[] _rxRing;
        private int _rxHead;
        private int _rxCount;
        private readonly byte[] _pump = new byte[256];
        private long _backgroundEndNs;

        /// <summary>Creates a wire at 115 200 baud and attaches <paramref name="module"/> to it.</summary>
        public VirtualWire(IModuleEndpoint module)
            : this(module, McuUpdater.Protocol.Wire.BaudRate)
        {
        }

        /// <summary>Creates a wire at <paramref name="baud"/> and attaches <paramref name="module"/> to it.</summary>
        public VirtualWire(IModuleEndpoint module, int baud)
            : this(module, baud, WireMode.DotNet)
        {
        }

        /// <summary>Creates a wire at 115 200 baud whose updater side behaves as <paramref name="mode"/> says.</summary>
        public VirtualWire(IModuleEndpoint module, WireMode mode)
            : this(module, McuUpdater.Protocol.Wire.BaudRate, mode)
        {
        }

        /// <summary>Creates a wire at <paramref name="baud"/> whose updater side behaves as <paramref name="mode"/> says.</summary>
        public VirtualWire(IModuleEndpoint module, int baud, WireMode mode)
        {
            _mode = mode;
            ReceiveBufferSize = SerialPortLink.DefaultBufferSize;
            TransmitBufferSize = SerialPortLink.DefaultBufferSize;
            _module = module;
            _byteTimeNs = (10L * 1000000000L + baud / 2) / baud;
            _toModule = new PacedLine(baud, 1024);
            _toHost = new PacedLine(baud, 1024);
            _hostLink = new WireHostLink(this);
            _plainHostLink = new WirePlainHostLink(this);
            _clock = new WireClock(this);
            _power = new WirePower(this);
            ModuleSimulator simulator = module as ModuleSimulator;
            PowerInputIsPwrKey = simulator != null && simulator.Options.PowerInput == PowerInput.PwrKey;
            module.Attach(new WireModuleLine(this));
        }

        /// <summary>True when the updater's power control drives the module's PWRKEY (set from the simulator's options).</summary>
        public bool PowerInputIsPwrKey { get; set; }

        /// <summary>The updater's UART.</summary>
        public ISerialLink HostLink
        {
            get { return _hostLink; }
        }

        /// <summary>The updater's UART without a writer thread (<see cref="HostLink"/> models one): nothing overlaps a blocking write.</summary>
        public ISerialLink HostLinkWithoutWriter
        {
            get { return _plainHostLink; }
        }

        /// <summary>The updater's clock: virtual milliseconds; sleeping advances virtual time.</summary>
        public IClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The updater's power control: Off/On reach the module; Release leaves it powered.</summary>
        public IModulePower Power
        {
            get { return _power; }
        }

        /// <summary>Virtual time in nanoseconds.</summary>
        public long NowNs
        {
            get { return _now; }
        }

        /// <summary>Time of one byte on the line (10 bits at the baud rate, rounded).</summary>
        public long ByteTimeNs
        {
            get { return _byteTimeNs; }
        }

        /// <summary>Optional observer of everything put on the line (after faults) and of power changes.</summary>
        public IWireTap Tap { get; set; }

        /// <summary>Optional fault filter on bytes the host writes (and noise the idle line makes up towards the module).</summary>
        public ILineFault HostToModuleFault
        {
            get
            {
                return _hostToModuleFault;
            }

            set
            {
                _hostToModuleFault = value;
                _toModuleNoiseNs = value == null ? long.MaxValue : value.NextIdleNoiseNs(_now);
            }
        }

        /// <summary>Optional fault filter on bytes the module sends (and noise the idle line makes up towards the host).</summary>
        public ILineFault ModuleToHostFault
        {
            get
            {
                return _moduleToHostFault;
            }

            set
            {
                _moduleToHostFault = value;
                _toHostNoiseNs = value == null ? long.MaxValue : value.NextIdleNoiseNs(_now);
            }
        }

        /// <summary>How the updater's UART behaves (.NET, ESP32, STM32).</summary>
        public WireMode Mode
        {
            get { return _mode; }
        }

        /// <summary>Device modes: the updater port's receive buffer (its configured ReadBufferSize); set before the first read.</summary>
        public int ReceiveBufferSize { get; set; }

        /// <summary>STM32 mode: the updater port's transmit buffer; a write that does not fit waits for room.</summary>
        public int TransmitBufferSize { get; set; }

        /// <summary>Device modes: times the updater's receive buffer overflowed.</summary>
        public int ReceiveOverflows { get; private set; }

        /// <summary>Device modes: bytes lost to receive-buffer overflows (ESP32: all it held; STM32: the new ones).</summary>
        public long ReceiveBytesLost { get; private set; }

        /// <summary>
        /// When above 0, host bytes reach the module in pieces of at most this many bytes as they
        /// arrive (a ROM sees a frame's header before its end), instead of one call per write.
        /// </summary>
        public int DeliveryChunkBytes { get; set; }

        /// <summary>The device CPU model: nanoseconds of virtual time one KB of block work (read + seal) costs; 0 = free (.NET).</summary>
        public long CpuNsPerKb { get; set; }

        /// <summary>Virtual time charged to the CPU model so far.</summary>
        public long CpuNsCharged { get; private set; }

        /// <summary>Bytes the host has written (before faults).</summary>
        public long HostBytesWritten { get; private set; }

        /// <summary>Bytes the module has sent (before faults).</summary>
        public long ModuleBytesSent { get; private set; }

        /// <summary>Advances virtual time by <paramref name="milliseconds"/>, running the module meanwhile.</summary>
        public void RunFor(long milliseconds)
        {
            AdvanceTo(_now + milliseconds * NsPerMs);
        }

        // Write as the mode's SerialPort does: ESP32 returns when the bytes have left (after a
        // background write still going), STM32 when they fit in its transmit buffer, .NET at once.
        internal void HostWrite(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            if (_mode == WireMode.Esp32)
            {
                AdvanceTo(_backgroundEndNs > _now ? _backgroundEndNs : _now);
                Transmit(buffer, offset, count);
                AdvanceTo(_toModule.FreeAtNs);
                return;
            }

            Transmit(buffer, offset, count);
            if (_mode == WireMode.Stm32)
            {
                AdvanceTo(RoomAtNs(0));
            }
        }

        // A writer thread takes the bytes: the caller goes on at once; the thread's own Write
        // returns as HostWrite would, which is when WaitWritten ends.
        internal void HostBeginWrite(byte[] buffer, int offset, int count)
        {
            AdvanceTo(_backgroundEndNs > _now ? _backgroundEndNs : _now);
            if (count <= 0)
            {
                return;
            }

            Transmit(buffer, offset, count);
            _backgroundEndNs = _mode == WireMode.Esp32 ? _toModule.FreeAtNs : _mode == WireMode.Stm32 ? RoomAtNs(0) : _now;
        }

        internal bool HostWaitWritten(int timeoutMs)
        {
            if (_backgroundEndNs <= _now)
            {
                return true;
            }

            long limit = _now + (timeoutMs > 0 ? timeoutMs : 0) * NsPerMs;
            AdvanceTo(_backgroundEndNs < limit ? _backgroundEndNs : limit);
            return _backgroundEndNs <= _now;
        }

        internal void ChargeCpu(int bytes)
        {
            long ns = bytes * CpuNsPerKb / 1024;
            if (ns > 0)
            {
                CpuNsCharged += ns;
                AdvanceTo(_now + ns);
            }
        }

        // When everything written so far, less <paramref name="extra"/> bytes' room, fits in the
        // transmit buffer (bytes still to leave ≤ its size).
        private long RoomAtNs(int extra)
        {
            long at = _toModule.BacklogAtMostNs(TransmitBufferSize - extra);
            return at > _now ? at : _now;
        }

        private void Transmit(byte[] buffer, int offset, int count)
        {
            HostBytesWritten += count;
            ILineFault fault = HostToModuleFault;
            if (fault != null)
            {
                count = ApplyFault(fault, buffer, offset, count);
                buffer = _faultOutput;
                offset = 0;
            }

            long start = _toModule.Enqueue(buffer, offset, count, _now);
            IWireTap tap = Tap;
            if (tap != null && count > 0)
            {
                tap.OnHostToModule(buffer, offset, count, start);
            }
        }

        internal int HostRead(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (count <= 0)
            {
                return 0;
            }

            long deadline = timeoutMs > 0 ? _now + timeoutMs * NsPerMs : _now;
            while (true)
            {
                int n = _mode == WireMode.DotNet ? _toHost.TakeArrived(_now, buffer, offset, count) : TakeReceived(buffer, offset, count);
                if (n > 0 || _now >= deadline)
                {
                    return n;
                }

                // Step to the next thing that can change what the host sees: a module event (which
                // may send an earlier reply), the next byte towards the host, or the deadline.
                long next = _toHost.NextArrivalNs;
                if (next > deadline)
                {
                    next = deadline;
                }

                if (!ProcessNextEvent(next))
                {
                    Settle(next);
                }
            }
        }

        // Device modes: bytes that arrived since the last read go through the port's bounded buffer
        // first. Nobody takes from it between reads, so filling it now, in arrival order, loses
        // exactly the bytes a driver would have lost when each arrived.
        private int TakeReceived(byte[] buffer, int offset, int count)
        {
            if (_rxRing == null)
            {
                _rxRing = new byte[ReceiveBufferSize > 0 ? ReceiveBufferSize : 1];
            }

            int size = _rxRing.Length;
            while (true)
            {
                int n = _toHost.TakeArrived(_now, _pump, 0, _pump.Length);
                if (n == 0)
                {
                    break;
                }

                for (int i = 0; i < n; i++)
                {
                    if (_rxCount == size)
                    {
                        ReceiveOverflows++;
                        if (_mode == WireMode.Esp32)
                        {
                            // The ESP32 driver flushes its whole buffer (and the byte that did not fit).
                            ReceiveBytesLost += _rxCount + 1;
                            _rxCount = 0;
                            _rxHead = 0;
                        }
                        else
                        {
                            ReceiveBytesLost++;
                        }

                        continue;
                    }

                    _rxRing[(_rxHead + _rxCount) % size] = _pump[i];
                    _rxCount++;
                }
            }

            int taken = 0;
            while (taken < count && _rxCount > 0)
            {
                buffer[offset + taken++] = _rxRing[_rxHead];
                _rxHead = (_rxHead + 1) % size;
                _rxCount--;
            }

            return taken;
        }

        internal void AdvanceTo(long timeNs)
        {
            while (ProcessNextEvent(timeNs))
            {
            }

            Settle(timeNs);
        }

        internal void SetPower(bool on)
        {
            IWireTap tap = Tap;
            if (tap != null)
            {
                tap.OnPower(on, _now);
            }

            if (!on)
            {
                // A module without power stops transmitting mid-byte.
                _toHost.DropUnarrived(_now);
            }

            _module.PowerChanged(on);
        }

        internal void ModuleSend(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            ModuleBytesSent += count;
            ILineFault fault = ModuleToHostFault;
            if (fault != null)
            {
                count = ApplyFault(fault, buffer, offset, count);
                buffer = _faultOutput;
                offset = 0;
            }

            long start = _toHost.Enqueue(buffer, offset, count, _now);
            IWireTap tap = Tap;
            if (tap != null && count > 0)
            {
                tap.OnModuleToHost(buffer, offset, count, start);
            }
        }

        internal void ModuleWakeAt(long timeNs)
        {
            _wakeNs = timeNs;
        }

        // Runs the earliest event at or before limit: idle-line noise, a host write fully arrived,
        // or the module's wake-up (after handing over the bytes that arrived before it). Ties go to bytes.
        private bool ProcessNextEvent(long limit)
        {
            int chunk = DeliveryChunkBytes;
            long recordEnd = chunk > 0 ? _toModule.ChunkEndNs(chunk) : _toModule.RecordEndNs;
            long wake = _wakeNs;
            long noise = _toModuleNoiseNs < _toHostNoiseNs ? _toModuleNoiseNs : _toHostNoiseNs;
            if (noise < recordEnd && noise < wake)
            {
                if (noise > limit)
                {
                    return false;
                }

                MakeIdleNoise(noise);
                return true;
            }

            if (recordEnd <= wake)
            {
                if (recordEnd > limit)
                {
                    return false;
                }

                int remaining = _toModule.RecordRemaining;
                Deliver(chunk > 0 && chunk < remaining ? chunk : remaining);
                return true;
            }

            if (wake > limit)
            {
                return false;
            }

            if (wake < _now)
            {
                wake = _now;
            }

            // Cleared before the bytes go in, so a wake-up the module sets while receiving them survives.
            _wakeNs = long.MaxValue;
            DeliverArrived(wake);
            _now = wake;
            _module.Timer();
            return true;
        }

        // No event before timeNs: hand over what has arrived by then (a host wait ends inside a
        // write) and move the clock.
        private void Settle(long timeNs)
        {
            DeliverArrived(timeNs);
            if (timeNs > _now)
            {
                _now = timeNs;
            }
        }

        // The line makes up a byte only while nobody drives it; a byte due mid-transmission is skipped
        // (noise on bytes in transit is the filter's NoiseRate).
        private void MakeIdleNoise(long timeNs)
        {
            if (timeNs > _now)
            {
                _now = timeNs;
            }

            if (_toModuleNoiseNs <= _toHostNoiseNs)
            {
                ILineFault fault = _hostToModuleFault;
                _toModuleNoiseNs = fault.NextIdleNoiseNs(timeNs);
                if (_toModule.FreeAtNs <= timeNs)
                {
                    _noise[0] = fault.IdleNoiseByte();
                    _toModule.Enqueue(_noise, 0, 1, _now);
                    IWireTap tap = Tap;
                    if (tap != null)
                    {
                        tap.OnHostToModule(_noise, 0, 1, _now);
                    }
                }
            }
            else
            {
                ILineFault fault = _moduleToHostFault;
                _toHostNoiseNs = fault.NextIdleNoiseNs(timeNs);
                if (_toHost.FreeAtNs <= timeNs)
                {
                    _noise[0] = fault.IdleNoiseByte();
                    _toHost.Enqueue(_noise, 0, 1, _now);
                    IWireTap tap = Tap;
                    if (tap != null)
                    {
                        tap.OnModuleToHost(_noise, 0, 1, _now);
                    }
                }
            }
        }

        private void DeliverArrived(long timeNs)
        {
            int n = _toModule.ArrivedInRecord(timeNs);
            if (n > 0)
            {
                Deliver(n);
            }
        }

        private void Deliver(int count)
        {
            if (_delivery.Length < count)
            {
                _delivery = new byte[count > 2 * _delivery.Length ? count : 2 * _delivery.Length];
            }

            _toModule.Take(_delivery, 0, count);
            long arrived = _toModule.LastTakenArrivalNs;
            if (arrived > _now)
            {
                _now = arrived;
            }

            _module.Received(_delivery, 0, count);
        }

        private int ApplyFault(ILineFault fault, byte[] buffer, int offset, int count)
        {
            int max = fault.MaxOutput(count);
            if (_faultOutput.Length < max)
            {
                _faultOutput = new byte[max > 2 * _faultOutput.Length ? max : 2 * _faultOutput.Length];
            }

            return fault.Apply(buffer, offset, count, _faultOutput, 0, _now);
        }
    }
}
