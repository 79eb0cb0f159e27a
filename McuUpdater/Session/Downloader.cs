using McuUpdater.Link;
using McuUpdater.Protocol;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Session
{
    /// <summary>The download procedure of protocol.md after a sync: BEGIN → DATA blocks → END, then RUN; every response case, resend and restart rule.</summary>
    /// <remarks>
    /// Buffers are allocated once in the constructor; the block loop allocates nothing. While frame
    /// k is on the wire, frame k+1 is read from the image and CRC'd: the frame goes out through the
    /// <see cref="Transmitter"/>, beside this thread when the link has a writer (where Write blocks,
    /// ESP32), else queued. Every frame is timed from the start of its write plus its wire time, so
    /// a reply is taken for its answer only when it could be one, whether Write blocked or queued.
    /// The caller power-cycles and syncs again when a pass ends in <see cref="DownloadStep.Restart"/>.
    /// </remarks>
    public sealed class Downloader
    {
        private const int NoBuffer = -1;

        private readonly Transmitter _tx;
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

        // The reply that decided the last wait (valid after Reply.Response).
        private int _status;
        private long _next;

        /// <summary>Creates a downloader; allocates the two frame buffers for <see cref="UpdateOptions.MaxBlockSize"/>.</summary>
        public Downloader(ISerialLink link, IClock clock, UpdateOptions options, UpdateEvents events, ICancellation cancel)
            : this(new Transmitter(link, clock, options == null ? Wire.BaudRate : options.BaudRate), clock, options, events, cancel)
        {
        }

        /// <summary>Creates a downloader writing through <paramref name="transmitter"/> (shared with the boot sync, so a restart knows what is still on the wire).</summary>
        public Downloader(Transmitter transmitter, IClock clock, UpdateOptions options, UpdateEvents events, ICancellation cancel)
        {
            _tx = transmitter;
            _clock = clock;
            _options = options == null ? new UpdateOptions() : options;
            _events = events == null ? new UpdateEvents(this) : events;
            _cancel = cancel;
            _reader = new ResponseReader(transmitter.Link, clock);
            _frames = new BlockFrames(_options.MaxBlockSize, clock as ICpuModel);
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

        /// <summary>Replies that could not be the answer to the frame on the wire (late, repeated, or answering noise), dropped instead of causing a resend.</summary>
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
                }

                // Get fills only the buffer not on the wire; the write waits for the one before it.
                current = _frames.Get(seq, current);
                _tx.WriteInBackground(_frames.Frame(current), 0, _frames.Length(current));
                DataFramesSent++;

                // protocol.md's 3 s run from sending the frame, i.e. from its last byte leaving: a
                // 16 KB frame alone is 1.4 s on the wire at 115 200.
                long answerableMs = _tx.EndMs;
                long deadline = answerableMs + _options.ResponseTimeoutMs;
                if (seq > sent)
                {
                    sent = seq;
                    rewinds = 0;
                }

                // The next frame is read and CRC'd while this one is on the wire.
                _frames.Prefetch(seq + 1, current);

                Reply reply = WaitForBlockReply(seq, answerableMs, deadline);
                if (reply != Reply.Response)
                {
                    why = reply == Reply.Timeout ? ResendReason.Timeout : ResendReason.NotAccepted;
                    continue;
                }

                long next = _next;
                switch (_status)
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

        // Waits for the reply that decides what to do with block seq, whose frame can have been
        // answered from answerableMs on. "Status 0, next = seq + 1" counts at once, whenever it comes:
        // it can only mean the module has the block (an unpaced link answers sooner than the baud
        // rate allows); a flash error ends the pass whatever it answered. Anything else may be a
        // late or repeated answer to an earlier frame, or the ROM answering line noise or the
        // remains of a damaged frame: it is held, a later reply replacing it, and acted on only once
        // the frame has left and the line has settled (Wire.SettleMs). So a stray reply costs at
        // most one send, and never makes the next genuine answer look like a stale one.
        private Reply WaitForBlockReply(int seq, long answerableMs, long deadline)
        {
            bool holding = false;
            Reply held = Reply.Timeout;
            long settledAt = answerableMs + Wire.SettleMs;
            while (true)
            {
                Reply reply = _reader.Wait(Command.DlDataRsp, holding && settledAt < deadline ? settledAt : deadline);
                if (reply == Reply.Timeout)
                {
                    return held;
                }

                if (holding)
                {
                    StaleReplies++;
                }

                held = reply;
                holding = true;
                if (reply == Reply.Response)
                {
                    Response r = _reader.Response;
                    _status = r.Status;
                    _next = r.NextSequence;
                    if ((r.Status == Status.Success && r.NextSequence == (uint)(seq + 1)) || r.Status == Status.FlashError)
                    {
                        return reply;
                    }
                }

                if (_clock.NowMs >= settledAt)
                {
                    return held;
                }
            }
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

                _tx.Write(_command, 0, length);
                long answerableMs = _tx.EndMs;
                reply = WaitForReply(expectedType, answerableMs, answerableMs + _options.ResponseTimeoutMs);
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

        // As WaitForBlockReply, for a command: a response of the expected type counts at once;
        // anything else (a late DATA_RSP, noise) counts only once the line has settled.
        private Reply WaitForReply(int expectedType, long answerableMs, long deadline)
        {
            bool holding = false;
            long settledAt = answerableMs + Wire.SettleMs;
            while (true)
            {
                Reply reply = _reader.Wait(expectedType, holding && settledAt < deadline ? settledAt : deadline);
                if (reply == Reply.Timeout)
                {
                    return holding ? Reply.NotAccepted : Reply.Timeout;
                }

                if (holding)
                {
                    StaleReplies++;
                }

                if (reply == Reply.Response)
                {
                    return reply;
                }

                holding = true;
                if (_clock.NowMs >= settledAt)
                {
                    return reply;
                }
            }
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
