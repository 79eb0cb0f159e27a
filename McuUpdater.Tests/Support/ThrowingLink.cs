using System;
using McuUpdater.Link;
using McuUpdater.Storage;

namespace McuUpdater.Tests.Support
{
    /// <summary>Passes bytes through until <c>limit</c> bytes went to the module, then throws a chosen exception from every write: a port unplugged, a bug below the session, or (with <see cref="StoreThatDies"/>) the MCU resetting.</summary>
    public sealed class ThrowingLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly int _limit;
        private readonly Exception _exception;
        private int _written;

        /// <summary>Throws <paramref name="exception"/> from the write that would pass <paramref name="limit"/> bytes.</summary>
        public ThrowingLink(ISerialLink inner, int limit, Exception exception)
        {
            _inner = inner;
            _limit = limit;
            _exception = exception;
        }

        /// <summary>A journal store that dies just before the throw, as an MCU reset leaves it: nothing after it is durable.</summary>
        public MemoryJournalStore StoreThatDies { get; set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > _limit)
            {
                if (StoreThatDies != null)
                {
                    StoreThatDies.Dead = true;
                }

                throw _exception;
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
