using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>One event of a trace file: bytes in one direction, or a power change.</summary>
    public sealed class TraceEvent
    {
        /// <summary>Microseconds since the trace started.</summary>
        public long TimeUs { get; init; }

        /// <summary>True for bytes towards the module, false from it; meaningless for power events.</summary>
        public bool Tx { get; init; }

        /// <summary>The bytes, or null for a power event.</summary>
        public byte[] Data { get; init; }

        /// <summary>"off" or "on" for a power event, else null.</summary>
        public string Power { get; init; }

        /// <summary>True when the power event is a PWRKEY release.</summary>
        public bool Released { get; init; }
    }

    /// <summary>Reads the JSON Lines trace format written by <see cref="TraceWriter"/>.</summary>
    public static class TraceReader
    {
        /// <summary>
        /// Reads every event of <paramref name="path"/>; throws <see cref="CliException"/> (TraceInvalid)
        /// with the line number on a malformed line. An event whose time goes back is placed at the
        /// time before it, and <paramref name="warnings"/> is told how many and where.
        /// </summary>
        public static List<TraceEvent> Read(string path, TextWriter warnings = null)
        {
            if (!File.Exists(path))
            {
                throw new CliException(ExitCode.TraceInvalid, "trace file not found: " + path);
            }

            List<TraceEvent> events = new List<TraceEvent>();
            string[] lines = File.ReadAllLines(path);

            // A run killed while writing leaves its last line cut (no line break after it).
            bool cutAtEnd = new FileInfo(path).Length > 0 && !EndsWithNewline(path);
            int lineNumber = 0;
            int backwards = 0;
            int firstBackwards = 0;
            foreach (string line in lines)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    TraceEvent e = Parse(line);
                    if (events.Count > 0 && e.TimeUs < events[events.Count - 1].TimeUs)
                    {
                        if (backwards++ == 0)
                        {
                            firstBackwards = lineNumber;
                        }

                        e = new TraceEvent { TimeUs = events[events.Count - 1].TimeUs, Tx = e.Tx, Data = e.Data, Power = e.Power, Released = e.Released };
                    }

                    events.Add(e);
                }
                catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException || ex is KeyNotFoundException || ex is ArgumentException)
                {
                    if (cutAtEnd && lineNumber == lines.Length)
                    {
                        warnings?.WriteLine("warning: " + path + ":" + lineNumber + ": the last line is cut (the run was stopped while writing it); decoded up to it");
                        break;
                    }

                    throw new CliException(ExitCode.TraceInvalid, path + ":" + lineNumber + ": " + ex.Message, ex);
                }
            }

            if (backwards > 0)
            {
                warnings?.WriteLine("warning: " + path + ":" + firstBackwards + ": time goes back; " + backwards + " event(s) placed at the time before them");
            }

            return events;
        }

        private static bool EndsWithNewline(string path)
        {
            using FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            file.Seek(-1, SeekOrigin.End);
            return file.ReadByte() == '\n';
        }

        /// <summary>Largest time a trace may hold: in nanoseconds (the VCD's unit) it still fits a long with room to add.</summary>
        public const long MaxTimeUs = 9_000_000_000_000;

        private static string Text(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("\"" + name + "\" must be a string");
            }

            return value.GetString();
        }

        /// <summary>Parses one line.</summary>
        public static TraceEvent Parse(string line)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a trace line is a JSON object");
            }

            if (!root.TryGetProperty("t_us", out JsonElement time) || time.ValueKind != JsonValueKind.Number || !time.TryGetInt64(out long t))
            {
                throw new FormatException("\"t_us\" must be a whole number of microseconds");
            }

            if (t < 0 || t > MaxTimeUs)
            {
                throw new FormatException("\"t_us\" " + t + " is outside 0.." + MaxTimeUs + " (about 104 days)");
            }

            if (root.TryGetProperty("power", out JsonElement power))
            {
                string p = power.ValueKind == JsonValueKind.String ? power.GetString() : null;
                if (p != "on" && p != "off")
                {
                    throw new FormatException("power must be \"on\" or \"off\", not \"" + p + "\"");
                }

                bool released = root.TryGetProperty("pwrkey", out JsonElement key) && key.GetString() == "released";
                return new TraceEvent { TimeUs = t, Power = p, Released = released };
            }

            string dir = Text(root, "dir");
            if (dir != "tx" && dir != "rx")
            {
                throw new FormatException("dir must be \"tx\" or \"rx\", not \"" + dir + "\"");
            }

            string hex = Text(root, "hex").Replace(" ", string.Empty, StringComparison.Ordinal);
            return new TraceEvent { TimeUs = t, Tx = dir == "tx", Data = Convert.FromHexString(hex) };
        }
    }
}
