using System.Collections;
using McuUpdater.Power;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Support
{
    /// <summary>An <see cref="IModulePower"/> that records each call as "off@T", "on@T", "release@T" (T in clock ms).</summary>
    public sealed class RecordingPower : IModulePower
    {
        private readonly IClock _clock;
        private readonly object _lock = new object();
        private readonly ArrayList _calls = new ArrayList();

        /// <summary>Records against <paramref name="clock"/>'s time.</summary>
        public RecordingPower(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>The calls so far, joined with spaces (string.Join does not exist on nanoFramework).</summary>
        public string Log
        {
            get
            {
                lock (_lock)
                {
                    string text = string.Empty;
                    for (int i = 0; i < _calls.Count; i++)
                    {
                        text = i == 0 ? (string)_calls[i] : text + " " + (string)_calls[i];
                    }

                    return text;
                }
            }
        }

        /// <summary>How many times <see cref="Off"/> was called.</summary>
        public int OffCount { get; private set; }

        /// <inheritdoc />
        public void Off()
        {
            OffCount++;
            Add("off");
        }

        /// <inheritdoc />
        public void On()
        {
            Add("on");
        }

        /// <inheritdoc />
        public void Release()
        {
            Add("release");
        }

        private void Add(string what)
        {
            lock (_lock)
            {
                _calls.Add(what + "@" + _clock.NowMs.ToString());
            }
        }
    }
}
