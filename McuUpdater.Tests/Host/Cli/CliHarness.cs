using System;
using System.IO;
using System.Threading;
using McuUpdater.Cli;
using McuUpdater.Relay;
using McuUpdater.Simulator.Host;
using McuUpdater.Timing;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>Runs `mcuupdater` verbs in-process with captured output.</summary>
    internal static class CliHarness
    {
        public static CliRun Run(params string[] args)
        {
            return Run(CancellationToken.None, args);
        }

        public static CliRun Run(CancellationToken cancel, params string[] args)
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();
            int code = CliApp.Run(args, CliContext.ForText(SyncWriter(output), SyncWriter(error), cancel));
            return new CliRun(code, output.ToString(), error.ToString());
        }

        /// <summary>Runs a long-lived verb (simulate, relay) on a thread until the returned handle is disposed.</summary>
        public static Background Start(Func<CliContext, int> verb, TextReader input = null)
        {
            return new Background(verb, input);
        }

        public static TextWriter SyncWriter(StringWriter w) => TextWriter.Synchronized(w);

        /// <summary>A QuecFOTA package of <paramref name="firmware"/> in a fresh temporary folder.</summary>
        public static string WritePackage(byte[] firmware, string version)
        {
            string path = TempFile("fw.pkg");
            File.WriteAllBytes(path, McuUpdater.Storage.QuecFotaPackageWriter.Build(firmware, version));
            return path;
        }

        /// <summary>Seeded random bytes.</summary>
        public static byte[] Bytes(int size, int seed)
        {
            byte[] data = new byte[size];
            new Random(seed).NextBytes(data);
            return data;
        }

        /// <summary>
        /// Polls <paramref name="condition"/> until it holds; the limit is generous (a loaded machine
        /// may be slow, only a broken one never gets there) and is not a measurement.
        /// </summary>
        public static void WaitFor(Func<bool> condition, int timeoutMs, Func<string> what)
        {
            System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    throw new Xunit.Sdk.XunitException("timed out after " + timeoutMs + " ms waiting for " + what());
                }

                Thread.Sleep(10);
            }
        }

        public static string TempFile(string name)
        {
            string dir = Path.Combine(Path.GetTempPath(), "mcuupdater-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, name);
        }
    }

    internal sealed class CliRun
    {
        public CliRun(int code, string output, string error)
        {
            Code = code;
            Output = output;
            Error = error;
        }

        public int Code { get; }

        public string Output { get; }

        public string Error { get; }

        public override string ToString() => "exit " + Code + "\n--- stdout\n" + Output + "\n--- stderr\n" + Error;
    }

    /// <summary>A verb running on its own thread with its own Ctrl+C.</summary>
    internal sealed class Background : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly Thread _thread;
        private readonly StringWriter _out = new StringWriter();
        private readonly StringWriter _err = new StringWriter();

        public Background(Func<CliContext, int> verb, TextReader input = null)
        {
            CliContext ctx = CliContext.ForText(TextWriter.Synchronized(_out), TextWriter.Synchronized(_err), _cancel.Token, input);
            _thread = new Thread(() => Code = verb(ctx)) { IsBackground = true };
            _thread.Start();
        }

        public int Code { get; private set; } = -1;

        public string Output => _out.ToString() + "\n--- stderr\n" + _err.ToString();

        /// <summary>Waits for the verb to end by itself; false when it has not within <paramref name="ms"/>.</summary>
        public bool Wait(int ms) => _thread.Join(ms);

        public int Stop()
        {
            _cancel.Cancel();
            _thread.Join(10000);
            return Code;
        }

        public void Dispose() => Stop();
    }

    /// <summary>Connects two pseudo-terminal masters byte for byte (so two programs can each open a slave as a SerialPort).</summary>
    internal sealed class PtyBridge : IDisposable
    {
        private readonly RelayEngine _relay;

        public PtyBridge(PseudoTerminal a, PseudoTerminal b)
        {
            _relay = new RelayEngine(a, b, null, SystemClock.Instance, new RelayOptions { ChunkSize = 16384, ReadTimeoutMs = 5 });
            _relay.Start();
        }

        public void Dispose() => _relay.Stop();
    }
}

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>`mcuupdater` as a real child process (the build's apphost), for signals and for two processes on one port.</summary>
    internal sealed class CliProcess : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly System.Text.StringBuilder _out = new System.Text.StringBuilder();
        private readonly System.Text.StringBuilder _err = new System.Text.StringBuilder();

        public CliProcess(params string[] args)
        {
            string exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "McuUpdater.Cli.exe" : "McuUpdater.Cli");
            System.Diagnostics.ProcessStartInfo start = new System.Diagnostics.ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            _process = new System.Diagnostics.Process { StartInfo = start };
            _process.OutputDataReceived += (s, e) => { lock (_out) { if (e.Data != null) { _out.Append(e.Data).Append('\n'); } } };
            _process.ErrorDataReceived += (s, e) => { lock (_out) { if (e.Data != null) { _err.Append(e.Data).Append('\n'); } } };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Pid => _process.Id;

        public TextWriter Input => _process.StandardInput;

        public string Output
        {
            get
            {
                lock (_out)
                {
                    return _out.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_out)
                {
                    return _err.ToString();
                }
            }
        }

        public override string ToString() => "pid " + Pid + "\n--- stdout\n" + Output + "\n--- stderr\n" + Error;

        /// <summary>Waits until stdout or stderr holds <paramref name="text"/>.</summary>
        public void WaitForText(string text, int timeoutMs)
        {
            CliHarness.WaitFor(() => Output.Contains(text, StringComparison.Ordinal) || Error.Contains(text, StringComparison.Ordinal) || _process.HasExited, timeoutMs, () => "\"" + text + "\" from " + this);
            Assert(Output.Contains(text, StringComparison.Ordinal) || Error.Contains(text, StringComparison.Ordinal), "\"" + text + "\" before the process ended: " + this);
        }

        public void Signal(int signal)
        {
            if (kill(_process.Id, signal) != 0)
            {
                throw new InvalidOperationException("kill " + signal + " failed");
            }
        }

        /// <summary>Waits for the exit (and for the output to drain); returns the exit code.</summary>
        public int WaitForExit(int timeoutMs)
        {
            Assert(_process.WaitForExit(timeoutMs), "exited within " + timeoutMs + " ms: " + this);
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }

        private static void Assert(bool ok, string message)
        {
            if (!ok)
            {
                throw new Xunit.Sdk.XunitException(message);
            }
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
