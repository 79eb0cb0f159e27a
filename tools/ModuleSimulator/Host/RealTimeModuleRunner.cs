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
    /// Time is a monotonic clock; wake-ups are honoured to within a millisecond or so. A link
    /// without a power line (a pty) gets "idle power sensing": a 0xB5 after at least
    /// <see cref="IdlePowerOnMs"/> of silence from the host counts as a fresh power-on, which is
    /// what a PC flasher relayed through an MCU looks like. Tests can also switch power explicitly.
    /// </remarks>
    public sealed class RealTimeModuleRunner : IModuleLine, IDisposable
    {
        private const int MaxPollMs = 10;

        private readonly IModuleEndpoint _module;
        private readonly ISerialLink _link;
        private readonly long _byteTimeNs;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly byte[] _rx = new byte[16 * 1024];
        private readonly object _sync = new object();
        private Thread _thread;
        private volatile bool _running;
        private long _wakeNs = long.MaxValue;
        private long _lastRxNs = long.MinValue / 2;
        private int _powerRequest; // 0 none, 1 on, 2 off

        /// <summary>Creates a runner at 115 200 baud; call <see cref="Start"/>.</summary>
        public RealTimeModuleRunner(IModuleEndpoint module, ISerialLink link)
            : this(module, link, Wire.BaudRate)
        {
        }

        /// <summary>Creates a runner; <paramref name="baud"/> only sets <see cref="ByteTimeNs"/> (the link paces itself).</summary>
        public RealTimeModuleRunner(IModuleEndpoint module, ISerialLink link, int baud)
        {
            _module = module;
            _link = link;
            _byteTimeNs = (10L * 1000000000L + baud / 2) / baud;
            IdlePowerSensing = true;
            IdlePowerOnMs = 500;
            module.Attach(this);
        }

        /// <summary>When true, a 0xB5 after <see cref="IdlePowerOnMs"/> of host silence power-cycles the module first.</summary>
        public bool IdlePowerSensing { get; set; }

        /// <summary>Silence that makes the next 0xB5 a power-on.</summary>
        public int IdlePowerOnMs { get; set; }

        /// <summary>Power-ons sensed from line idleness.</summary>
        public int SensedPowerOns { get; private set; }

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
                _powerRequest = on ? 1 : 2;
            }
        }

        /// <summary>Sends bytes from the module to the link.</summary>
        public void Send(byte[] buffer, int offset, int count)
        {
            _link.Write(buffer, offset, count);
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

        private void Run()
        {
            while (_running)
            {
                ApplyPowerRequest();
                long now = NowNs;
                int waitMs = MaxPollMs;
                if (_wakeNs != long.MaxValue)
                {
                    long untilWake = (_wakeNs - now + 999999) / 1000000;
                    waitMs = untilWake < 0 ? 0 : (int)Math.Min(untilWake, MaxPollMs);
                }

                int n = _link.Read(_rx, 0, _rx.Length, waitMs);
                now = NowNs;
                if (n > 0)
                {
                    if (IdlePowerSensing && _rx[0] == Wire.SyncWord1 && now - _lastRxNs >= IdlePowerOnMs * 1000000L)
                    {
                        SensedPowerOns++;
                        _module.PowerChanged(false);
                        _module.PowerChanged(true);
                    }

                    _lastRxNs = now;
                    _module.Received(_rx, 0, n);
                }

                if (_wakeNs <= NowNs)
                {
                    _wakeNs = long.MaxValue;
                    _module.Timer();
                }
            }
        }

        private void ApplyPowerRequest()
        {
            int request;
            lock (_sync)
            {
                request = _powerRequest;
                _powerRequest = 0;
            }

            if (request != 0)
            {
                _module.PowerChanged(request == 1);
            }
        }
    }
}
