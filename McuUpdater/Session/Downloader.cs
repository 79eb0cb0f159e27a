using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>The download procedure of protocol.md after a sync: BEGIN → DATA blocks → END, then RUN; every response case, resend and restart rule.</summary>
    /// <remarks>
    /// Buffers are allocated once in the constructor; the block loop allocates nothing. While frame
    /// k is on the wire, frame k+1 is read from the image and CRC'd (after Write returns, before the
    /// wait for the response). The caller power-cycles and syncs again when a pass ends in
    /// <see cref="DownloadStep.Restart"/>.
    /// </remarks>
    public sealed class Downloader
    {
        private const int NoBuffer = -1;

        private readonly ISerialLink _link;
        private readonly IClock _clock;
        private readonly UpdateOptions _options;
        private readonly UpdateEvents _events;
        private readonly ICancellation _cancel;
        private readonly ResponseReader _reader;
        private readonly BlockFrames _frames;
        private readonly byte[] _command = new byte[Wire.FrameOverhead + 4];

        // What came back for the frame being sent and in this pass: a module that answers but
        // refuses every copy (a noisy line) is not a silent one, nor is a stream of bytes that
        // never makes a frame (wrong baud rate or port).
        private long _validFramesAtPass;
        private long _validFramesAtFrame;
        private long _junkAtFrame;
        private int _crcRefusals;

        /// <summary>Creates a downloader; allocates the two frame buffers for <see cref="UpdateOptions.MaxBlockSize"/>.</summary>
        public Downloader(ISerialLink link, IClock clock, UpdateOptions options, UpdateEvents events, ICancellation cancel)
        {
            _link = link;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _events = events == null ? new UpdateEvents(this) : events;
            _cancel = cancel;
            _reader = new ResponseReader(link, clock);
            _frames = new BlockFrames(_options.MaxBlockSize);
        }

        /// <summary>Why the last pass asked for a restart.</summary>
        public RestartReason RestartReason { get; private set; }

        /// <summary>A sentence on the last restart (which frame, what the module said).</summary>
        public string RestartDetail { get; private set; }

        /// <summary>MTU the module advertised in the last BEGIN_RSP.</summary>
        public int Mtu { get; private set; }

        /// <summary>Block payload of the last pass.</summary>
        public int BlockSize
        {
            get { return _frames.BlockSize; }
        }

        /// <summary>Blocks of the image at <see cref="BlockSize"/>.</summary>
        public int BlockCount
        {
            get { return _frames.BlockCount; }
        }

        /// <summary>Status of the last RUN_GSMSW_RSP (informational), or -1 when none came.</summary>
        public int RunStatus { get; private set; }

        /// <summary>DATA frames written, resends included, since construction.</summary>
        public long DataFramesSent { get; private set; }

        /// <summary>Frames sent again (any reason), since construction.</summary>
        public int Resends { get; private set; }

        /// <summary>Late answers to earlier copies of a frame, recognised and dropped instead of causing a resend.</summary>
        public int StaleReplies { get; private set; }

        /// <summary>Replies that did not count (other type, unknown status, bad CRC), since construction.</summary>
        public int RepliesNotAccepted
        {
            get { return _reader.NotAccepted; }
        }

        /// <summary>One pass: BEGIN (one send only when the sync got no 0x9A), the blocks, END.</summary>
        public DownloadStep Download(IImageSource image, bool got9A)
        {
            _events.RaisePhase(UpdatePhase.Beginning);
            _reader.Discard();
            _validFramesAtPass = _reader.Decoder.Frames;
            int len = FrameEncoder.EncodeBegin(_command, 0, _options.ApplicationVersion);

            // protocol.md Decision: after a sync without 0x9A, no answer to BEGIN means restart at once.
            Reply reply = Exchange(len, Command.DlBeginRsp, got9A ? Wire.MaxSendsPerFrame : 1);
            if (reply != Reply.Response)
            {
                return IsCancelled() ? DownloadStep.Cancelled : NoAnswer(got9A ? "no BEGIN_RSP after 3 sends" : "no BEGIN_RSP after a sync without 0x9A");
            }

            Response r = _reader.Response;
            if (r.Status != Status.Success)
            {
                return Restart(RestartReason.BeginRefused, "BEGIN_RSP status " + r.Status.ToString() + " (" + Status.Name(r.Status) + ")");
            }

            Mtu = r.Mtu;
            int blockSize = Wire.BlockSizeForMtu(Mtu, _frames.MaxBlockSize);
            if (blockSize == 0)
            {
                return Restart(RestartReason.BeginRefused, "MTU " + Mtu.ToString() + " cannot carry a block");
            }

            _frames.Start(image, blockSize);
            if (_events.Tracing)
            {
                _events.RaiseTrace("MTU " + Mtu.ToString() + ", block " + blockSize.ToString() + " bytes, " + _frames.BlockCount.ToString() + " blocks");
            }

            _events.RaisePhase(UpdatePhase.Downloading);
            _events.RaiseProgress(0, image.Length, 0, _frames.BlockCount);
            DownloadStep step = SendBlocks(image.Length);
            if (step != DownloadStep.Completed)
            {
                return step;
            }

            return End();
        }

        /// <summary>Sends RUN_GSMSW (up to 3 times); true when RUN_GSMSW_RSP came (its status is informational).</summary>
        public bool Run()
        {
            _events.RaisePhase(UpdatePhase.Running);
            RunStatus = -1;
            int len = FrameEncoder.EncodeEmpty(_command, 0, Command.RunGsmSw);
            if (Exchange(len, Command.RunGsmSwRsp, Wire.MaxSendsPerFrame) != Reply.Response)
            {
                return false;
            }

            RunStatus = _reader.Response.Status;
            return true;
        }

        // The block loop of protocol.md "Download procedure", step 2.
        private DownloadStep SendBlocks(long imageLength)
        {
            int blockCount = _frames.BlockCount;
            int seq = 0;
            int sent = -1;
            int sends = 0;
            int lastSeq = -1;
            int rewinds = 0;
            int unanswered = 0;
            int stale = 0;
            int current = NoBuffer;
            ResendReason why = ResendReason.Timeout;
            while (seq < blockCount)
            {
                if (IsCancelled())
                {
                    return DownloadStep.Cancelled;
                }

                if (seq == lastSeq)
                {
                    // Resends for status 1/4, "not accepted" and timeouts all count toward the same 3.
                    if (++sends > Wire.MaxSendsPerFrame)
                    {
                        return NoAnswer(BlockDetail(seq, "3 sends without an accepted response"));
                    }

                    Resends++;
                    _events.RaiseResend(why, seq, sends);
                    _reader.Discard();
                }
                else
                {
                    sends = 1;
                    lastSeq = seq;
                    StartFrame();

                    // Copies of the previous frame still unanswered will be answered late, pointing
                    // at this frame; they must not be taken for its answer.
                    stale += unanswered;
                    unanswered = 0;
                }

                current = _frames.Get(seq, current);
                int frameLength = _frames.Length(current);
                _link.Write(_frames.Frame(current), 0, frameLength);
                DataFramesSent++;
                unanswered++;

                // protocol.md's 3 s run from sending the frame, i.e. from its last byte leaving:
                // a 16 KB frame alone is 1.4 s on the wire at 115 200, and Write may return as soon
                // as the frame is in the UART's buffer.
                long frameArrivedMs = _clock.NowMs + WireTimeMs(frameLength);
                long deadline = frameArrivedMs + _options.ResponseTimeoutMs;
                if (seq > sent)
                {
                    sent = seq;
                    rewinds = 0;
                }

                // The next frame is read and CRC'd while this one is on the wire.
                _frames.Prefetch(seq + 1, current);

                Reply reply = WaitForBlockReply(seq, deadline, frameArrivedMs, ref stale);
                if (reply == Reply.Timeout)
                {
                    // Answers that late are not coming; whatever arrives now answers this frame.
                    stale = 0;
                }
                else
                {
                    if (unanswered > 0)
                    {
                        unanswered--;
                    }

                    if (reply == Reply.Response)
                    {
                        // The module answers in order: after a reply that was taken, no earlier
                        // copy can still be answered (lost or discarded answers must not linger).
                        stale = 0;
                    }
                }

                if (reply != Reply.Response)
                {
                    why = reply == Reply.Timeout ? ResendReason.Timeout : ResendReason.NotAccepted;
                    continue;
                }

                Response r = _reader.Response;
                long next = r.NextSequence;
                switch (r.Status)
                {
                    case Status.Success:
                        if (next == seq + 1)
                        {
                            seq++;
                            _events.RaiseProgress(_frames.BytesBefore(seq), imageLength, seq, blockCount);
                            continue;
                        }

                        why = ResendReason.AskedAgain;
                        break;

                    case Status.CrcError:
                        // protocol.md: ignore "next" here, some ROMs put 0 in it.
                        why = ResendReason.CrcError;
                        _crcRefusals++;
                        continue;

                    case Status.PackageError:
                        why = ResendReason.PackageError;
                        break;

                    case Status.FlashError:
                        return Restart(RestartReason.FlashError, BlockDetail(seq, "flash error (status 2)"));

                    default:
                        // Status 3 means nothing in reply to DATA: not accepted.
                        why = ResendReason.NotAccepted;
                        continue;
                }

                // Status 0 with another next, or status 4: follow next within 0..sent+1.
                if (next > sent + 1)
                {
                    return Restart(RestartReason.ProtocolError, BlockDetail(seq, "module asked for block " + next.ToString() + ", only " + (sent + 1).ToString() + " sent"));
                }

                if (next < seq && ++rewinds > Wire.MaxRewindsPerBlock)
                {
                    // Each step back is legal, but a module that never lets the download pass its
                    // furthest block would keep us here for ever.
                    return Restart(RestartReason.ProtocolError, BlockDetail(seq, "module keeps going back (to block " + next.ToString() + ")"));
                }

                if (next != seq)
                {
                    seq = (int)next;
                    _events.RaiseProgress(_frames.BytesBefore(seq), imageLength, seq, blockCount);
                }
            }

            return DownloadStep.Completed;
        }

        // Waits for DATA_RSP to block seq. While earlier copies are still unanswered, a reply is
        // the late answer to one of them — and dropped, the wait going on to the same deadline —
        // when it came before this frame can have reached the module (whatever it says), or when
        // it points at seq itself (status 0 or 4, next = seq: "already have that one, send seq").
        // With nothing outstanding every reply counts, however early: a USB serial port or an
        // unpaced simulator answers faster than the baud rate would allow.
        private Reply WaitForBlockReply(int seq, long deadline, long frameArrivedMs, ref int stale)
        {
            while (true)
            {
                Reply reply = _reader.Wait(Command.DlDataRsp, deadline);
                if (reply == Reply.Timeout || stale == 0)
                {
                    return reply;
                }

                if (_clock.NowMs >= frameArrivedMs)
                {
                    if (reply != Reply.Response)
                    {
                        return reply;
                    }

                    Response r = _reader.Response;
                    if ((r.Status != Status.Success && r.Status != Status.PackageError) || r.NextSequence != (uint)seq)
                    {
                        return reply;
                    }
                }

                stale--;
                StaleReplies++;
            }
        }

        // Time the frame takes on the wire: 10 bits a byte at the link's baud rate, rounded up.
        private long WireTimeMs(int length)
        {
            int baud = _options.BaudRate > 0 ? _options.BaudRate : Wire.BaudRate;
            return ((long)length * 10 * 1000 + baud - 1) / baud;
        }

        private DownloadStep End()
        {
            _events.RaisePhase(UpdatePhase.Ending);
            int len = FrameEncoder.EncodeEmpty(_command, 0, Command.DlEnd);
            Reply reply = Exchange(len, Command.DlEndRsp, Wire.MaxSendsPerFrame);
            if (reply != Reply.Response)
            {
                return IsCancelled() ? DownloadStep.Cancelled : NoAnswer("no END_RSP after 3 sends");
            }

            int status = _reader.Response.Status;
            if (status == Status.Success)
            {
                return DownloadStep.Completed;
            }

            if (status == Status.FlashError)
            {
                return Restart(RestartReason.FlashError, "END_RSP flash error (status 2)");
            }

            return Restart(RestartReason.ProtocolError, "END_RSP status " + status.ToString() + " (" + Status.Name(status) + ")");
        }

        // Sends the command in _command up to maxSends times until a response of the expected type comes.
        private Reply Exchange(int length, int expectedType, int maxSends)
        {
            Reply reply = Reply.Timeout;
            for (int send = 1; send <= maxSends; send++)
            {
                if (IsCancelled())
                {
                    return Reply.NotAccepted;
                }

                if (send == 1)
                {
                    StartFrame();
                }
                else
                {
                    Resends++;
                    _events.RaiseResend(reply == Reply.Timeout ? ResendReason.Timeout : ResendReason.NotAccepted, -1, send);
                    _reader.Discard();
                }

                _link.Write(_command, 0, length);
                reply = _reader.Wait(expectedType, _clock.NowMs + _options.ResponseTimeoutMs);
                if (reply == Reply.Response)
                {
                    return reply;
                }
            }

            return reply;
        }

        private void StartFrame()
        {
            _validFramesAtFrame = _reader.Decoder.Frames;
            _junkAtFrame = Junk();
            _crcRefusals = 0;
        }

        private long Junk()
        {
            FrameDecoder d = _reader.Decoder;
            return d.DiscardedBytes + d.BadCrcFrames + d.OversizeFrames;
        }

        // A frame ran out of sends: say whether the module was silent, answered through a noisy
        // line, or whether nothing it sent made a frame at all.
        private DownloadStep NoAnswer(string detail)
        {
            long junk = Junk() - _junkAtFrame;
            if (_crcRefusals > 0)
            {
                return Restart(RestartReason.LineNoise, detail + "; the module answered, refusing " + _crcRefusals.ToString() + " copies with a CRC error (a noisy line)");
            }

            if (junk > 0 && _reader.Decoder.Frames == _validFramesAtFrame)
            {
                if (_reader.Decoder.Frames > _validFramesAtPass)
                {
                    return Restart(RestartReason.LineNoise, detail + "; the module answered earlier, now only damaged answers came (a noisy line)");
                }

                return Restart(RestartReason.NoValidAnswer, detail + "; " + junk.ToString() + " bytes or damaged frames came back, no valid frame (wrong baud rate or wrong port?)");
            }

            return Restart(RestartReason.NoAcceptedResponse, detail);
        }

        private DownloadStep Restart(RestartReason reason, string detail)
        {
            RestartReason = reason;
            RestartDetail = detail;
            return DownloadStep.Restart;
        }

        private string BlockDetail(int seq, string what)
        {
            return "block " + seq.ToString() + " of " + _frames.BlockCount.ToString() + ": " + what;
        }

        private bool IsCancelled()
        {
            return _cancel != null && _cancel.IsCancelled;
        }
    }
}
