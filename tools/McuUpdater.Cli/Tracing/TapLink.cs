using System;
using McuUpdater.Link;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>
    /// An <see cref="ISerialLink"/> decorator that shows every byte to observers (trace file, verbose
    /// frame log) and passes it on unchanged. Observers see "tx" = towards the module: for the
    /// updater's or relay's module link that is Write; for the simulator's link (which sits on the
    /// module side) it is Read, so construct it with <c>writesAreTx: false</c> there.
    /// </summary>
    public sealed class TapLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly bool _writesAreTx;

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        public TapLink(ISerialLink inner, bool writesAreTx)
        {
            _inner = inner;
            _writesAreTx = writesAreTx;
        }

        /// <summary>Called with (tx, buffer, offset, count) for every chunk written or read; must not keep or change the buffer.</summary>
        public event Action<bool, byte[], int, int> Bytes;

        /// <summary>The wrapped link.</summary>
        public ISerialLink Inner => _inner;

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            Bytes?.Invoke(_writesAreTx, buffer, offset, count);
            _inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            int n = _inner.Read(buffer, offset, count, timeoutMs);
            if (n > 0)
            {
                Bytes?.Invoke(!_writesAreTx, buffer, offset, n);
            }

            return n;
        }
    }
}
