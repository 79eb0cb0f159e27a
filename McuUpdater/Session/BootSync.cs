using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>Brings the module's boot ROM into command mode: power off, off time, 0xB5 every 20 ms while powering on, 5B → A9 → 9A.</summary>
    /// <remarks>
    /// One thread, one loop: the ticker is just the loop writing 0xB5 when its 20 ms are up, so
    /// "stop ticking before 0xA9" holds by construction. Every byte other than the awaited one is
    /// boot noise and is dropped. protocol.md Decision: without 0x9A within 100 ms the caller sends
    /// BEGIN anyway (single-stage ROMs answer only 0x5B).
    /// </remarks>
    public sealed class BootSync
    {
        private static readonly byte[] SyncWord1 = new byte[] { Wire.SyncWord1 };
        private static readonly byte[] SyncWord2 = new byte[] { Wire.SyncWord2 };

        private readonly ISerialLink _link;
        private readonly Transmitter _tx;
        private readonly IModulePower _power;
        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly UpdateEvents _events;
        private readonly ICancellation _cancel;
        private readonly byte[] _rx = new byte[64];

        /// <summary>Creates a sync over the given seams; <paramref name="events"/> and <paramref name="cancel"/> may be null.</summary>
        public BootSync(ISerialLink link, IModulePower power, IClock clock, UpdateOptions options, UpdateEvents events, ICancellation cancel)
            : this(new Transmitter(link, clock, options == null ? Wire.BaudRate : options.BaudRate), power, clock, options, events, cancel)
        {
        }

        /// <summary>Creates a sync writing through <paramref name="transmitter"/> (shared with the downloader, so the off time starts only once its frames have left).</summary>
        public BootSync(Transmitter transmitter, IModulePower power, IClock clock, UpdateOptions options, UpdateEvents events, ICancellation cancel)
        {
            _tx = transmitter;
            _link = transmitter.Link;
            _power = power;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _events = events == null ? new UpdateEvents(this) : events;
            _cancel = cancel;
        }

        /// <summary>Power cycles used by the last <see cref="Run"/>.</summary>
        public int Attempts { get; private set; }

        /// <summary>Clock time of the last power-on.</summary>
        public long PoweredOnAtMs { get; private set; }

        /// <summary>Milliseconds from the last power-on to 0x5B (-1 when none came).</summary>
        public long SyncAfterMs { get; private set; }

        /// <summary>Tries up to <see cref="UpdateOptions.SyncAttempts"/> power cycles until the ROM answers 0x5B.</summary>
        public SyncResult Run()
        {
            int attempts = _options.SyncAttempts < 1 ? 1 : _options.SyncAttempts;
            for (Attempts = 1; Attempts <= attempts; Attempts++)
            {
                if (Cancelled())
                {
                    return SyncResult.Cancelled;
                }

                _events.RaisePhase(UpdatePhase.PowerCycling);

                // The off time counts from the line going quiet: bytes still leaving the UART (a
                // queued frame, a writer thread's) would shorten the power cycle an idle-sensing
                // module or relay sees. Bounded by two of the longest frames' wire time.
                _tx.Drain(DrainLimitMs());
                _power.Off();
                _clock.Sleep(_options.PowerOffMs);
                _events.RaisePhase(UpdatePhase.Syncing);
                SyncResult result = TryOnce();
                if (result != SyncResult.Failed)
                {
                    return result;
                }

                _events.RaiseRestart(RestartReason.SyncMissed, Attempts, "no 0x5B within " + _options.SyncTimeoutMs.ToString() + " ms of power-on");
            }

            Attempts = attempts;
            return SyncResult.Failed;
        }

        // One power-on: tick 0xB5, switch the module on after the first ticks, wait for 0x5B.
        private SyncResult TryOnce()
        {
            // Whatever the line held before this power-on (the old firmware's chatter) is not an answer.
            DrainInput();
            SyncAfterMs = -1;
            int ticks = 0;
            bool powered = false;
            long nextTick = _clock.NowMs;
            long giveUpAt = long.MaxValue;
            while (true)
            {
                if (Cancelled())
                {
                    return SyncResult.Cancelled;
                }

                long now = _clock.NowMs;
                if (now >= giveUpAt)
                {
                    return SyncResult.Failed;
                }

                if (now >= nextTick)
                {
                    _tx.Write(SyncWord1, 0, 1);
                    ticks++;
                    nextTick += Wire.SyncIntervalMs;
                    if (nextTick <= now)
                    {
                        // Late (slow host): keep the period rather than sending a burst to catch up.
                        nextTick = now + Wire.SyncIntervalMs;
                    }

                    if (!powered && ticks >= _options.TicksBeforePowerOn)
                    {
                        _power.On();
                        powered = true;
                        PoweredOnAtMs = _clock.NowMs;
                        giveUpAt = PoweredOnAtMs + _options.SyncTimeoutMs;
                    }
                }

                long until = nextTick < giveUpAt ? nextTick : giveUpAt;
                long wait = until - _clock.NowMs;
                int n = _link.Read(_rx, 0, _rx.Length, wait > 0 ? (int)wait : 0);
                if (Contains(_rx, n, Wire.SyncWordRsp1))
                {
                    SyncAfterMs = _clock.NowMs - PoweredOnAtMs;
                    return SecondStage();
                }
            }
        }

        // 0x5B seen, ticker already stopped (the loop above wrote its last 0xB5): send 0xA9, wait ≤ 100 ms for 0x9A.
        private SyncResult SecondStage()
        {
            _tx.Write(SyncWord2, 0, 1);
            long deadline = _clock.NowMs + Wire.SyncRsp2TimeoutMs;
            while (true)
            {
                long left = deadline - _clock.NowMs;
                if (left <= 0)
                {
                    return SyncResult.SyncedWithout9A;
                }

                int n = _link.Read(_rx, 0, _rx.Length, (int)left);
                if (Contains(_rx, n, Wire.SyncWordRsp2))
                {
                    return SyncResult.Synced;
                }
            }
        }

        private int DrainLimitMs()
        {
            // Two frames: a resend still leaving and the next block queued behind it after a late
            // positive answer (the fault campaign's seeds 23000 and 47339).
            int frame = Wire.DataFrameOverhead + (_options.MaxBlockSize > 0 ? _options.MaxBlockSize : UpdateOptions.DefaultMaxBlockSize);
            return (int)_tx.WireTimeMs(2 * frame) + Wire.SettleMs;
        }

        private void DrainInput()
        {
            for (int i = 0; i < 64 && _link.Read(_rx, 0, _rx.Length, 0) > 0; i++)
            {
            }
        }

        private bool Cancelled()
        {
            return _cancel != null && _cancel.IsCancelled;
        }

        private static bool Contains(byte[] buffer, int count, byte value)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[i] == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
