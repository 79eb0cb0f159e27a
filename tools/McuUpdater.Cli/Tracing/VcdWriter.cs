using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>
    /// Writes a trace as Value Change Dumps for PulseView/sigrok and GTKWave. The waveform file holds
    /// only 1-bit wires with 0/1 values — <c>tx</c> and <c>rx</c> (UART 8N1 at the given baud, idle
    /// high: run PulseView's UART decoder on them) and the module's <c>power</c> — because sigrok's
    /// VCD input (libsigrok 0.5) reads nothing else. The byte on the wire (<c>tx_byte</c>,
    /// <c>rx_byte</c>, 8-bit vectors, x between bytes) goes to a second file for GTKWave.
    /// </summary>
    /// <remarks>
    /// The trace holds the time a chunk was written or read, not per-byte times, so bytes are
    /// placed back to back at line rate: a written chunk starts at its write time (or when the
    /// previous byte left), a read chunk ends at its read time (or later, when bytes overlap).
    /// The time unit is the largest of 1 µs, 100 ns, 10 ns, 1 ns that still gives 8 samples a bit,
    /// so sigrok's sample rate (one sample per unit) stays small enough for long traces.
    /// </remarks>
    public static class VcdWriter
    {
        private const char TxId = '!';
        private const char RxId = '"';
        private const char PowerId = '#';

        /// <summary>Writes the waveforms (tx, rx, power) to <paramref name="waves"/> and the byte values to <paramref name="bytes"/> (may be null).</summary>
        public static void Write(IReadOnlyList<TraceEvent> events, TextWriter waves, TextWriter bytes, int baud)
        {
            if (baud <= 0)
            {
                throw new CliException(ExitCode.Usage, "--baud must be positive");
            }

            double bitNs = 1e9 / baud;
            long unitNs = UnitNs(bitNs);
            string unit = unitNs == 1000 ? "1us" : unitNs + "ns";
            Header(waves, unit, baud, "tx = towards the module, rx = from the module; byte values are in the -bytes.vcd file");
            waves.WriteLine("$var wire 1 " + TxId + " tx $end");
            waves.WriteLine("$var wire 1 " + RxId + " rx $end");
            waves.WriteLine("$var wire 1 " + PowerId + " power $end");
            waves.WriteLine("$upscope $end");
            waves.WriteLine("$enddefinitions $end");
            waves.WriteLine("#0");
            waves.WriteLine("$dumpvars");
            waves.WriteLine("1" + TxId);
            waves.WriteLine("1" + RxId);
            waves.WriteLine(InitialPower(events) + PowerId.ToString());
            waves.WriteLine("$end");
            Merge(waves, unitNs, new[] { Uart(events, true, bitNs, false), Uart(events, false, bitNs, false), Power(events) });

            if (bytes != null)
            {
                Header(bytes, unit, baud, "tx_byte/rx_byte hold the byte on the wire (x between bytes); the waveforms are in the main file");
                bytes.WriteLine("$var wire 8 " + TxId + " tx_byte $end");
                bytes.WriteLine("$var wire 8 " + RxId + " rx_byte $end");
                bytes.WriteLine("$upscope $end");
                bytes.WriteLine("$enddefinitions $end");
                bytes.WriteLine("#0");
                bytes.WriteLine("$dumpvars");
                bytes.WriteLine("bxxxxxxxx " + TxId);
                bytes.WriteLine("bxxxxxxxx " + RxId);
                bytes.WriteLine("$end");
                Merge(bytes, unitNs, new[] { Uart(events, true, bitNs, true), Uart(events, false, bitNs, true) });
            }
        }

        /// <summary>The companion file of byte values: demo.vcd → demo-bytes.vcd.</summary>
        public static string BytesPath(string vcdPath)
        {
            string dir = Path.GetDirectoryName(vcdPath);
            string name = Path.GetFileNameWithoutExtension(vcdPath) + "-bytes" + Path.GetExtension(vcdPath);
            return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
        }

        private static long UnitNs(double bitNs)
        {
            foreach (long unit in new long[] { 1000, 100, 10 })
            {
                if (unit * 8 <= bitNs)
                {
                    return unit;
                }
            }

            return 1;
        }

        private static void Header(TextWriter output, string unit, int baud, string comment)
        {
            output.WriteLine("$date " + DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " $end");
            output.WriteLine("$version mcuupdater trace, UART 8N1 at " + baud + " baud $end");
            output.WriteLine("$comment " + comment + " $end");
            output.WriteLine("$timescale " + unit + " $end");
            output.WriteLine("$scope module mcuupdater $end");
        }

        // Before the first power change the module had the other state; with none, it reads off.
        private static char InitialPower(IReadOnlyList<TraceEvent> events)
        {
            foreach (TraceEvent e in events)
            {
                if (e.Data == null)
                {
                    return e.Power == "on" ? '0' : '1';
                }
            }

            return '0';
        }

        private static void Merge(TextWriter output, long unitNs, IEnumerable<Change>[] changes)
        {
            IEnumerator<Change>[] sources = new IEnumerator<Change>[changes.Length];
            bool[] live = new bool[sources.Length];
            for (int i = 0; i < sources.Length; i++)
            {
                sources[i] = changes[i].GetEnumerator();
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
                long t = (c.TimeNs + (unitNs / 2)) / unitNs;
                if (t > lastTime)
                {
                    output.WriteLine("#" + t.ToString(CultureInfo.InvariantCulture));
                    lastTime = t;
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

        private static IEnumerable<Change> Uart(IReadOnlyList<TraceEvent> events, bool tx, double bitNs, bool values)
        {
            char id = tx ? TxId : RxId;
            double byteNs = bitNs * 10;
            double free = 0;
            int level = 1;
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

                foreach (byte b in e.Data)
                {
                    if (values)
                    {
                        yield return new Change((long)start, "b" + Convert.ToString(b, 2).PadLeft(8, '0') + " " + id);
                    }
                    else
                    {
                        // Start bit, 8 data bits LSB first, stop bit: only real transitions.
                        for (int bit = 0; bit < 10; bit++)
                        {
                            int v = bit == 0 ? 0 : bit == 9 ? 1 : (b >> (bit - 1)) & 1;
                            if (v != level)
                            {
                                level = v;
                                yield return new Change((long)(start + (bit * bitNs)), v.ToString(CultureInfo.InvariantCulture) + id);
                            }
                        }
                    }

                    start += byteNs;
                    if (values)
                    {
                        yield return new Change((long)start, "bxxxxxxxx " + id);
                    }
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
