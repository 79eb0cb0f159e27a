using McuUpdater.Application;

namespace McuUpdater.Tests.Application
{
    /// <summary>A start button pressed a given number of times; when the presses are used up it stops the runner (a bench otherwise waits for ever).</summary>
    public sealed class ScriptedButton : IStartButton
    {
        private int _presses;
        private int _reads;

        /// <summary>Delivers <paramref name="presses"/> presses, each held for a few reads.</summary>
        public ScriptedButton(int presses)
        {
            _presses = presses;
        }

        /// <summary>Stopped when the presses are used up.</summary>
        public BoardRunner Runner { get; set; }

        /// <summary>Reads so far.</summary>
        public int Reads
        {
            get { return _reads; }
        }

        public bool IsPressed
        {
            get
            {
                // Each press: up, then down for two reads (the runner reads again after the debounce).
                _reads++;
                int phase = _reads % 4;
                if (_presses == 0)
                {
                    if (Runner != null)
                    {
                        Runner.Stop();
                    }

                    return false;
                }

                if (phase == 3)
                {
                    _presses--;
                    return true;
                }

                return phase == 2;
            }
        }
    }
}
