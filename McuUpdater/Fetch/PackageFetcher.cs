using System;
using System.IO;
using System.Threading;
using McuUpdater.Application;
using McuUpdater.Modem;
using McuUpdater.Session;
using McuUpdater.Storage;
using McuUpdater.Timing;

namespace McuUpdater.Fetch
{
    /// <summary>
    /// Fetches the package over HTTP/1.1 through the module's own TCP/IP (at-tcpip.md "HTTP over the
    /// socket"): streams the body into a part file, resumes it with Range across cuts and MCU resets,
    /// verifies the whole package, and only then makes it the package.
    /// </summary>
    /// <remarks>
    /// One bounded body buffer (<see cref="FetchOptions.BufferSize"/>) and one head buffer, allocated
    /// here; the part file is flushed after every write, so its length is what a reset leaves and
    /// where the next fetch resumes. The journal (optional) records the fetch and the package's full
    /// length, so a resume notices a server whose file changed. A part that is not whole and
    /// verified never replaces the package.
    /// </remarks>
    public sealed class PackageFetcher : ICancellation
    {
        // What one connection achieved.
        private const int StepComplete = 0;
        private const int StepCut = 1;
        private const int StepRestart = 2;
        private const int StepFatal = 3;

        private const int MaxRestartsFromZero = 3;

        private readonly IModuleNetwork _network;
        private readonly IWritableStorage _storage;
        private readonly UpdateJournal _journal;
        private readonly IClock _clock;
        private readonly FetchOptions _options;
        private readonly byte[] _buffer;
        private readonly byte[] _request = new byte[HttpRequest.MaxBytes];
        private readonly HttpHead _head = new HttpHead();
        private int _cancelled;

        private FetchResult _result;
        private long _have;
        private long _total;
        private bool _wholeInOneGo;
        private bool _needBringUp;

        /// <summary>Prepares a fetch (buffers allocated here); <paramref name="journal"/> may be null.</summary>
        public PackageFetcher(IModuleNetwork network, IWritableStorage storage, UpdateJournal journal, IClock clock, FetchOptions options)
        {
            if (network == null || storage == null || clock == null || options == null)
            {
                throw new ArgumentNullException(network == null ? "network" : storage == null ? "storage" : clock == null ? "clock" : "options");
            }

            _network = network;
            _storage = storage;
            _journal = journal;
            _clock = clock;
            _options = options;
            _buffer = new byte[options.BufferSize < 64 ? 64 : options.BufferSize];
        }

        /// <summary>Raised after every write to the part file (and once at the start with what was stored).</summary>
        public event FetchProgressHandler Progress;

        /// <summary>The options this fetch runs with.</summary>
        public FetchOptions Options
        {
            get { return _options; }
        }

        /// <summary>True once <see cref="Cancel"/> was called.</summary>
        public bool IsCancelled
        {
            get { return Interlocked.CompareExchange(ref _cancelled, 0, 0) != 0; }
        }

        /// <summary>Asks the fetch to stop after the current read; what is stored stays for the next fetch.</summary>
        public void Cancel()
        {
            Interlocked.Exchange(ref _cancelled, 1);
        }

        /// <summary>Fetches (or resumes) the package and returns how it ended; never throws for network, server or storage failures.</summary>
        public FetchResult Fetch()
        {
            _result = new FetchResult();
            _result.PackageLength = -1;
            long start = _clock.NowMs;
            try
            {
                Run();
            }
            catch (StorageException e)
            {
                End(FetchOutcome.StorageFailed, e.Message);
            }
            catch (Exception e)
            {
                // The serial link (a port gone) or the journal's state (an update pending) stopped it.
                End(FetchOutcome.NetworkFailed, "the fetch stopped: " + e.Message);
            }
            finally
            {
                _result.ElapsedMs = _clock.NowMs - start;
            }

            JournalEnd();
            return _result;
        }

        private void Run()
        {
            try
            {
                HttpRequest.Check(_options.Host, _options.Port, _options.Path);
            }
            catch (ArgumentException e)
            {
                End(FetchOutcome.BadRequest, e.Message);
                return;
            }

            _total = -1;
            if (_journal != null)
            {
                Journal(true);
                _total = _journal.ImageLength;
            }

            _have = PartLength();
            _result.ResumedFrom = _have;
            _wholeInOneGo = _have == 0;
            _needBringUp = true;
            RaiseProgress();
            int stalls = 0;
            while (true)
            {
                if (IsCancelled)
                {
                    End(FetchOutcome.Cancelled, "cancelled with " + _have.ToString() + " bytes stored");
                    return;
                }

                if (_total >= 0 && _have > _total)
                {
                    // Longer than the file: not the server's file any more.
                    RestartFromZero();
                }

                if (_total >= 0 && _have == _total)
                {
                    if (Finish())
                    {
                        return;
                    }

                    continue;
                }

                if (_result.Connections >= _options.MaxConnections)
                {
                    End(FetchOutcome.Interrupted, _options.MaxConnections.ToString() + " connections and the package is still not whole (" + _have.ToString() + " bytes stored)");
                    return;
                }

                long before = _have;
                int step = Connect() ? Exchange() : StepCut;
                _network.Socket.Close();
                if (step == StepFatal || Hopeless())
                {
                    return;
                }

                if (step == StepRestart && _result.RestartsFromZero > MaxRestartsFromZero)
                {
                    End(FetchOutcome.BadResponse, "the server's answers forced " + _result.RestartsFromZero.ToString() + " restarts from byte 0 (last: " + _head.StatusLine + ")");
                    return;
                }

                stalls = _have > before || step == StepRestart ? 0 : stalls + 1;
                if (stalls >= _options.MaxStalls && _result.Detail != null)
                {
                    // The last failure names the outcome; the part stays for the next fetch.
                    return;
                }
            }
        }

        // Failures that another connection cannot mend: no SIM, registration denied, or a cancel.
        private bool Hopeless()
        {
            SocketOutcome o = _result.Socket;
            return o == SocketOutcome.SimMissing || o == SocketOutcome.Denied || o == SocketOutcome.Cancelled;
        }

        // Bring-up and context when needed, then the connection; false (with the reason noted) when it failed.
        private bool Connect()
        {
            SocketOutcome o;
            if (_needBringUp)
            {
                o = _network.BringUp();
                if (o == SocketOutcome.Ok)
                {
                    o = _network.Activate();
                }

                if (o != SocketOutcome.Ok)
                {
                    NetworkFailure(o, _network.LastReason);
                    return false;
                }

                _needBringUp = false;
            }

            _result.Connections++;
            o = _network.Socket.Open(_options.Host, _options.Port);
            if (o != SocketOutcome.Ok)
            {
                NetworkFailure(o, _network.Socket.LastReason);
                return false;
            }

            return true;
        }

        // One request and its answer; the body goes to the part file as it comes.
        private int Exchange()
        {
            int length = HttpRequest.Write(_options.Host, _options.Port, _options.Path, _have, _request);
            SocketOutcome sent = _network.Socket.Send(_request, 0, length);
            if (sent != SocketOutcome.Ok)
            {
                NetworkFailure(sent, _network.Socket.LastReason);
                return StepCut;
            }

            _head.Reset();
            int extra = ReadHead(out int extraOffset);
            if (extra < 0)
            {
                return StepCut;
            }

            if (_head.Problem != null)
            {
                End(FetchOutcome.BadResponse, "http://" + _options.Host + _options.Path + ": " + _head.Problem);
                return StepFatal;
            }

            int step = Answer();
            if (step != StepCut)
            {
                return step;
            }

            long body = _head.ContentLength;
            long got = 0;
            long bodyStart = _clock.NowMs;
            Stream part = OpenPart();
            try
            {
                if (extra > 0)
                {
                    int n = extra < body ? extra : (int)body;
                    Append(part, _buffer, extraOffset, n);
                    got += n;
                }

                while (got < body)
                {
                    if (IsCancelled)
                    {
                        return StepCut;
                    }

                    long left = body - got;
                    int ask = left < _buffer.Length ? (int)left : _buffer.Length;
                    int n = _network.Socket.Read(_buffer, 0, ask, _options.IdleTimeoutMs);
                    if (n > 0)
                    {
                        Append(part, _buffer, 0, n);
                        got += n;
                        continue;
                    }

                    string cut = "the connection ended after " + got.ToString() + " of " + body.ToString() + " body bytes";
                    if (n == 0)
                    {
                        Note(FetchOutcome.Interrupted, SocketOutcome.ClosedByPeer, cut + " (closed by the server)");
                    }
                    else
                    {
                        NetworkFailure(_network.Socket.LastOutcome, cut + ": " + _network.Socket.LastReason);
                    }

                    return StepCut;
                }
            }
            finally
            {
                ClosePart(part);
                _result.BodyMs += _clock.NowMs - bodyStart;
            }

            return _have == _total ? StepComplete : StepCut;
        }

        // Reads until the head is complete; returns the count of body bytes that came with it (at extraOffset in the buffer), -1 when the connection ended first.
        private int ReadHead(out int extraOffset)
        {
            extraOffset = 0;
            while (true)
            {
                int n = _network.Socket.Read(_buffer, 0, _buffer.Length, _options.IdleTimeoutMs);
                if (n <= 0)
                {
                    if (n == 0)
                    {
                        Note(FetchOutcome.Interrupted, SocketOutcome.ClosedByPeer, "the server closed the connection before the end of its answer's head");
                    }
                    else
                    {
                        NetworkFailure(_network.Socket.LastOutcome, "no answer's head: " + _network.Socket.LastReason);
                    }

                    return -1;
                }

                int used = _head.Feed(_buffer, 0, n);
                if (_head.Complete || _head.Problem != null)
                {
                    extraOffset = used;
                    return n - used;
                }
            }
        }

        // The status rules of at-tcpip.md; StepCut here means "read the body".
        private int Answer()
        {
            int status = _head.Status;
            string url = "http://" + _options.Host + (_options.Port == 80 ? string.Empty : ":" + _options.Port.ToString()) + _options.Path;
            if (status == 416)
            {
                // Nothing left to send from here: the stored part is the whole file, or not the server's file.
                if (_have > 0 && (_head.RangeTotal < 0 || _head.RangeTotal == _have))
                {
                    SetTotal(_have);
                    return StepComplete;
                }

                if (_have > 0)
                {
                    RestartFromZero();
                    return StepRestart;
                }

                End(FetchOutcome.HttpRefused, url + " answered \"" + _head.StatusLine + "\" to a request from byte 0");
                return StepFatal;
            }

            if (status == 404)
            {
                End(FetchOutcome.NotFound, url + " answered \"" + _head.StatusLine + "\": no package there");
                return StepFatal;
            }

            if (status >= 500 && status <= 599)
            {
                End(FetchOutcome.ServerError, url + " answered \"" + _head.StatusLine + "\" (server error)");
                return StepFatal;
            }

            if (status != 200 && status != 206)
            {
                End(FetchOutcome.HttpRefused, url + " answered \"" + _head.StatusLine + "\"");
                return StepFatal;
            }

            if (_head.Chunked || _head.ContentLength < 0)
            {
                End(FetchOutcome.BadResponse, url + " answered without a Content-Length" + (_head.Chunked ? " (chunked transfer encoding, which is refused)" : string.Empty) + ": a cut could not be told from the end");
                return StepFatal;
            }

            long total;
            if (status == 200)
            {
                if (_have > 0)
                {
                    // The server ignored Range: the whole file comes again, so the part starts again.
                    RestartFromZero();
                }

                total = _head.ContentLength;
            }
            else
            {
                if (_head.RangeFirst != _have)
                {
                    RestartFromZero();
                    return StepRestart;
                }

                total = _head.RangeTotal >= 0 ? _head.RangeTotal : _have + _head.ContentLength;
            }

            if (_total >= 0 && total != _total && _have > 0)
            {
                // The file on the server changed under a resume: what is stored belongs to the old one.
                RestartFromZero();
                return StepRestart;
            }

            SetTotal(total);
            return StepCut;
        }

        // The part is whole: verify it, then make it the package. True when the fetch ended (either way).
        private bool Finish()
        {
            string problem = VerifyPart();
            if (problem == null)
            {
                Storage("cannot rename " + _options.PartPath + " to " + _options.PackagePath, 0);
                End(FetchOutcome.Fetched, _options.PackagePath + ": " + _total.ToString() + " bytes, version " + _result.Version + ", verified");
                return true;
            }

            if (!_wholeInOneGo)
            {
                // Stored bytes from before a reset may be what is wrong: one clean download decides.
                RestartFromZero();
                return false;
            }

            Storage("cannot delete " + _options.PartPath, 1);
            End(FetchOutcome.PackageRejected, problem + "; the package was refused and " + _options.PackagePath + " was left as it was");
            return true;
        }

        // Null when the part is a whole QuecFOTA package of the expected version; else why not.
        private string VerifyPart()
        {
            Stream stream = null;
            try
            {
                stream = _storage.OpenRead(_options.PartPath);
                if (!ImageFormat.IsQuecFota(stream))
                {
                    return _options.PartPath + ": not a QuecFOTA package (nothing to verify it by)";
                }

                QuecFotaPackage package = new QuecFotaPackage(stream, _options.PartPath);
                package.Verify(_options.ExpectedVersion);
                _result.Version = package.Version;
                return null;
            }
            catch (ImageException e)
            {
                return e.Message;
            }
            catch (Exception e)
            {
                throw new StorageException(_options.PartPath + ": cannot be read back: " + e.Message);
            }
            finally
            {
                if (stream != null)
                {
                    stream.Dispose();
                }
            }
        }

        private void RestartFromZero()
        {
            Storage("cannot delete " + _options.PartPath, 1);
            _have = 0;
            _wholeInOneGo = true;
            _result.RestartsFromZero++;
            RaiseProgress();
        }

        private void SetTotal(long total)
        {
            _result.PackageLength = total;
            if (total == _total)
            {
                return;
            }

            _total = total;
            if (_journal != null)
            {
                Journal(false);
            }
        }

        private void NetworkFailure(SocketOutcome o, string reason)
        {
            if (o == SocketOutcome.ModuleRestarted || o == SocketOutcome.PdpDropped || o == SocketOutcome.Timeout || o == SocketOutcome.Garbled)
            {
                // Start over from the bring-up: contexts and sockets may be gone.
                _needBringUp = true;
            }

            Note(o == SocketOutcome.Cancelled ? FetchOutcome.Cancelled : (o == SocketOutcome.ClosedByPeer || o == SocketOutcome.Garbled ? FetchOutcome.Interrupted : FetchOutcome.NetworkFailed), o, reason);
        }

        private void Note(FetchOutcome outcome, SocketOutcome socket, string detail)
        {
            _result.Outcome = outcome;
            _result.Socket = socket;
            _result.Detail = detail;
        }

        private void End(FetchOutcome outcome, string detail)
        {
            _result.Outcome = outcome;
            _result.Detail = detail;
        }

        private void RaiseProgress()
        {
            FetchProgressHandler handler = Progress;
            if (handler != null)
            {
                handler(this, _have, _total);
            }
        }

        private void Journal(bool starting)
        {
            try
            {
                if (starting)
                {
                    _journal.MarkFetching(_options.PackagePath, _options.ExpectedVersion);
                }
                else
                {
                    _journal.RecordFetchLength(_total);
                }
            }
            catch (InvalidOperationException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new StorageException("the update journal in " + _journal.Store.Name + " cannot be written: " + e.Message);
            }
        }

        // The journal learns how the fetch ended: a fetched or refused package ends it, anything else leaves it to resume.
        private void JournalEnd()
        {
            if (_journal == null || !_journal.IsFetching)
            {
                return;
            }

            try
            {
                int outcome = UpdateJournal.FetchOutcomeBase + (int)_result.Outcome;
                if (_result.Outcome == FetchOutcome.Fetched || _result.Outcome == FetchOutcome.PackageRejected)
                {
                    _journal.EndFetch(outcome);
                }
                else
                {
                    _journal.RecordFailure(outcome);
                }
            }
            catch (Exception)
            {
                // The fetch's own outcome says more; the next start reads the previous record.
            }
        }

        private long PartLength()
        {
            try
            {
                long n = _storage.LengthOf(_options.PartPath);
                return n < 0 ? 0 : n;
            }
            catch (Exception e)
            {
                throw new StorageException(_options.PartPath + ": cannot be read: " + e.Message);
            }
        }

        private Stream OpenPart()
        {
            try
            {
                return _storage.OpenAppend(_options.PartPath);
            }
            catch (Exception e)
            {
                throw new StorageException(_options.PartPath + ": cannot be opened for writing: " + e.Message);
            }
        }

        private void Append(Stream part, byte[] buffer, int offset, int count)
        {
            try
            {
                part.Write(buffer, offset, count);

                // Flushed every time: the part's length is what survives a reset, and where the next fetch resumes.
                part.Flush();
            }
            catch (Exception e)
            {
                throw new StorageException(_options.PartPath + ": cannot be written at byte " + _have.ToString() + ": " + e.Message);
            }

            _have += count;
            _result.BodyBytes += count;
            RaiseProgress();
        }

        private static void ClosePart(Stream part)
        {
            try
            {
                part.Dispose();
            }
            catch (Exception)
            {
                // Every write was flushed already.
            }
        }

        // 0: make the part the package; 1: delete the part.
        private void Storage(string what, int action)
        {
            try
            {
                if (action == 0)
                {
                    _storage.Replace(_options.PartPath, _options.PackagePath);
                }
                else
                {
                    _storage.Delete(_options.PartPath);
                }
            }
            catch (Exception e)
            {
                throw new StorageException(what + ": " + e.Message);
            }
        }

        // A storage failure, told apart from the link's exceptions.
        private sealed class StorageException : Exception
        {
            public StorageException(string message)
                : base(message)
            {
            }
        }
    }
}
