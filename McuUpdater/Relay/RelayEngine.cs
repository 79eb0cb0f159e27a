using System;
using System.Threading;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Timing;

namespace McuUpdater.Relay
{
    /// <summary>
    /// Transparent byte pump between a PC-side UART (host) and the module's UART, both directions at
    /// once, so a PC tool can flash a module soldered behind the MCU. Optionally power-cycles the
    /// module when the host starts its 0xB5 sync ticks, so the PC needs no control lines.
    /// </summary>
    /// <remarks>
    /// <para>One thread per direction (the only two things that really happen at the same time);
    /// each reads whatever has arrived (waiting at most <see cref="RelayOptions.ReadTimeoutMs"/>)
    /// and writes it to the other side at once. Only then does it look at the bytes, and cheaply:
    /// the host's 0xB5 is a compare of the first bytes after a quiet line, and a
    /// <see cref="FrameSpotter"/> follows frame boundaries (for the counters, gap timing and
    /// CMD_RUN_GSMSW) at a cost per frame, not per byte. Frames are decoded (CRC over every byte)
    /// only for a tap that asks for them (<see cref="IRelayTap.WantsFrames"/>), and even then the
    /// noise between frames is skipped by a native scan. The chunk buffers are allocated in the
    /// constructor, a tap's decoders when the tap is set; the pumps allocate nothing.</para>
    /// <para>Size both ports' receive buffers before opening them (see <see cref="RelayOptions"/>):
    /// nanoFramework's 256-byte default overflows in 22 ms at 115200 and drops data silently.</para>
    /// <para>Power cycle (with <see cref="RelayOptions.AutoPowerCycle"/>): a 0xB5 arriving after
    /// the host line was quiet for <see cref="RelayOptions.SyncQuietMs"/> switches the module off;
    /// after <see cref="RelayOptions.PowerOffMs"/> it is switched on (PWRKEY held for the session)
    /// while the host's ticks keep flowing through, so the boot ROM hears them in its listening
    /// window. The session ends — <see cref="IModulePower.Release"/> — when the module answers
    /// CMD_RUN_GSMSW, when both lines are idle for <see cref="RelayOptions.SessionIdleMs"/>, or on
    /// <see cref="Stop"/>. Every power call is made from the host→module thread (or from Stop after
    /// the threads ended), so an <see cref="IModulePower"/> needs no locking.</para>
    /// </remarks>
    public sealed class RelayEngine
    {
        private const int StateIdle = 0;
        private const int StateOff = 1;
        private const int StateOn = 2;

        // Responses carry at most 6 data bytes; 256 leaves room for the quirk ROM's odd frames.
        private const int ModuleFrameDataLength = 256;

        // Longest frame a host may send: the quirk ROM takes up to its MTU 16384 + 256 (protocol.md).
        // The spotter holds no frame, so this bound costs no memory.
        private const int HostFrameDataLength = 16384 + 256;

        private readonly ISerialLink _host;
        private readonly ISerialLink _module;
        private readonly IModulePower _power;
        private readonly IClock _clock;
        private readonly RelayOptions _options;
        private readonly byte[] _hostBuffer;
        private readonly byte[] _moduleBuffer;
        private readonly FrameSpotter _hostSpotter;
        private readonly FrameSpotter _moduleSpotter;
        private readonly object _lock = new object();
        private readonly RelayCounters _counters = new RelayCounters();

        // Guarded by _lock: last arrival per direction (ms), whether any arrived yet.
        private long _lastHostMs;
        private long _lastModuleMs;
        private bool _hostSeen;
        private bool _moduleSeen;

        // Owned by the host→module thread (and Stop after the joins).
        private int _state;
        private long _offAtMs;

        // Flags shared by the pump threads, as ints through Interlocked: nanoFramework's corlib has
        // no IsVolatile modifier type, so a volatile field does not compile for the device.
        private int _runAnswered;

        // A tap's decoders: allocated only when a tap asks for frames of that direction.
        private FrameDecoder _hostDecoder;
        private FrameDecoder _moduleDecoder;
        private IRelayTap _tap;
        private bool _tapHostFrames;
        private bool _tapModuleFrames;

        private int _running;
        private Thread _hostThread;
        private Thread _moduleThread;
        private Exception _fault;

        /// <summary>Creates a relay; nothing moves until <see cref="Start"/> (or the pump methods are called).</summary>
        /// <param name="host">The PC-side UART.</param>
        /// <param name="module">The module's UART.</param>
        /// <param name="power">The module's power control; may be null when <see cref="RelayOptions.AutoPowerCycle"/> is false.</param>
        /// <param name="clock">Time source for the power timings and gap counters.</param>
        /// <param name="options">Settings; null for the defaults.</param>
        public RelayEngine(ISerialLink host, ISerialLink module, IModulePower power, IClock clock, RelayOptions options)
        {
            if (host == null)
            {
                throw new ArgumentNullException("host");
            }

            if (module == null)
            {
                throw new ArgumentNullException("module");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _options = options == null ? new RelayOptions() : options;
            _options.Validate();
            if (_options.AutoPowerCycle && power == null)
            {
                throw new ArgumentNullException("power", "AutoPowerCycle needs a power control");
            }

            _host = host;
            _module = module;
            _power = power;
            _clock = clock;
            _hostBuffer = new byte[_options.ChunkSize];
            _moduleBuffer = new byte[_options.ChunkSize];
            _hostSpotter = new FrameSpotter(HostFrameDataLength, -1);
            _moduleSpotter = new FrameSpotter(FrameSpotter.CheckedDataLength, Command.RunGsmSwRsp);
        }

        /// <summary>Observer of frames, power and sessions; set before <see cref="Start"/>.</summary>
        /// <remarks>
        /// Setting a tap that wants frames allocates that direction's decoder (host→module:
        /// <see cref="RelayOptions.MaxFrameDataLength"/> + 7 bytes; module→host: 263 bytes).
        /// </remarks>
        public IRelayTap Tap
        {
            get
            {
                return _tap;
            }

            set
            {
                bool host = value != null && value.WantsFrames(RelayDirection.HostToModule);
                bool module = value != null && value.WantsFrames(RelayDirection.ModuleToHost);
                if (host && _hostDecoder == null)
                {
                    _hostDecoder = new FrameDecoder(_options.MaxFrameDataLength);
                }

                if (module && _moduleDecoder == null)
                {
                    _moduleDecoder = new FrameDecoder(ModuleFrameDataLength);
                }

                _tapHostFrames = host;
                _tapModuleFrames = module;
                _tap = value;
            }
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/> while no pump has failed.</summary>
        public bool IsRunning
        {
            get { return Get(ref _running); }
        }

        /// <summary>The exception that stopped a pump thread (a link closed or failed), or null.</summary>
        public Exception Fault
        {
            get { return _fault; }
        }

        /// <summary>True while a power-cycled session is open (module off, or on with PWRKEY held).</summary>
        public bool SessionActive
        {
            get { return _state != StateIdle; }
        }

        /// <summary>True while the module is switched off in a power cycle.</summary>
        public bool ModuleOff
        {
            get { return _state == StateOff; }
        }

        /// <summary>Starts the two pump threads.</summary>
        public void Start()
        {
            if (_hostThread != null)
            {
                throw new InvalidOperationException("relay already started");
            }

            _fault = null;
            Set(ref _running, true);
            _hostThread = new Thread(RunHostToModule);
            _moduleThread = new Thread(RunModuleToHost);
            _hostThread.Start();
            _moduleThread.Start();
        }

        /// <summary>Stops both pumps, waits for their threads to end, and releases the module's power if a session was open.</summary>
        public void Stop()
        {
            Set(ref _running, false);
            if (_hostThread != null)
            {
                _hostThread.Join();
                _moduleThread.Join();
                _hostThread = null;
                _moduleThread = null;
            }

            if (_state != StateIdle)
            {
                EndSession();
            }
        }

        /// <summary>Copies the counters into <paramref name="into"/> (consistent, no allocation).</summary>
        public void CopyCounters(RelayCounters into)
        {
            lock (_lock)
            {
                into.CopyFrom(_counters);
            }
        }

        /// <summary>
        /// Moves what the host sent (waiting up to <paramref name="timeoutMs"/>) to the module; returns the
        /// byte count. <see cref="Start"/> calls this in a loop; call it yourself only when not started.
        /// </summary>
        public int PumpHostToModule(int timeoutMs)
        {
            int n = _host.Read(_hostBuffer, 0, _hostBuffer.Length, timeoutMs);
            if (n <= 0)
            {
                return 0;
            }

            _module.Write(_hostBuffer, 0, n);
            long now = _clock.NowMs;
            bool inFrame = _hostSpotter.InFrame;
            long stepsBefore = _hostSpotter.ByteSteps;
            _hostSpotter.Scan(_hostBuffer, 0, n);
            int syncScan = 0;
            bool syncStart = false;
            lock (_lock)
            {
                // Only the first bytes after a quiet line can start a sync: one compare each.
                if (!_hostSeen || now - _lastHostMs >= _options.SyncQuietMs)
                {
                    syncScan = n < SyncStart.ScanBytes ? n : SyncStart.ScanBytes;
                    syncStart = SyncStart.Begins(_hostBuffer, 0, n);
                }

                long gap = _hostSeen && inFrame ? now - _lastHostMs : 0;
                _hostSeen = true;
                _lastHostMs = now;
                _counters.BytesHostToModule += n;
                _counters.FramesHostToModule = _hostSpotter.Frames;
                _counters.Reads++;
                _counters.ByteSteps += _hostSpotter.ByteSteps - stepsBefore + syncScan;
                if (gap > _counters.LongestGapHostToModuleMs)
                {
                    _counters.LongestGapHostToModuleMs = gap;
                }
            }

            Observe(RelayDirection.HostToModule, _tapHostFrames ? _hostDecoder : null, _hostBuffer, n);

            if (syncStart && _options.AutoPowerCycle)
            {
                BeginPowerCycle(now);
            }

            return n;
        }

        /// <summary>
        /// Moves what the module sent (waiting up to <paramref name="timeoutMs"/>) to the host; returns the
        /// byte count. <see cref="Start"/> calls this in a loop; call it yourself only when not started.
        /// </summary>
        public int PumpModuleToHost(int timeoutMs)
        {
            int n = _module.Read(_moduleBuffer, 0, _moduleBuffer.Length, timeoutMs);
            if (n <= 0)
            {
                return 0;
            }

            _host.Write(_moduleBuffer, 0, n);
            long now = _clock.NowMs;
            bool inFrame = _moduleSpotter.InFrame;
            long stepsBefore = _moduleSpotter.ByteSteps;
            long runsBefore = _moduleSpotter.WatchedFrames;
            _moduleSpotter.Scan(_moduleBuffer, 0, n);
            if (_moduleSpotter.WatchedFrames != runsBefore)
            {
                Set(ref _runAnswered, true);
            }

            lock (_lock)
            {
                long gap = _moduleSeen && inFrame ? now - _lastModuleMs : 0;
                _moduleSeen = true;
                _lastModuleMs = now;
                _counters.BytesModuleToHost += n;
                _counters.FramesModuleToHost = _moduleSpotter.Frames;
                _counters.Reads++;
                _counters.ByteSteps += _moduleSpotter.ByteSteps - stepsBefore;
                if (gap > _counters.LongestGapModuleToHostMs)
                {
                    _counters.LongestGapModuleToHostMs = gap;
                }
            }

            Observe(RelayDirection.ModuleToHost, _tapModuleFrames ? _moduleDecoder : null, _moduleBuffer, n);

            return n;
        }

        /// <summary>
        /// Runs the power timers: switches the module on when its off time is over, ends the session
        /// after CMD_RUN_GSMSW or when idle. Called after every host→module pump; call it yourself
        /// only when not started.
        /// </summary>
        public void Service()
        {
            if (_state == StateIdle)
            {
                return;
            }

            long now = _clock.NowMs;
            if (_state == StateOff)
            {
                if (now - _offAtMs >= _options.PowerOffMs)
                {
                    _power.On();
                    _state = StateOn;
                    IRelayTap tap = Tap;
                    if (tap != null)
                    {
                        tap.PowerChanged(true);
                    }
                }

                return;
            }

            if (Get(ref _runAnswered) && _options.ReleaseAfterRun)
            {
                EndSession();
                return;
            }

            long last;
            lock (_lock)
            {
                last = _lastHostMs > _lastModuleMs ? _lastHostMs : _lastModuleMs;
            }

            if (now - last >= _options.SessionIdleMs)
            {
                EndSession();
            }
        }

        private void BeginPowerCycle(long now)
        {
            bool newSession = _state == StateIdle;
            Set(ref _runAnswered, false);
            _power.Off();
            _state = StateOff;
            _offAtMs = now;
            lock (_lock)
            {
                _counters.PowerCycles++;
                if (newSession)
                {
                    _counters.Sessions++;
                }
            }

            IRelayTap tap = Tap;
            if (tap != null)
            {
                if (newSession)
                {
                    tap.SessionChanged(true);
                }

                tap.PowerChanged(false);
            }
        }

        private void EndSession()
        {
            if (_state == StateOff)
            {
                _power.On();
                IRelayTap onTap = Tap;
                if (onTap != null)
                {
                    onTap.PowerChanged(true);
                }
            }

            _power.Release();
            _state = StateIdle;
            Set(ref _runAnswered, false);
            IRelayTap tap = Tap;
            if (tap != null)
            {
                tap.SessionChanged(false);
            }
        }

        // Tells the tap what was relayed and, when it asked, decodes the frames for it. The decoder
        // copies a frame's data in one block; noise between frames never reaches it, a native scan
        // skips to the next head. Skipping is exact: an idle decoder would only discard those bytes.
        private void Observe(int direction, FrameDecoder decoder, byte[] buffer, int count)
        {
            IRelayTap tap = _tap;
            if (tap == null)
            {
                return;
            }

            tap.BytesRelayed(direction, count);
            if (decoder == null)
            {
                return;
            }

            int used = 0;
            long decoded = 0;
            bool drain = false;
            while (true)
            {
                if (drain)
                {
                    // Bytes the decoder kept after a frame (a failed candidate's rest) may hold another.
                    decoder.Feed(buffer, used, 0);
                    if (decoder.HasFrame)
                    {
                        tap.FrameSeen(direction, decoder);
                        continue;
                    }

                    drain = false;
                }

                if (used >= count)
                {
                    break;
                }

                if (!decoder.InFrame)
                {
                    int head = FrameSpotter.FindHead(buffer, used, count - used);
                    if (head < 0)
                    {
                        break;
                    }

                    used = head;
                }

                int took = decoder.Feed(buffer, used, count - used);
                used += took;
                decoded += took;
                if (!decoder.HasFrame)
                {
                    break;
                }

                tap.FrameSeen(direction, decoder);
                drain = true;
            }

            lock (_lock)
            {
                _counters.DecodedBytes += decoded;
                _counters.ByteSteps += decoded;
            }
        }

        private void RunHostToModule()
        {
            try
            {
                while (Get(ref _running))
                {
                    PumpHostToModule(_options.ReadTimeoutMs);
                    Service();
                }
            }
            catch (Exception ex)
            {
                _fault = ex;
                Set(ref _running, false);
            }
        }

        private void RunModuleToHost()
        {
            try
            {
                while (Get(ref _running))
                {
                    PumpModuleToHost(_options.ReadTimeoutMs);
                }
            }
            catch (Exception ex)
            {
                _fault = ex;
                Set(ref _running, false);
            }
        }
    

        private static bool Get(ref int flag)
        {
            return Interlocked.CompareExchange(ref flag, 0, 0) != 0;
        }

        private static void Set(ref int flag, bool value)
        {
            Interlocked.Exchange(ref flag, value ? 1 : 0);
        }
    }
}
