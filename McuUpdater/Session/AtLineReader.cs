using System.Text;
using McuUpdater.Link;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>Reads text lines from the module's UART once its firmware runs; drops non-printable bytes (leftovers of the download, boot noise).</summary>
    internal sealed class AtLineReader
    {
        private const int MaxLine = 128;

        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly byte[] _rx = new byte[64];
        private readonly byte[] _line = new byte[MaxLine];
        private int _rxPos;
        private int _rxCount;
        private int _lineLength;

        public AtLineReader(ISerialLink link, IClock clock)
        {
            _link = link;
            _clock = clock;
        }

        /// <summary>The next non-empty line, trimmed, or null when none completed before <paramref name="deadlineMs"/>.</summary>
        public string ReadLine(long deadlineMs)
        {
            while (true)
            {
                while (_rxPos < _rxCount)
                {
                    byte b = _rx[_rxPos++];
                    if (b == '\r' || b == '\n')
                    {
                        if (_lineLength > 0)
                        {
                            string line = Encoding.UTF8.GetString(_line, 0, _lineLength).Trim();
                            _lineLength = 0;
                            if (line.Length > 0)
                            {
                                return line;
                            }
                        }
                    }
                    else if (b >= 0x20 && b <= 0x7E && _lineLength < MaxLine)
                    {
                        _line[_lineLength++] = b;
                    }
                }

                long left = deadlineMs - _clock.NowMs;
                if (left <= 0)
                {
                    return null;
                }

                _rxPos = 0;
                _rxCount = _link.Read(_rx, 0, _rx.Length, (int)left);
            }
        }

        /// <summary>Forgets a partial line and what is buffered.</summary>
        public void Clear()
        {
            _rxPos = 0;
            _rxCount = 0;
            _lineLength = 0;
        }
    }
}
