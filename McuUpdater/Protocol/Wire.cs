namespace McuUpdater.Protocol
{
    /// <summary>Byte values, sizes and timing of the boot-ROM download protocol (shared/protocol.md).</summary>
    /// <remarks>Every "Decision" of protocol.md that is a number lives here, so a correction is one line.</remarks>
    public static class Wire
    {
        /// <summary>First byte of every frame.</summary>
        public const byte Head = 0xAA;

        /// <summary>Sent every <see cref="SyncIntervalMs"/> while the module powers on.</summary>
        public const byte SyncWord1 = 0xB5;

        /// <summary>The boot ROM's answer to <see cref="SyncWord1"/>.</summary>
        public const byte SyncWordRsp1 = 0x5B;

        /// <summary>Second stage of the sync, sent once after <see cref="SyncWordRsp1"/>.</summary>
        public const byte SyncWord2 = 0xA9;

        /// <summary>The boot ROM's answer to <see cref="SyncWord2"/>: command mode.</summary>
        public const byte SyncWordRsp2 = 0x9A;

        /// <summary>Head + type + length.</summary>
        public const int HeaderLength = 5;

        /// <summary>CRC16 trailer.</summary>
        public const int CrcLength = 2;

        /// <summary>Everything in a frame that is not data: head + type + length + CRC.</summary>
        public const int FrameOverhead = HeaderLength + CrcLength;

        /// <summary>Length of the sequence number that starts a DATA frame's data.</summary>
        public const int SequenceLength = 4;

        /// <summary>Everything in a DATA frame that is not image: head 1 + type 2 + length 2 + sequence 4 + CRC 2.</summary>
        public const int DataFrameOverhead = FrameOverhead + SequenceLength;

        /// <summary>Where the image block starts inside an encoded DATA frame.</summary>
        public const int DataBlockOffset = HeaderLength + SequenceLength;

        /// <summary>Decision: an odd last block is padded with one byte of erased flash.</summary>
        public const byte PadByte = 0xFF;

        /// <summary>Line rate of the download UART.</summary>
        public const int BaudRate = 115200;

        /// <summary>Period of the SYNC_WORD1 ticker while the module boots.</summary>
        public const int SyncIntervalMs = 20;

        /// <summary>Decision: how long to wait for 0x9A after 0xA9 before sending BEGIN anyway (single-stage ROMs).</summary>
        public const int SyncRsp2TimeoutMs = 100;

        /// <summary>No valid response within this time after a frame: send it again.</summary>
        public const int ResponseTimeoutMs = 3000;

        /// <summary>Sends of one frame without an accepted response before a power cycle and restart.</summary>
        public const int MaxSendsPerFrame = 3;

        /// <summary>
        /// Times the module may send the download back below the furthest block sent before we
        /// restart. Our decision, not protocol.md's (each step back is legal there): a module that
        /// never lets the download pass its furthest block must not hold the session for ever.
        /// </summary>
        public const int MaxRewindsPerBlock = 3;

        /// <summary>
        /// Our decision, not protocol.md's: a reply that does not plainly accept the frame on the wire
        /// (status 1/4, another "next", "not accepted") is acted on only once the frame has left and
        /// this long has passed. It may be a late or repeated answer to something earlier, or the
        /// ROM's answer to line noise or to the remains of a damaged frame; a resend sooner would
        /// land in a ROM still busy with those remains. Longer than a ROM's inter-byte timeout
        /// (50 ms in the simulator), short next to a frame's 3 s.
        /// </summary>
        public const int SettleMs = 100;

        /// <summary>Application version sent in CMD_DL_BEGIN unless configured (reserved field).</summary>
        public const uint DefaultApplicationVersion = 1;

        /// <summary>Largest data length of any response frame (DATA_RSP: status + next sequence).</summary>
        public const int MaxResponseDataLength = 6;

        /// <summary>
        /// Decision: block payload is the largest even number ≤ MTU − 11, further capped by the
        /// configured buffer; 0 when the MTU cannot carry a single 2-byte block.
        /// </summary>
        public static int BlockSizeForMtu(int mtu, int maxBlock)
        {
            int block = mtu - DataFrameOverhead;
            if (maxBlock > 0 && block > maxBlock)
            {
                block = maxBlock;
            }

            block &= ~1;
            return block < 2 ? 0 : block;
        }
    }
}
