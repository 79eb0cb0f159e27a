using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace McuUpdater.Cli.Tracing
{
    /// <summary>
    /// Writes a JSON Lines trace: one object per event, <c>{"t_us":N,"dir":"tx"|"rx","hex":"AA00.."}</c>
    /// for bytes as the updater side sees them (tx = towards the module) and
    /// <c>{"t_us":N,"power":"off"|"on"}</c> for power changes (a PWRKEY release adds
    /// <c>"pwrkey":"released"</c>). <c>t_us</c> counts microseconds since the trace started.
    /// Thread-safe: the relay writes both directions from two threads.
    /// </summary>
    public sealed class TraceWriter : IDisposable
    {
        /// <summary>How often written events reach the file: a run killed outright loses at most this much.</summary>
        public const int FlushIntervalMs = 200;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TextWriter _out;
        private readonly object _lock = new object();
        private readonly StringBuilder _line = new StringBuilder(256);
        private readonly System.Threading.Timer _flusher;
        private bool _dirty;
        private bool _disposed;

        /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
        public TraceWriter(string path)
        {
            try
            {
                _out = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false), 1 << 16);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(ExitCode.OutputNotWritable, "cannot write trace file " + path + ": " + ex.Message, ex);
            }

            _flusher = new System.Threading.Timer(_ => Flush(), null, FlushIntervalMs, FlushIntervalMs);
        }

        /// <summary>Writes what is buffered to the file.</summary>
        public void Flush()
        {
            lock (_lock)
            {
                if (_disposed || !_dirty)
                {
                    return;
                }

                try
                {
                    _out.Flush();
                    _dirty = false;
                }
                catch (IOException)
                {
                    // A full disk: Dispose reports it at the end of the run.
                }
            }
        }

        /// <summary>Writes to any text writer (tests).</summary>
        public TraceWriter(TextWriter writer)
        {
            _out = writer;
        }

        /// <summary>Microseconds since the trace started.</summary>
        public long NowUs => _clock.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

        /// <summary>Records bytes moving towards the module (<paramref name="tx"/>) or from it.</summary>
        public void Bytes(bool tx, byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _line.Clear();
                _line.Append("{\"t_us\":").Append(NowUs.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"dir\":\"").Append(tx ? "tx" : "rx").Append("\",\"hex\":\"")
                    .Append(Convert.ToHexString(buffer, offset, count)).Append("\"}");
                _out.WriteLine(_line.ToString());
                _dirty = true;
            }
        }

        /// <summary>Records a power change; <paramref name="released"/> marks IModulePower.Release (on, PWRKEY released).</summary>
        public void Power(bool on, bool released = false)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _out.WriteLine("{\"t_us\":" + NowUs.ToString(CultureInfo.InvariantCulture) + ",\"power\":\"" + (on ? "on" : "off") + "\""
                    + (released ? ",\"pwrkey\":\"released\"" : string.Empty) + "}");
                _dirty = true;
            }
        }

        /// <summary>Flushes and closes the file.</summary>
        public void Dispose()
        {
            _flusher?.Dispose();
            lock (_lock)
            {
                if (!_disposed)
                {
                    _disposed = true;
                    _out.Flush();
                    _out.Dispose();
                }
            }
        }
    }
}
