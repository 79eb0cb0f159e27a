using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>Reads the module's reply to one frame from the link and sorts it (response, not accepted, timeout); allocates nothing.</summary>
    /// <remarks>
    /// Bytes left over after a response stay buffered for the next wait; <see cref="Discard"/> drops
    /// them (and whatever has already arrived) before a frame is sent again, so a late answer to an
    /// earlier send is not taken for the answer to the resend.
    /// </remarks>
    internal sealed class ResponseReader
    {
        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly FrameDecoder _decoder = new FrameDecoder(Wire.MaxResponseDataLength);
        private readonly Response _response = new Response();
        private readonly byte[] _rx = new byte[64];
        private int _rxPos;
        private int _rxCount;

        public ResponseReader(ISerialLink link, IClock clock)
        {
            _link = link;
            _clock = clock;
        }

        /// <summary>The last response (valid after <see cref="Reply.Response"/>; after NotAccepted it says why).</summary>
        public Response Response
        {
            get { return _response; }
        }

        /// <summary>The decoder, for its counters (discarded bytes, bad CRCs).</summary>
        public FrameDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>Replies that did not count, since construction.</summary>
        public int NotAccepted { get; private set; }

        /// <summary>Waits until <paramref name="deadlineMs"/> (clock time) for a reply of <paramref name="expectedType"/>.</summary>
        public Reply Wait(int expectedType, long deadlineMs)
        {
            // A header whose length no response can have is line noise with a 0xAA in it, not a
            // reply; a frame of plausible length whose CRC fails is a reply that did not count.
            long badFramesBefore = _decoder.BadCrcFrames;
            while (true)
            {
                while (_rxPos < _rxCount || _decoder.HasFrame)
                {
                    _rxPos += _decoder.Feed(_rx, _rxPos, _rxCount - _rxPos);
                    if (_decoder.HasFrame)
                    {
                        if (_response.Parse(_decoder) && _response.Type == expectedType)
                        {
                            return Reply.Response;
                        }

                        NotAccepted++;
                        return Reply.NotAccepted;
                    }
                }

                // A frame that failed its CRC is a reply that did not count, unless another frame is
                // already coming in behind it (the failed one may have been noise with a 0xAA in it).
                if (_decoder.BadCrcFrames != badFramesBefore && !_decoder.InFrame)
                {
                    NotAccepted++;
                    return Reply.NotAccepted;
                }

                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    return Reply.Timeout;
                }

                _rxPos = 0;
                _rxCount = _link.Read(_rx, 0, _rx.Length, left > int.MaxValue ? int.MaxValue : (int)left);
            }
        }

        /// <summary>Drops buffered bytes, any partial frame, and whatever the link already holds.</summary>
        public void Discard()
        {
            _rxPos = 0;
            _rxCount = 0;
            _decoder.Reset();
            // Bounded, so a line that never stops chattering cannot hold the session here.
            for (int i = 0; i < 64 && _link.Read(_rx, 0, _rx.Length, 0) > 0; i++)
            {
            }
        }
    }
}
