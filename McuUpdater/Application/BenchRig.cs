using System;
using System.IO;
using System.Threading;
using McuUpdater.Session;
using McuUpdater.Storage;

namespace McuUpdater.Application
{
    /// <summary>A bench rig with no PC: flashes one image into several modules at once, one thread per slot, and logs every result.</summary>
    /// <remarks>
    /// The slots really run at the same time (one UART each), so each gets a thread; everything
    /// else stays on the caller's thread. Each slot opens its own stream of the image, so a slow
    /// card read in one slot never moves another's position. A slot whose image cannot be opened
    /// ends as <see cref="UpdateOutcome.ImageRejected"/> without touching its module; no slot's
    /// failure takes the others down.
    /// </remarks>
    public sealed class BenchRig
    {
        /// <summary>The results log's columns.</summary>
        public const string ResultsHeader = "round,utc,slot,outcome,seconds,resends,restarts,firmware,detail";

        private readonly BenchSlot[] _slots;
        private readonly IResultsLog _log;
        private readonly object _lock = new object();

        /// <summary>Creates the rig; <paramref name="log"/> may be null.</summary>
        public BenchRig(BenchSlot[] slots, IResultsLog log)
        {
            _slots = slots;
            _log = log;
        }

        /// <summary>The slots, in order.</summary>
        public BenchSlot[] Slots
        {
            get { return _slots; }
        }

        /// <summary>The number of the last round: it continues the log's own count, so it is unique in the file across runs.</summary>
        public int Rounds { get; private set; }

        /// <summary>Why a results line was not written in the last round (null when every line was): the bench must say so loudly.</summary>
        public string LogFailure { get; private set; }

        /// <summary>
        /// Flashes <paramref name="imagePath"/> into every slot at once; returns how many succeeded.
        /// Throws (IOException naming the log) before any module is touched when the log cannot be written.
        /// </summary>
        public int RunRound(IDeviceStorage storage, string imagePath)
        {
            int last = _log != null ? _log.Open() : 0;
            Rounds = (last > Rounds ? last : Rounds) + 1;
            LogFailure = null;
            Thread[] threads = new Thread[_slots.Length];
            for (int i = 0; i < _slots.Length; i++)
            {
                threads[i] = new Thread(new SlotRun(this, _slots[i], storage, imagePath).Run);
                threads[i].Start();
            }

            int ok = 0;
            for (int i = 0; i < threads.Length; i++)
            {
                threads[i].Join();
                if (_slots[i].LastResult != null && _slots[i].LastResult.Outcome == UpdateOutcome.Success)
                {
                    ok++;
                }
            }

            return ok;
        }

        private void Record(BenchSlot slot, UpdateResult r, long ms)
        {
            if (_log == null)
            {
                return;
            }

            string line = Rounds.ToString() + "," + UtcStamp(DateTime.UtcNow) + "," + Csv(slot.Name) + "," + OutcomeNames.Name(r.Outcome) + "," + (ms / 1000).ToString() + "." + ((ms % 1000) / 100).ToString()
                + "," + r.Resends.ToString() + "," + r.Restarts.ToString() + "," + Csv(r.FirmwareVersion) + "," + Csv(r.Detail);
            lock (_lock)
            {
                try
                {
                    _log.Append(line);
                }
                catch (Exception e)
                {
                    // The modules keep going (a failing card must not fail them), but the rig reports it.
                    LogFailure = e.Message;
                }
            }
        }

        /// <summary>ISO-8601 UTC to the second: 2026-11-30T16:58:07Z.</summary>
        public static string UtcStamp(DateTime utc)
        {
            return utc.Year.ToString() + "-" + Two(utc.Month) + "-" + Two(utc.Day) + "T" + Two(utc.Hour) + ":" + Two(utc.Minute) + ":" + Two(utc.Second) + "Z";
        }

        private static string Two(int value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        // Commas and line breaks would break the CSV: a detail keeps its words, not its punctuation.
        private static string Csv(string text)
        {
            if (text == null)
            {
                return string.Empty;
            }

            char[] c = text.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] == ',' || c[i] == '\r' || c[i] == '\n')
                {
                    c[i] = ';';
                }
            }

            return new string(c);
        }

        /// <summary>One slot's round, on its own thread.</summary>
        private sealed class SlotRun
        {
            private readonly BenchRig _rig;
            private readonly BenchSlot _slot;
            private readonly IDeviceStorage _storage;
            private readonly string _path;

            public SlotRun(BenchRig rig, BenchSlot slot, IDeviceStorage storage, string path)
            {
                _rig = rig;
                _slot = slot;
                _storage = storage;
                _path = path;
            }

            public void Run()
            {
                long start = _slot.Clock.NowMs;
                UpdateResult r;
                Stream stream = null;
                try
                {
                    stream = _storage.OpenRead(_path);
                    r = _slot.Session.Run(ImageFormat.Open(stream, _path));
                }
                catch (Exception e)
                {
                    // The session catches everything once it runs: this is the image not opening.
                    r = new UpdateResult();
                    r.Outcome = UpdateOutcome.ImageRejected;
                    r.Detail = _path + " cannot be opened: " + e.Message;
                }
                finally
                {
                    if (stream != null)
                    {
                        stream.Dispose();
                    }
                }

                _slot.LastResult = r;
                _rig.Record(_slot, r, _slot.Clock.NowMs - start);
            }
        }
    }
}
