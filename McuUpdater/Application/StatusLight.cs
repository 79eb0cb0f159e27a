namespace McuUpdater.Application
{
    /// <summary>One status LED and the state it shows (<see cref="LightState"/>); a failure's blink code is played by <see cref="Refresh"/>.</summary>
    /// <remarks>
    /// A bench slot's thread sets its own light (busy, progress, ok or failed) while the board's
    /// main thread only refreshes blinking lights between rounds, so no extra thread is needed.
    /// </remarks>
    public sealed class StatusLight
    {
        private readonly IStatusLed _led;
        private readonly object _lock = new object();
        private bool _lit;
        private long _failedAtMs;

        /// <summary>Shows states on <paramref name="led"/> (null: a board without this LED; the state is still kept).</summary>
        public StatusLight(IStatusLed led)
        {
            _led = led;
            Write(false);
        }

        /// <summary>What the light shows now.</summary>
        public LightState State { get; private set; }

        /// <summary>The blink code while <see cref="State"/> is <see cref="LightState.Failed"/>, else <see cref="BlinkCodes.None"/>.</summary>
        public int Code { get; private set; }

        /// <summary>Dark.</summary>
        public void Idle()
        {
            Set(LightState.Idle, BlinkCodes.None, false);
        }

        /// <summary>Lit; <see cref="Progress"/> makes it flicker.</summary>
        public void Busy()
        {
            Set(LightState.Busy, BlinkCodes.None, true);
        }

        /// <summary>Steadily lit.</summary>
        public void Ok()
        {
            Set(LightState.Ok, BlinkCodes.None, true);
        }

        /// <summary>Blinks <paramref name="code"/> from <paramref name="nowMs"/> on, each time <see cref="Refresh"/> is called.</summary>
        public void Fail(int code, long nowMs)
        {
            lock (_lock)
            {
                _failedAtMs = nowMs;
                Set(LightState.Failed, code, true);
            }
        }

        /// <summary>A frame went through: toggles the LED while busy (ignored in any other state).</summary>
        public void Progress()
        {
            lock (_lock)
            {
                if (State == LightState.Busy)
                {
                    Write(!_lit);
                }
            }
        }

        /// <summary>An update's progress event (<c>ProgressHandler</c>): one frame went through.</summary>
        public void OnProgress(object sender, long bytesDone, long bytesTotal, int blocksDone, int blocksTotal)
        {
            Progress();
        }

        /// <summary>Plays the blink code at <paramref name="nowMs"/> (call it every few tens of ms while waiting).</summary>
        public void Refresh(long nowMs)
        {
            lock (_lock)
            {
                if (State == LightState.Failed)
                {
                    bool lit = BlinkCodes.IsOn(Code, nowMs - _failedAtMs);
                    if (lit != _lit)
                    {
                        Write(lit);
                    }
                }
            }
        }

        private void Set(LightState state, int code, bool lit)
        {
            lock (_lock)
            {
                State = state;
                Code = code;
                Write(lit);
            }
        }

        private void Write(bool lit)
        {
            _lit = lit;
            if (_led != null)
            {
                _led.Write(lit);
            }
        }
    }
}
