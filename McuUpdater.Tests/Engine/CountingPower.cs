using McuUpdater.Power;

namespace McuUpdater.Tests.Engine
{
    /// <summary>Passes power calls through and counts them, so tests can prove when the module was (not) touched.</summary>
    public sealed class CountingPower : IModulePower
    {
        private readonly IModulePower _inner;

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public CountingPower(IModulePower inner)
        {
            _inner = inner;
        }

        /// <summary>Calls of <see cref="Off"/>.</summary>
        public int Offs { get; private set; }

        /// <summary>Calls of <see cref="On"/>.</summary>
        public int Ons { get; private set; }

        /// <summary>Calls of <see cref="Release"/>.</summary>
        public int Releases { get; private set; }

        /// <summary>Every call.</summary>
        public int Calls
        {
            get { return Offs + Ons + Releases; }
        }

        /// <inheritdoc />
        public void Off()
        {
            Offs++;
            _inner.Off();
        }

        /// <inheritdoc />
        public void On()
        {
            Ons++;
            _inner.On();
        }

        /// <inheritdoc />
        public void Release()
        {
            Releases++;
            _inner.Release();
        }
    }
}
