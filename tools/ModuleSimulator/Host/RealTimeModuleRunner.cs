using System;
using System.Diagnostics;
using System.Threading;
using McuUpdater.Link;
using McuUpdater.Protocol;

namespace McuUpdater.Simulator.Host
{
    /// <summary>Serves a module endpoint on a real byte link (pseudo-terminal master, serial port) in real time, on its own thread.</summary>
    /// <remarks>
    /// Every endpoint call happens on the runner thread, so the endpoint stays single-threaded.
    /// Time is a monotonic clock; wake-ups are honoured to within a millisecond or so.
    /// <para>
    /// With <see cref="Paced"/> (for links that have no line rate of their own, such as a pty) the
    /// runner behaves in time like a UART at the baud rate, as the virtual wire does: a byte the host
    /// wrote reaches the module one byte time after the previous one (or after it was read, when the
    /// line was idle), and a byte the module sends is handed to the link only when its last bit would
    /// have left. A real serial port paces itself, so it runs unpaced.
    /// </para>
    /// <para>
    /// A link without a power line gets "idle power sensing": a 0xB5 the host sends after at least
    /// <see cref="IdlePowerOnMs"/> of silence (a stray byte or two may precede it) counts as a fresh
    /// power-on, which is what a PC flasher relayed through an MCU looks like. Tests can also switch
    /// power explicitly.
    /// </para>
    /// <para>
    /// Line faults (<see cref="UseFaults"/>) are applied to the bytes as they pass, and idle-line
    /// noise is made up while a direction is quiet, as on the virtual wire.
    /// </para>
    /// </remarks>
    public sealed class RealTimeModuleRunner : IModuleLine, IDisposable
    {
        private const int MaxPollMs = 10;
        private const int Capacity = 16 * 1024;

        private readonly IModuleEndpoint _module;
        private readonly ISerialLink _link;
        private readonly long _byteTimeNs;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _sync = new object();

        // Host to module: bytes read from the link with the time each reaches the module.
        private readonly ByteSchedule _toModule = new ByteSchedule(Capacity);

        // Module to host: bytes sent by the module with the time each has fully left.
        private readonly ByteSchedule _toHost = new ByteSchedule(Capacity);

        private readonly byte[] _read = new byte[4096];
        private readonly byte[] _chunk = new byte[Capacity];
        private readonly byte[] _txChunk = new byte[Capacity];
        private byte[] _faultOutput = new byte[4096];
        private readonly byte[] _noise = new byte[1];

        private ILineFault _hostToModuleFault;
        private ILineFault _moduleToHostFault;
        private long _toModuleNoiseNs = long.MaxValue;
        private long _toHostNoiseNs = long.MaxValue;

        private Thread _thread;
        private volatile bool _running;
        private long _wakeNs = long.MaxValue;
        private long _lastReadNs = long.MinValue / 2;
        // Power changes from other threads, applied in order: an off-on pulse shorter than one
        // loop pass (a ring indicator, a quick relay cycle) must still reach the module as both.
        private readonly System.Collections.Generic.Queue<bool> _powerRequests = new System.Collections.Generic.Queue<bool>();

        /// <summary>Creates an unpaced runner at 115 200 baud; call <see cref="Start"/>.</summary>
        public RealTimeModuleRunner(IModuleEndpoint module, ISerialLink link)
            : this(module, link, Wire.BaudRate)
        {
        }

        /// <summary>Creates a runner for a line at <paramref name="baud"/> 8N1; set <see cref="Paced"/> when the link has no line rate of its own.</summary>
        public RealTimeModuleRunner(IModuleEndpoint module, ISerialLink link, int baud)
        {
            _module = module;
            _link = link;
            _byteTimeNs = (10L * 1000000000L + baud / 2) / baud;
            IdlePowerSensing = true;
            IdlePowerOnMs = 500;
            module.Attach(this);
        }

        /// <summary>When true, bytes move at the baud rate in both directions (set before <see cref="Start"/>).</summary>
        public bool Paced { get; set; }

        /// <summary>When true, a 0xB5 after <see cref="IdlePowerOnMs"/> of host silence power-cycles the module first.</summary>
        public bool IdlePowerSensing { get; set; }

        /// <summary>Silence that makes the next 0xB5 a power-on.</summary>
        public int IdlePowerOnMs { get; set; }

        /// <summary>Power-ons sensed from line idleness.</summary>
        public int SensedPowerOns { get; private set; }

        /// <summary>Bytes read from the host (before faults).</summary>
        public long HostBytesRead { get; private set; }

        /// <summary>Bytes the module sent (before faults).</summary>
        public long ModuleBytesSent { get; private set; }

        /// <summary>Monotonic time since the runner was created.</summary>
        public long NowNs
        {
            get { return (long)(_clock.ElapsedTicks * (1000000000.0 / Stopwatch.Frequency)); }
        }

        /// <summary>10 bits at the baud rate.</summary>
        public long ByteTimeNs
        {
            get { return _byteTimeNs; }
        }

        /// <summary>Installs the line faults of <paramref name="plan"/> (call before <see cref="Start"/>); its block faults belong to the module.</summary>
        public void UseFaults(FaultPlan plan)
        {
            long now = NowNs;
            _hostToModuleFault = plan.HostToModule.IsActive ? plan.HostToModule : null;
            _moduleToHostFault = plan.ModuleToHost.IsActive ? plan.ModuleToHost : null;
            _toModuleNoiseNs = _hostToModuleFault == null ? long.MaxValue : _hostToModuleFault.NextIdleNoiseNs(now);
            _toHostNoiseNs = _moduleToHostFault == null ? long.MaxValue : _moduleToHostFault.NextIdleNoiseNs(now);
        }

        /// <summary>Starts the runner thread.</summary>
        public void Start()
        {
            _running = true;
            _thread = new Thread(Run);
            _thread.IsBackground = true;
            _thread.Name = "module simulator";
            _thread.Start();
        }

        /// <summary>Stops the runner thread and waits for it.</summary>
        public void Stop()
        {
            _running = false;
            if (_thread != null)
            {
                _thread.Join(1000);
                _thread = null;
            }
        }

        /// <summary>Switches the module's power (applied on the runner thread within a few ms).</summary>
        public void PowerChanged(bool on)
        {
            lock (_sync)
            {
                _powerRequests.Enqueue(on);
            }
        }

        /// <summary>Queues bytes from the module towards the link (called by the module, on the runner thread).</summary>
        public void Send(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            ModuleBytesSent += count;
            if (_moduleToHostFault != null)
            {
                count = ApplyFault(_moduleToHostFault, buffer, offset, count);
                buffer = _faultOutput;
                offset = 0;
            }

            _toHost.Add(buffer, offset, count, NowNs, Paced ? _byteTimeNs : 0);
            FlushToHost(NowNs);
        }

        /// <summary>Sets the module's one wake-up.</summary>
        public void WakeAt(long timeNs)
        {
            _wakeNs = timeNs;
        }

        /// <summary>Stops the thread (the link belongs to the caller).</summary>
        public void Dispose()
        {
            Stop();
        }

        /// <summary>What stopped the runner thread (the port went away, a write failed), or null.</summary>
        public Exception Fault { get; private set; }

        /// <summary>True while the runner thread serves the link.</summary>
        public bool IsRunning
        {
            get { return _running; }
        }

        private void Run()
        {
            try
            {
                while (_running)
                {
                    ApplyPowerRequest();
                    long now = NowNs;
                    DeliverToModule(now);
                    if (_wakeNs <= now)
                    {
                        _wakeNs = long.MaxValue;
                        _module.Timer();
                    }

                    MakeIdleNoise(now);
                    FlushToHost(now);
                    ReadHost(WaitMs(NowNs));
                }
            }
            catch (Exception e)
            {
                // A dead port must not take the process down: the owner reads Fault and says which.
                Fault = e;
                _running = false;
            }
        }

        // Sleep in the link's read until the next thing due, at most MaxPollMs; 1 ms is the finest
        // a thread sleep resolves, about 11 byte times at 115 200.
        private int WaitMs(long now)
        {
            long next = _wakeNs;
            next = Math.Min(next, _toModule.NextDueNs);
            next = Math.Min(next, _toHost.NextDueNs);
            next = Math.Min(next, Math.Min(_toModuleNoiseNs, _toHostNoiseNs));
            if (next <= now)
            {
                return 0;
            }

            // Compared before rounding: next is long.MaxValue when nothing is pending.
            if (next - now >= MaxPollMs * 1000000L)
            {
                return MaxPollMs;
            }

            return (int)((next - now + 999999) / 1000000);
        }

        private void ReadHost(int waitMs)
        {
            int room = Math.Min(_read.Length, _toModule.Space);
            if (room <= 0)
            {
                // The module is behind; let it catch up before reading more.
                Thread.Sleep(Math.Max(1, waitMs));
                return;
            }

            int n = _link.Read(_read, 0, room, waitMs);
            if (n <= 0)
            {
                return;
            }

            HostBytesRead += n;

            // Idle power sensing watches what the host sent (line noise is not the host), and
            // switches the module before the 0xB5 reaches it.
            long now = NowNs;
            if (IdlePowerSensing && now - _lastReadNs >= IdlePowerOnMs * 1000000L && SyncStart.Begins(_read, 0, n))
            {
                SensedPowerOns++;
                PowerModule(false);
                PowerModule(true);
            }

            _lastReadNs = now;
            byte[] bytes = _read;
            if (_hostToModuleFault != null)
            {
                n = ApplyFault(_hostToModuleFault, _read, 0, n);
                bytes = _faultOutput;
            }

            _toModule.Add(bytes, 0, n, NowNs, Paced ? _byteTimeNs : 0);
        }

        // Hands the module every byte that has arrived, in one call per run of bytes.
        private void DeliverToModule(long now)
        {
            int n = 0;
            while (_toModule.Count > 0 && _toModule.NextDueNs <= now)
            {
                _chunk[n++] = _toModule.Take();
                if (n == _chunk.Length)
                {
                    _module.Received(_chunk, 0, n);
                    n = 0;
                }
            }

            if (n > 0)
            {
                _module.Received(_chunk, 0, n);
            }
        }

        private void FlushToHost(long now)
        {
            int n = 0;
            while (_toHost.Count > 0 && _toHost.NextDueNs <= now)
            {
                _txChunk[n++] = _toHost.Take();
                if (n == _txChunk.Length)
                {
                    _link.Write(_txChunk, 0, n);
                    n = 0;
                }
            }

            if (n > 0)
            {
                _link.Write(_txChunk, 0, n);
            }
        }

        // The line makes up a byte only while nobody drives that direction.
        private void MakeIdleNoise(long now)
        {
            if (_toModuleNoiseNs <= now)
            {
                _toModuleNoiseNs = _hostToModuleFault.NextIdleNoiseNs(now);
                if (_toModule.Count == 0 && _toModule.Space > 0)
                {
                    _noise[0] = _hostToModuleFault.IdleNoiseByte();
                    _toModule.Add(_noise, 0, 1, now, Paced ? _byteTimeNs : 0);
                }
            }

            if (_toHostNoiseNs <= now)
            {
                _toHostNoiseNs = _moduleToHostFault.NextIdleNoiseNs(now);
                if (_toHost.Count == 0)
                {
                    _noise[0] = _moduleToHostFault.IdleNoiseByte();
                    _toHost.Add(_noise, 0, 1, now, Paced ? _byteTimeNs : 0);
                }
            }
        }

        private void ApplyPowerRequest()
        {
            while (true)
            {
                bool on;
                lock (_sync)
                {
                    if (_powerRequests.Count == 0)
                    {
                        return;
                    }

                    on = _powerRequests.Dequeue();
                }

                PowerModule(on);
            }
        }

        private void PowerModule(bool on)
        {
            if (!on)
            {
                // A module without power stops transmitting: what has not left yet never will.
                _toHost.Clear();
            }

            _module.PowerChanged(on);
        }

        private int ApplyFault(ILineFault fault, byte[] buffer, int offset, int count)
        {
            int max = fault.MaxOutput(count);
            if (_faultOutput.Length < max)
            {
                _faultOutput = new byte[Math.Max(max, 2 * _faultOutput.Length)];
            }

            return fault.Apply(buffer, offset, count, _faultOutput, 0, NowNs);
        }
    }
}
