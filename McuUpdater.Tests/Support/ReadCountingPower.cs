using McuUpdater.Power;

namespace McuUpdater.Tests.Support
{
    /// <summary>Passes power calls through and notes, at the first one, how many image bytes had been read.</summary>
    public sealed class ReadCountingPower : IModulePower
    {
        private readonly IModulePower _inner;
        private readonly ReadCounter _counter;

        public ReadCountingPower(IModulePower inner, ReadCounter counter)
        {
            _inner = inner;
            _counter = counter;
        }

        public void Off()
        {
            Note();
            _inner.Off();
        }

        public void On()
        {
            Note();
            _inner.On();
        }

        public void Release()
        {
            Note();
            _inner.Release();
        }

        private void Note()
        {
            if (_counter.AtFirstPowerCall < 0)
            {
                _counter.AtFirstPowerCall = _counter.Bytes;
            }
        }
    }
}
