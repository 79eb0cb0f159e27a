using System;
using System.Text;
using McuUpdater.Protocol;

namespace McuUpdater.Storage
{
    /// <summary>
    /// The persistent "update pending" record of protocol.md: set before the module is touched,
    /// cleared only when the new firmware has answered with its version, kept across resets.
    /// </summary>
    /// <remarks>
    /// Each change is a new record (a line of text with a sequence number and its own CRC-16)
    /// written to the slot that does not hold the current one; loading takes the valid record with
    /// the highest sequence. A write cut short by a reset therefore loses only that change, never
    /// the state before it. A record that cannot be read at all means "no record", which loads as
    /// not pending: the store is bad, and <see cref="CorruptSlots"/> says so.
    /// </remarks>
    public sealed class UpdateJournal : IUpdateJournal
    {
        /// <summary><see cref="LastOutcome"/> when no attempt has ended yet (cut off by a reset).</summary>
        public const int NoOutcome = -1;

        /// <summary><see cref="LastOutcome"/> of a record whose outcome field is not a number (written before outcomes were stored as values).</summary>
        public const int UnknownOutcome = -2;

        /// <summary>
        /// Fetch outcomes are stored as this plus the McuUpdater.Fetch.FetchOutcome value, so one
        /// outcome field tells an update's end from a fetch's.
        /// </summary>
        public const int FetchOutcomeBase = 100;

        // Fields: magic, sequence, state, attempts, length, version, outcome, CRC, name, (CRC-16 of the record).
        // State: "1" update pending (the module was touched), "F" a package is being fetched, "0" neither.
        private const string Magic = "MUJ2";
        private const string StateIdle = "0";
        private const string StatePending = "1";
        private const string StateFetching = "F";
        private const int MaxRecord = 512;
        private const char Separator = '|';

        private readonly IJournalStore _store;
        private readonly byte[] _buffer = new byte[MaxRecord];
        private long _sequence;
        private int _slot = 1;

        /// <summary>Loads the latest record from <paramref name="store"/>.</summary>
        public UpdateJournal(IJournalStore store)
        {
            _store = store;
            LastOutcome = NoOutcome;
            LastOutcomeText = string.Empty;
            ImageCrc = -1;
            Load();
        }

        /// <summary>The store, for messages.</summary>
        public IJournalStore Store
        {
            get { return _store; }
        }

        /// <inheritdoc />
        public string Location
        {
            get { return _store.Name; }
        }

        /// <summary>True while an update has been started and has not ended with the new firmware running.</summary>
        public bool IsPending { get; private set; }

        /// <summary>
        /// True while a package is being fetched into a part file (the module is untouched and runs
        /// its old firmware); <see cref="ImageName"/> is the package's path, <see cref="ImageLength"/>
        /// its full length in bytes (-1 until the server told it), <see cref="ImageVersion"/> the
        /// version it must declare. Never true together with <see cref="IsPending"/>.
        /// </summary>
        public bool IsFetching { get; private set; }

        /// <summary>The image of the pending (or last) update, as its source names it.</summary>
        public string ImageName { get; private set; }

        /// <summary>Firmware bytes of that image.</summary>
        public long ImageLength { get; private set; }

        /// <summary>Version the image declares, or null.</summary>
        public string ImageVersion { get; private set; }

        /// <summary>The image's CRC-16 (<see cref="IImageSource.Crc16"/>), or -1 when unknown.</summary>
        public int ImageCrc { get; private set; }

        /// <summary>Attempts at this image so far, across resets (a product can stop retrying after a few).</summary>
        public int Attempts { get; private set; }

        /// <summary>
        /// How the last attempt ended: the session's outcome value (McuUpdater.Session.UpdateOutcome),
        /// <see cref="NoOutcome"/> when none has ended yet (cut off by a reset), <see cref="UnknownOutcome"/>
        /// when the record holds no value there.
        /// </summary>
        public int LastOutcome { get; private set; }

        /// <summary>The record's outcome field as stored ("" when none has ended yet).</summary>
        public string LastOutcomeText { get; private set; }

        /// <summary>Slots that held bytes but no valid record when loaded (a torn write, a damaged card).</summary>
        public int CorruptSlots { get; private set; }

        /// <summary>Records an update of this image as started (attempts count on when it is the pending image already).</summary>
        public void MarkPending(string imageName, long imageLength, string imageVersion, int imageCrc)
        {
            bool same = IsPending && Names(imageName, imageLength, imageVersion, imageCrc);
            int attempts = same ? Attempts + 1 : 1;
            Save(StatePending, imageName, imageLength, Normal(imageVersion), imageCrc, attempts, string.Empty);
        }

        /// <summary>
        /// Records that a fetch of <paramref name="packagePath"/> starts (or starts again after a reset:
        /// then the known length is kept and the attempts count on). Refused while an update is
        /// pending: finishing that comes first.
        /// </summary>
        public void MarkFetching(string packagePath, string version)
        {
            if (IsPending)
            {
                throw new InvalidOperationException("an update with " + ImageName + " is pending: it is finished before anything is fetched");
            }

            bool same = IsFetching && ImageName == packagePath && ImageVersion == Normal(version);
            Save(StateFetching, packagePath, same ? ImageLength : -1, Normal(version), -1, same ? Attempts + 1 : 1, string.Empty);
        }

        /// <summary>Records the package's full length once the server told it (a resume checks the server still has the same file).</summary>
        public void RecordFetchLength(long packageLength)
        {
            Save(StateFetching, ImageName, packageLength, ImageVersion, -1, Attempts, LastOutcomeText);
        }

        /// <summary>Ends a fetch: <paramref name="outcome"/> (<see cref="FetchOutcomeBase"/> + the fetch's outcome) says how; the module was not touched.</summary>
        public void EndFetch(int outcome)
        {
            Save(StateIdle, ImageName, ImageLength, ImageVersion, ImageCrc, Attempts, outcome.ToString());
        }

        /// <summary>Records an update of an image whose CRC is not known as started.</summary>
        public void MarkPending(string imageName, long imageLength, string imageVersion)
        {
            MarkPending(imageName, imageLength, imageVersion, -1);
        }

        /// <summary>True when the journal's image is this one: same name, length, version and CRC (an empty version counts as none).</summary>
        public bool Names(string imageName, long imageLength, string imageVersion, int imageCrc)
        {
            return ImageName == imageName && ImageLength == imageLength && ImageVersion == Normal(imageVersion) && ImageCrc == imageCrc;
        }

        /// <summary>Records how an attempt ended without clearing the pending flag.</summary>
        public void RecordFailure(int outcome)
        {
            Save(IsPending ? StatePending : (IsFetching ? StateFetching : StateIdle), ImageName, ImageLength, ImageVersion, ImageCrc, Attempts, outcome.ToString());
        }

        /// <summary>Clears the pending flag: the new firmware is running.</summary>
        public void MarkDone(int outcome)
        {
            Save(StateIdle, ImageName, ImageLength, ImageVersion, ImageCrc, Attempts, outcome.ToString());
        }

        // A package with an empty version field and one with none are the same thing, and the
        // record stores both as "": compare them as null.
        private static string Normal(string version)
        {
            return version == null || version.Length == 0 ? null : version;
        }

        private void Save(string state, string name, long length, string version, int crc, int attempts, string outcome)
        {
            CheckField(name, "image name");
            CheckField(version, "image version");
            CheckField(outcome, "outcome");
            string body = Magic + Separator + (_sequence + 1).ToString() + Separator + state + Separator
                + attempts.ToString() + Separator + length.ToString() + Separator + (version == null ? string.Empty : version)
                + Separator + (outcome == null ? string.Empty : outcome) + Separator + crc.ToString() + Separator + (name == null ? string.Empty : name) + Separator;
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            if (bytes.Length + 5 > MaxRecord)
            {
                throw new ArgumentException("the journal record for " + name + " is longer than " + MaxRecord.ToString() + " bytes");
            }

            Array.Copy(bytes, _buffer, bytes.Length);
            ushort recordCrc = Crc16Xmodem.Compute(_buffer, 0, bytes.Length);
            int n = bytes.Length;
            n = WriteHex(recordCrc, n);
            _buffer[n++] = (byte)'\n';

            int slot = 1 - _slot;
            _store.Write(slot, _buffer, n);

            // Only now is the change durable; the object follows the store.
            _slot = slot;
            _sequence++;
            IsPending = state == StatePending;
            IsFetching = state == StateFetching;
            ImageName = name;
            ImageLength = length;
            ImageVersion = version;
            ImageCrc = crc;
            Attempts = attempts;
            LastOutcomeText = outcome == null ? string.Empty : outcome;
            LastOutcome = ParseOutcome(LastOutcomeText);
        }

        private void Load()
        {
            long best = -1;
            for (int slot = 0; slot < 2; slot++)
            {
                int n = _store.Read(slot, _buffer);
                if (n == 0)
                {
                    continue;
                }

                string[] f = Parse(n);
                if (f == null)
                {
                    CorruptSlots++;
                    continue;
                }

                long seq = long.Parse(f[1]);
                if (seq <= best)
                {
                    continue;
                }

                best = seq;
                _slot = slot;
                _sequence = seq;
                IsPending = f[2] == StatePending;
                IsFetching = f[2] == StateFetching;
                Attempts = int.Parse(f[3]);
                ImageLength = long.Parse(f[4]);
                ImageVersion = f[5].Length == 0 ? null : f[5];
                LastOutcomeText = f[6];
                LastOutcome = ParseOutcome(f[6]);
                ImageCrc = int.Parse(f[7]);
                ImageName = f[8];
            }
        }

        // The record's fields when magic, shape and CRC are right; null otherwise.
        private string[] Parse(int n)
        {
            // body + 4 hex digits of CRC + '\n'
            if (n < Magic.Length + 6 || _buffer[n - 1] != (byte)'\n')
            {
                return null;
            }

            int bodyLength = n - 5;
            int recordCrc = ReadHex(bodyLength);
            if (recordCrc < 0 || recordCrc != Crc16Xmodem.Compute(_buffer, 0, bodyLength))
            {
                return null;
            }

            string[] f = Encoding.UTF8.GetString(_buffer, 0, bodyLength).Split(Separator);
            if (f.Length != 10 || f[0] != Magic)
            {
                return null;
            }

            long seq;
            int attempts;
            long length;
            int imageCrc;
            if (!long.TryParse(f[1], out seq) || !int.TryParse(f[3], out attempts) || !long.TryParse(f[4], out length) || !int.TryParse(f[7], out imageCrc))
            {
                return null;
            }

            return f;
        }

        // An update's outcome is stored as its value. A record from before that named it in words,
        // and a word is no value: it reads as unknown (an install it confirmed is done once more).
        private static int ParseOutcome(string field)
        {
            if (field.Length == 0)
            {
                return NoOutcome;
            }

            int value;
            return int.TryParse(field, out value) && value >= 0 ? value : UnknownOutcome;
        }

        private static void CheckField(string value, string what)
        {
            if (value != null && (value.IndexOf(Separator) >= 0 || value.IndexOf('\n') >= 0))
            {
                throw new ArgumentException("the " + what + " \"" + value + "\" cannot be journaled: it contains '|' or a line break");
            }
        }

        private int WriteHex(ushort value, int at)
        {
            for (int shift = 12; shift >= 0; shift -= 4)
            {
                int digit = (value >> shift) & 0xF;
                _buffer[at++] = (byte)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            }

            return at;
        }

        private int ReadHex(int at)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int c = _buffer[at + i];
                int digit = c >= '0' && c <= '9' ? c - '0' : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }
    }
}
