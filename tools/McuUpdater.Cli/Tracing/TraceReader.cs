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
        /// <summary>Reads every event of <paramref name="path"/>; throws <see cref="CliException"/> (TraceInvalid) with the line number on a malformed line.</summary>
        public static List<TraceEvent> Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new CliException(ExitCode.TraceInvalid, "trace file not found: " + path);
            }

            List<TraceEvent> events = new List<TraceEvent>();
            int lineNumber = 0;
            foreach (string line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    events.Add(Parse(line));
                }
                catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException || ex is KeyNotFoundException)
                {
                    throw new CliException(ExitCode.TraceInvalid, path + ":" + lineNumber + ": " + ex.Message, ex);
                }
            }

            return events;
        }

        /// <summary>Parses one line.</summary>
        public static TraceEvent Parse(string line)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            long t = root.GetProperty("t_us").GetInt64();
            if (root.TryGetProperty("power", out JsonElement power))
            {
                string p = power.GetString();
                if (p != "on" && p != "off")
                {
                    throw new FormatException("power must be \"on\" or \"off\", not \"" + p + "\"");
                }

                bool released = root.TryGetProperty("pwrkey", out JsonElement key) && key.GetString() == "released";
                return new TraceEvent { TimeUs = t, Power = p, Released = released };
            }

            string dir = root.GetProperty("dir").GetString();
            if (dir != "tx" && dir != "rx")
            {
                throw new FormatException("dir must be \"tx\" or \"rx\", not \"" + dir + "\"");
            }

            string hex = root.GetProperty("hex").GetString().Replace(" ", string.Empty, StringComparison.Ordinal);
            return new TraceEvent { TimeUs = t, Tx = dir == "tx", Data = Convert.FromHexString(hex) };
        }
    }
}
