using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>
    /// Writes a trace as a Value Change Dump for PulseView or GTKWave: UART-level bit waveforms of
    /// both directions (1-bit wires <c>tx</c> and <c>rx</c>, idle high, 8N1 at the given baud — run
    /// PulseView's UART decoder on them), the byte being sent on each (8-bit wires
    /// <c>tx_byte</c>/<c>rx_byte</c>, x between bytes) and the module power (<c>power</c>).
    /// Timescale 1 ns.
    /// </summary>
    /// <remarks>
    /// The trace holds the time a chunk was written or read, not per-byte times, so bytes are
    /// placed back to back at line rate: a written chunk starts at its write time (or when the
    /// previous byte left), a read chunk ends at its read time (or later, when bytes overlap).
    /// </remarks>
    public static class VcdWriter
    {
        private const char TxId = '!';
        private const char RxId = '"';
        private const char PowerId = '#';
        private const char TxByteId = '$';
        private const char RxByteId = '%';

        /// <summary>Writes <paramref name="events"/> to <paramref name="output"/>.</summary>
        public static void Write(IReadOnlyList<TraceEvent> events, TextWriter output, int baud)
        {
            if (baud <= 0)
            {
                throw new CliException(ExitCode.Usage, "--baud must be positive");
            }

            double bitNs = 1e9 / baud;
            output.WriteLine("$date " + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " $end");
            output.WriteLine("$version mcuupdater trace, UART 8N1 at " + baud + " baud $end");
            output.WriteLine("$comment tx = towards the module, rx = from the module; tx_byte/rx_byte hold the byte on the wire $end");
            output.WriteLine("$timescale 1ns $end");
            output.WriteLine("$scope module mcuupdater $end");
            output.WriteLine("$var wire 1 " + TxId + " tx $end");
            output.WriteLine("$var wire 1 " + RxId + " rx $end");
            output.WriteLine("$var wire 1 " + PowerId + " power $end");
            output.WriteLine("$var wire 8 " + TxByteId + " tx_byte $end");
            output.WriteLine("$var wire 8 " + RxByteId + " rx_byte $end");
            output.WriteLine("$upscope $end");
            output.WriteLine("$enddefinitions $end");
            output.WriteLine("#0");
            output.WriteLine("$dumpvars");
            output.WriteLine("1" + TxId);
            output.WriteLine("1" + RxId);
            output.WriteLine("x" + PowerId);
            output.WriteLine("bxxxxxxxx " + TxByteId);
            output.WriteLine("bxxxxxxxx " + RxByteId);
            output.WriteLine("$end");

            IEnumerator<Change>[] sources =
            {
                Uart(events, true, bitNs).GetEnumerator(),
                Uart(events, false, bitNs).GetEnumerator(),
                Power(events).GetEnumerator(),
            };
            bool[] live = new bool[sources.Length];
            for (int i = 0; i < sources.Length; i++)
            {
                live[i] = sources[i].MoveNext();
            }

            long lastTime = 0;
            while (true)
            {
                int best = -1;
                for (int i = 0; i < sources.Length; i++)
                {
                    if (live[i] && (best < 0 || sources[i].Current.TimeNs < sources[best].Current.TimeNs))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                Change c = sources[best].Current;

                // A VCD's times only go forward (the reader already placed events that go back).
                if (c.TimeNs > lastTime)
                {
                    output.WriteLine("#" + c.TimeNs.ToString(CultureInfo.InvariantCulture));
                    lastTime = c.TimeNs;
                }

                output.WriteLine(c.Text);
                live[best] = sources[best].MoveNext();
            }
        }

        private static IEnumerable<Change> Power(IReadOnlyList<TraceEvent> events)
        {
            string last = null;
            foreach (TraceEvent e in events)
            {
                if (e.Data == null && e.Power != last)
                {
                    last = e.Power;
                    yield return new Change(e.TimeUs * 1000, (e.Power == "on" ? "1" : "0") + PowerId);
                }
            }
        }

        private static IEnumerable<Change> Uart(IReadOnlyList<TraceEvent> events, bool tx, double bitNs)
        {
            char wire = tx ? TxId : RxId;
            char value = tx ? TxByteId : RxByteId;
            double byteNs = bitNs * 10;
            double free = 0;
            foreach (TraceEvent e in events)
            {
                if (e.Data == null || e.Tx != tx || e.Data.Length == 0)
                {
                    continue;
                }

                double t = e.TimeUs * 1000.0;
                double start = tx ? t : t - (e.Data.Length * byteNs);
                if (start < 0)
                {
                    start = 0;
                }

                if (start < free)
                {
                    start = free;
                }

                int level = 1;
                foreach (byte b in e.Data)
                {
                    yield return new Change((long)start, "b" + Convert.ToString(b, 2).PadLeft(8, '0') + " " + value);

                    // Start bit, 8 data bits LSB first, stop bit: emit only real transitions.
                    for (int bit = 0; bit < 10; bit++)
                    {
                        int v = bit == 0 ? 0 : bit == 9 ? 1 : (b >> (bit - 1)) & 1;
                        if (v != level)
                        {
                            level = v;
                            yield return new Change((long)(start + (bit * bitNs)), v.ToString(CultureInfo.InvariantCulture) + wire);
                        }
                    }

                    start += byteNs;
                    yield return new Change((long)start, "bxxxxxxxx " + value);
                }

                free = start;
            }
        }

        private readonly struct Change
        {
            public Change(long timeNs, string text)
            {
                TimeNs = timeNs;
                Text = text;
            }

            public long TimeNs { get; }

            public string Text { get; }
        }
    }
}
