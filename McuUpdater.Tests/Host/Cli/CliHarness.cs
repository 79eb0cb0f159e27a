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
        public static Background Start(Func<CliContext, int> verb)
        {
            return new Background(verb);
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

        public Background(Func<CliContext, int> verb)
        {
            CliContext ctx = CliContext.ForText(TextWriter.Synchronized(_out), TextWriter.Synchronized(_err), _cancel.Token);
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
