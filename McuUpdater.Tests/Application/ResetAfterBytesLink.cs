using System.IO;
using McuUpdater.Link;
using McuUpdater.Storage;

namespace McuUpdater.Tests.Application
{
    /// <summary>The MCU resets once <c>limit</c> bytes went to the module: the journal's store dies first (nothing after it is durable), then the port throws.</summary>
    public sealed class ResetAfterBytesLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly MemoryJournalStore _store;
        private readonly int _limit;
        private int _written;

        public ResetAfterBytesLink(ISerialLink inner, MemoryJournalStore store, int limit)
        {
            _inner = inner;
            _store = store;
            _limit = limit;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > _limit)
            {
                _store.Dead = true;
                throw new IOException("MCU reset");
            }

            _written += count;
            _inner.Write(buffer, offset, count);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _inner.Read(buffer, offset, count, timeoutMs);
        }
    }
}
