using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>An LED that remembers its level and how often it changed.</summary>
    public sealed class RecordingLed : IStatusLed
    {
        private readonly object _lock = new object();
        private bool _lit;
        private int _changes;

        public RecordingLed(int pin)
        {
            Pin = pin;
        }

        /// <summary>The pin the board opened.</summary>
        public int Pin { get; private set; }

        /// <summary>Lit now.</summary>
        public bool Lit
        {
            get
            {
                lock (_lock)
                {
                    return _lit;
                }
            }
        }

        /// <summary>Writes that changed the level.</summary>
        public int Changes
        {
            get
            {
                lock (_lock)
                {
                    return _changes;
                }
            }
        }

        public void Write(bool lit)
        {
            lock (_lock)
            {
                if (lit != _lit)
                {
                    _changes++;
                }

                _lit = lit;
            }
        }
    }
}
