using McuUpdater.Power;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>An <see cref="IModulePower"/> decorator that records each switch in the trace, then performs it.</summary>
    public sealed class TracingModulePower : IModulePower
    {
        private readonly IModulePower _inner;
        private readonly TraceWriter _trace;

        /// <summary>Wraps <paramref name="inner"/> (may be a no-op power control).</summary>
        public TracingModulePower(IModulePower inner, TraceWriter trace)
        {
            _inner = inner;
            _trace = trace;
        }

        /// <inheritdoc />
        public void Off()
        {
            _trace.Power(false);
            _inner.Off();
        }

        /// <inheritdoc />
        public void On()
        {
            _inner.On();
            _trace.Power(true);
        }

        /// <inheritdoc />
        public void Release()
        {
            _inner.Release();
            _trace.Power(true, released: true);
        }
    }
}
