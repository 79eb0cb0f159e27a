using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using McuUpdater.Cli.Output;
using McuUpdater.Protocol;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>
    /// Turns a byte trace back into protocol events: frames (decoded with the core's
    /// <see cref="FrameDecoder"/>, one per direction), runs of bytes outside frames (sync ticks, boot
    /// noise) and power changes, in time order. Used by the `trace` verb and by `--verbose`.
    /// </summary>
    public sealed class TraceDecoder
    {
        private readonly Direction _tx = new Direction("tx");
        private readonly Direction _rx = new Direction("rx");
        private readonly Action<long, string> _line;
        private readonly byte[] _one = new byte[1];
        private Direction _pendingOwner;

        /// <summary>Creates a decoder that reports each line as (t_us, text).</summary>
        public TraceDecoder(Action<long, string> line)
        {
            _line = line;
        }

        /// <summary>Frames decoded per direction.</summary>
        public long FramesTx => _tx.Decoder.Frames;

        /// <summary>Frames decoded from the module.</summary>
        public long FramesRx => _rx.Decoder.Frames;

        /// <summary>Per type: how many frames of it were seen (both directions).</summary>
        public SortedDictionary<string, int> FrameCounts { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Power events seen.</summary>
        public int PowerEvents { get; private set; }

        /// <summary>A summary of the decoders' counters.</summary>
        public string Counters()
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "tx: {0} frames, {1} bytes, {2} outside frames, {3} bad CRC; rx: {4} frames, {5} bytes, {6} outside frames, {7} bad CRC",
                _tx.Decoder.Frames, _tx.Bytes, _tx.Decoder.DiscardedBytes, _tx.Decoder.BadCrcFrames,
                _rx.Decoder.Frames, _rx.Bytes, _rx.Decoder.DiscardedBytes, _rx.Decoder.BadCrcFrames);
        }

        /// <summary>Bytes seen towards the module.</summary>
        public long BytesTx => _tx.Bytes;

        /// <summary>Bytes seen from the module.</summary>
        public long BytesRx => _rx.Bytes;

        /// <summary>Processes one trace event.</summary>
        public void Add(TraceEvent e)
        {
            if (e.Data == null)
            {
                Flush();
                PowerEvents++;
                _line(e.TimeUs, "power " + e.Power + (e.Released ? " (PWRKEY released)" : string.Empty));
                return;
            }

            Bytes(e.TimeUs, e.Tx, e.Data, 0, e.Data.Length);
        }

        /// <summary>Processes bytes seen live (the verbose log).</summary>
        public void Bytes(long timeUs, bool tx, byte[] data, int offset, int count)
        {
            Direction d = tx ? _tx : _rx;
            d.Bytes += count;
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                bool outside = !d.Decoder.InFrame && b != Wire.Head;
                if (outside)
                {
                    // A sync byte gets a line of its own (repeats of it are counted), so a 0x5B right
                    // behind boot noise still reads as the sync answer.
                    if (_pendingOwner == d && d.Run.Count > 0 && SyncKind(d.Run[d.Run.Count - 1]) != SyncKind(b))
                    {
                        Flush();
                    }

                    if (_pendingOwner != d)
                    {
                        Flush();
                        _pendingOwner = d;
                        d.RunStartUs = timeUs;
                    }

                    d.Run.Add(b);
                }
                else if (_pendingOwner != null)
                {
                    Flush();
                }

                _one[0] = b;
                int used = 0;
                do
                {
                    used += d.Decoder.Feed(_one, used, 1 - used);
                    if (d.Decoder.HasFrame)
                    {
                        Flush();
                        string text = FrameText.Describe(d.Decoder);
                        string name = Command.Name(d.Decoder.Type);
                        FrameCounts[name] = FrameCounts.TryGetValue(name, out int c) ? c + 1 : 1;
                        _line(timeUs, d.Name + "  " + text);
                    }
                }
                while (used < 1 || d.Decoder.HasFrame);
            }
        }

        /// <summary>Reports a pending run of bytes outside frames.</summary>
        public void Flush()
        {
            Direction d = _pendingOwner;
            if (d == null || d.Run.Count == 0)
            {
                _pendingOwner = null;
                return;
            }

            byte[] run = d.Run.ToArray();
            string what;
            if (AllSame(run))
            {
                string sync = FrameText.SyncName(run[0]);
                what = run[0].ToString("X2") + (sync != null ? " " + sync : string.Empty) + (run.Length > 1 ? " ×" + run.Length : string.Empty);
            }
            else if (IsText(run))
            {
                what = "text \"" + Escape(run) + "\"";
            }
            else
            {
                what = run.Length + " bytes outside frames: " + FrameText.Hex(run, 0, run.Length, 16);
            }

            _line(d.RunStartUs, d.Name + "  " + what);
            d.Run.Clear();
            _pendingOwner = null;
        }

        /// <summary>Decodes a whole trace file, writing one line per event to <paramref name="output"/>.</summary>
        public static TraceDecoder Print(IEnumerable<TraceEvent> events, TextWriter output)
        {
            TraceDecoder decoder = new TraceDecoder((t, text) =>
                output.WriteLine((t / 1e6).ToString("0.000000", CultureInfo.InvariantCulture).PadLeft(11) + "  " + text));
            foreach (TraceEvent e in events)
            {
                decoder.Add(e);
            }

            decoder.Flush();
            return decoder;
        }

        // The byte itself for the sync words, -1 for every other byte.
        private static int SyncKind(byte b)
        {
            return FrameText.SyncName(b) != null ? b : -1;
        }

        private static bool IsText(byte[] run)
        {
            foreach (byte b in run)
            {
                if ((b < 0x20 || b > 0x7E) && b != 0x0D && b != 0x0A)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Escape(byte[] run)
        {
            System.Text.StringBuilder text = new System.Text.StringBuilder();
            foreach (byte b in run)
            {
                text.Append(b == 0x0D ? "\\r" : b == 0x0A ? "\\n" : ((char)b).ToString());
            }

            return text.ToString();
        }

        private static bool AllSame(byte[] run)
        {
            for (int i = 1; i < run.Length; i++)
            {
                if (run[i] != run[0])
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Direction
        {
            public Direction(string name)
            {
                Name = name;
            }

            public string Name { get; }

            // Large enough for any MTU the protocol allows (quirk ROM: 16384 + 256).
            public FrameDecoder Decoder { get; } = new FrameDecoder(16384 + 256);

            public List<byte> Run { get; } = new List<byte>();

            public long RunStartUs { get; set; }

            public long Bytes { get; set; }
        }
    }
}
