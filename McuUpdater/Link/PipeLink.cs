namespace McuUpdater.Link
{
    /// <summary>
    /// One end of an in-memory full-duplex serial line: writes go into the peer's receive pipe,
    /// reads come from this end's receive pipe. Two ends make a "null-modem cable" for tests and
    /// in-process wiring (relay, demo) with no hardware.
    /// </summary>
    public sealed class PipeLink : ISerialLink
    {
        private readonly BytePipe _receive;
        private readonly BytePipe _transmit;

        /// <summary>Creates an end that reads from <paramref name="receive"/> and writes to <paramref name="transmit"/>.</summary>
        public PipeLink(BytePipe receive, BytePipe transmit)
        {
            _receive = receive;
            _transmit = transmit;
        }

        /// <summary>Creates two connected ends, each direction buffering up to <paramref name="capacity"/> bytes.</summary>
        public static void CreatePair(int capacity, out PipeLink a, out PipeLink b)
        {
            BytePipe aToB = new BytePipe(capacity);
            BytePipe bToA = new BytePipe(capacity);
            a = new PipeLink(bToA, aToB);
            b = new PipeLink(aToB, bToA);
        }

        /// <summary>What this end receives (for tests: pending count, clearing).</summary>
        public BytePipe Receive
        {
            get { return _receive; }
        }

        /// <summary>What this end transmits (the peer's receive pipe).</summary>
        public BytePipe Transmit
        {
            get { return _transmit; }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _transmit.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return _receive.Read(buffer, offset, count, timeoutMs);
        }

        /// <summary>Closes both directions, releasing any thread blocked on either end.</summary>
        public void Close()
        {
            _receive.Close();
            _transmit.Close();
        }
    }
}
