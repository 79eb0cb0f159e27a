using System;
using McuUpdater.Link;

namespace McuUpdater.Tests.Support
{
    /// <summary>Passes bytes through, then throws a chosen exception from the Nth write (a port unplugged, or a bug below the session).</summary>
    public sealed class ThrowingLink : ISerialLink
    {
        private readonly ISerialLink _inner;
        private readonly int _throwAtWrite;
        private readonly Exception _exception;
        private int _writes;

        /// <summary>Throws <paramref name="exception"/> from write number <paramref name="throwAtWrite"/> (1-based).</summary>
        public ThrowingLink(ISerialLink inner, int throwAtWrite, Exception exception)
        {
            _inner = inner;
            _throwAtWrite = throwAtWrite;
            _exception = exception;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _writes++;
            if (_writes == _throwAtWrite)
            {
                throw _exception;
            }

            _inner.Write(buffer, offset, count);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _inner.Read(buffer, offset, count, timeoutMs);
        }
    }
}
