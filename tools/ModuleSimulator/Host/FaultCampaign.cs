using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using McuUpdater.Protocol;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;

namespace McuUpdater.Simulator.Host
{
    /// <summary>
    /// A fault campaign: many seeded updates, each with a random ROM, MTU, image and fault plan,
    /// in virtual time, judged by what the <see cref="WireLedger"/> saw on the wire. A wrong image
    /// is a CRC-16 escape only when the module accepted a frame the updater never wrote for the
    /// block where the image differs; any other wrong image, any DATA frame sent beyond what
    /// protocol.md allows, and any failure (or restart) that the recorded faults do not explain
    /// fails the campaign. Every run can be replayed alone with its seed.
    /// </summary>
    public static class FaultCampaign
    {
        private const int MaxRestarts = 6;
        private const long HangVirtualMs = 6L * 3600 * 1000;

        /// <summary>Runs <paramref name="runs"/> seeds from <paramref name="firstSeed"/>, prints the problems and the table; 0 when clean.</summary>
        public static int Run(int runs, int firstSeed, string mode)
        {
            Stopwatch wall = Stopwatch.StartNew();
            Totals t = new Totals();
            bool showExcused = Environment.GetEnvironmentVariable("CAMPAIGN_SHOW_EXCUSED") == "1";
            double virtualSeconds = 0;
            for (int seed = firstSeed; seed < firstSeed + runs; seed++)
            {
                Outcome o = One(seed, false, mode);
                virtualSeconds += o.VirtualMs / 1000.0;
                t.Add(o);
                if (o.Problem != null || o.CrcEscape || (showExcused && o.Excused))
                {
                    Console.WriteLine("seed " + seed + ": " + o.Describe());
                }
                else if (o.UnexplainedRestarts > 0)
                {
                    Console.WriteLine("seed " + seed + ": note: succeeded after a restart no recorded fault explains: " + o.Ledger.UnexplainedText + " | " + o.Plan);
                }
            }

            Console.WriteLine($"campaign: {runs} runs from seed {firstSeed}, wire mode {mode}; {virtualSeconds / 3600:F1} h of virtual time in {wall.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine("| wire mode | runs | succeeded | excused failures | wrong | CRC-16 escapes | hangs | escaping exceptions | unexplained restarts in successful runs |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {mode} | {runs} | {t.Succeeded} | {t.Excused} | {t.Wrong} | {t.Escapes} | {t.Hangs} | {t.Exceptions} | {t.UnexplainedRestarts} |");
            return t.Wrong + t.Escapes + t.Hangs + t.Exceptions == 0 ? 0 : 1;
        }

        /// <summary>The wire modes a campaign can run in: "dotnet", "esp32", "stm32", or "device" (ESP32 and STM32 by turns of the seed).</summary>
        public static readonly string[] Modes = { "dotnet", "device", "esp32", "stm32" };

        /// <summary>The wire mode of <paramref name="seed"/> in campaign mode <paramref name="mode"/>.</summary>
        public static WireMode ModeOf(string mode, int seed)
        {
            switch (mode)
            {
                case "dotnet": return WireMode.DotNet;
                case "esp32": return WireMode.Esp32;
                case "stm32": return WireMode.Stm32;
                case "device": return (seed & 1) == 0 ? WireMode.Esp32 : WireMode.Stm32;
                default: throw new ArgumentException("wire mode \"" + mode + "\" is not one of " + string.Join(", ", Modes));
            }
        }

        /// <summary>One seeded run on the .NET wire; <see cref="Outcome.Problem"/> is null when it behaved.</summary>
        public static Outcome One(int seed)
        {
            return One(seed, false, "dotnet");
        }

        /// <summary>One seeded run in a wire mode, telling its restarts and resends on the console when <paramref name="tell"/>.</summary>
        public static Outcome One(int seed, bool tell, string mode)
        {
            WireMode wireMode = ModeOf(mode, seed);
            XorShift rnd = new XorShift((ulong)seed * 0x9E3779B97F4A7C15UL + 1);
            bool quirks = rnd.Next(2) == 1;
            SimulatorOptions sim = quirks ? SimulatorOptions.SpreadtrumQuirks() : SimulatorOptions.Documented();
            int[] mtus = quirks ? new[] { 1024, 8224, 16384 } : new[] { 1024, 2001, 8224 };
            sim.Mtu = mtus[rnd.Next(mtus.Length)];
            sim.FlashWriteMs = rnd.Next(3) == 0 ? 0 : 1 + rnd.Next(20);
            sim.NewFirmwareVersion = "M10ER01A08W32";
            int length = 1 + rnd.Next(rnd.Next(4) == 0 ? 200000 : 40000);
            sim.ExpectedImageSize = length;
            byte[] image = new byte[length];
            for (int i = 0; i < length; i++)
            {
                image[i] = (byte)rnd.NextUInt();
            }

            // The campaign keeps 16 KB frames at MTU 16384 (the PC tool's opt-in cap), where damage is likeliest.
            int block = Wire.BlockSizeForMtu(sim.Mtu, UpdateOptions.LargeMaxBlockSize);
            int blocks = (length + block - 1) / block;
            FaultPlan plan = new FaultPlan((uint)seed);
            StringBuilder text = new StringBuilder(quirks ? "quirks" : "documented");
            text.Append(" MTU ").Append(sim.Mtu).Append(", ").Append(length).Append(" B, ").Append(blocks).Append(" blocks;");
            DrawFaults(rnd, plan, blocks, text);

            ModuleSimulator module = new ModuleSimulator(sim, plan);
            VirtualWire wire = new VirtualWire(module, wireMode);
            plan.ApplyTo(wire);
            WireLedger ledger = new WireLedger(plan, tell ? new ConsoleTap() : null);
            ledger.Attach(wire, module);
            UpdateOptions options = new UpdateOptions { ExpectedVersion = sim.NewFirmwareVersion, MaxRestarts = MaxRestarts, SyncAttempts = 4, MaxBlockSize = UpdateOptions.LargeMaxBlockSize };
            HangGuard guard = new HangGuard(wire);
            UpdateSession session = new UpdateSession(guard, wire.Power, guard, options);
            if (tell)
            {
                Console.WriteLine(text.ToString() + " (wire " + wireMode + ")");
                session.Events.Restart += (sender, reason, count, detail) => Console.WriteLine($"{wire.Clock.NowMs,8} ms restart {count}: {reason}: {detail}");
                session.Events.Resend += (sender, reason, seq, send) => Console.WriteLine($"{wire.Clock.NowMs,8} ms resend block {seq} ({reason}), send {send}");
                session.Events.Trace += (sender, message) => Console.WriteLine($"{wire.Clock.NowMs,8} ms {message}");
            }

            long start = wire.Clock.NowMs;
            Outcome o = new Outcome { Plan = text.ToString() + " (wire " + wireMode + ")", Ledger = ledger };
            try
            {
                o.Result = session.Run(new BinImage(new MemoryStream(image, false), "campaign.bin"));
            }
            catch (HangException)
            {
                o.Hang = true;
                o.Problem = "HANG: still running after " + (HangVirtualMs / 3600000) + " h of virtual time";
            }
            catch (Exception e)
            {
                o.Exception = e;
                o.Problem = "ESCAPING EXCEPTION: " + e.GetType().Name + ": " + e.Message;
            }

            o.VirtualMs = wire.Clock.NowMs - start;
            if (o.Result == null)
            {
                return o;
            }

            bool success = o.Result.Outcome == UpdateOutcome.Success;
            ledger.Finish(!success);
            if (ledger.Violation != null)
            {
                o.Problem = "AGAINST protocol.md: " + ledger.Violation;
            }
            else if (success && !module.ImageMatches(image))
            {
                int bad = FirstDifferingBlock(module, image, block);
                if (bad >= 0 && ledger.DamagedAcceptedAt(bad))
                {
                    // A frame damaged on the wire that still matched its CRC-16: the protocol's own
                    // limit (1 in 65 536 damaged frames), not the engine's. Counted, not failed.
                    o.CrcEscape = true;
                }
                else
                {
                    o.Problem = "SUCCESS WITH A WRONG IMAGE (first wrong block " + bad + ", " + ledger.DamagedAccepted + " damaged frames accepted, none there)";
                }
            }
            else if (o.Result.Outcome == UpdateOutcome.LinkError)
            {
                // A virtual wire never fails: this is an exception from the engine or the simulator.
                o.Exception = new InvalidOperationException(o.Result.Detail);
                o.Problem = "ESCAPING EXCEPTION (reported as a link error): " + o.Result.Detail;
            }
            else if (!success && ledger.UnexplainedPasses > 0)
            {
                o.Problem = "failed although its faults do not explain it: " + ledger.UnexplainedText;
            }
            else if (!success)
            {
                o.Excused = true;
            }
            else
            {
                o.UnexplainedRestarts = ledger.UnexplainedPasses;
            }

            return o;
        }

        // The fault plan of one run: block faults, boot-window misses, line noise, idle noise, AT faults.
        private static void DrawFaults(XorShift rnd, FaultPlan plan, int blocks, StringBuilder text)
        {
            int faults = rnd.Next(6);
            for (int f = 0; f < faults; f++)
            {
                int at = rnd.Next(blocks);
                switch (rnd.Next(12))
                {
                    case 0: plan.StatusAt(at, Status.CrcError); text.Append(" status1@").Append(at); break;
                    case 1: plan.StatusAt(at, Status.PackageError); text.Append(" status4@").Append(at); break;
                    case 2: plan.StatusAt(at, Status.FlashError); text.Append(" status2@").Append(at); break;
                    case 3: plan.SilenceAt(at); text.Append(" silence@").Append(at); break;
                    case 4: int ms = 100 + rnd.Next(4000); plan.SlowAt(at, ms); text.Append(" slow@").Append(at).Append('=').Append(ms); break;
                    case 5: plan.PowerLossAt(at); text.Append(" powerloss@").Append(at); break;
                    case 6:
                        // A next beyond what was sent: the ROM believes it; the updater must restart.
                        int beyond = rnd.Next(3);
                        plan.NextBeyondSentAt(at, beyond);
                        text.Append(" next-beyond@").Append(at).Append("=+").Append(2 + beyond);
                        break;
                    case 7: plan.DuplicateReplyAt(at); text.Append(" dup-reply@").Append(at); break;
                    case 8: int later = 1 + rnd.Next(4000); plan.ExtraReplyAt(at, later); text.Append(" extra-reply@").Append(at).Append('=').Append(later); break;
                    case 9: plan.NoiseHeaderAt(at); text.Append(" noise-header@").Append(at); break;
                    case 10: plan.EarlyFlashErrorAt(at); text.Append(" early-status2@").Append(at); break;
                    default: int next = rnd.Next(at + 1); plan.WrongNextAt(at, next); text.Append(" next@").Append(at).Append('=').Append(next); break;
                }
            }

            if (rnd.Next(4) == 0)
            {
                plan.MissBootWindows = 1 + rnd.Next(2);
                text.Append(" miss-boot=").Append(plan.MissBootWindows);
            }

            double rate = rnd.Next(3) == 0 ? 0.0001 * (1 + rnd.Next(3)) : 0;
            if (rate > 0)
            {
                plan.HostToModule.StartAfterBytes = 64;
                plan.ModuleToHost.StartAfterBytes = 8;
                plan.HostToModule.CorruptRate = rate;
                plan.HostToModule.DropRate = rate / 2;
                plan.ModuleToHost.NoiseRate = rate;
                text.Append(" line=").Append(rate);
            }

            if (rnd.Next(4) == 0)
            {
                plan.ModuleToHost.IdleNoiseMs = 20 + rnd.Next(200);
                plan.HostToModule.IdleNoiseMs = 20 + rnd.Next(200);
                text.Append(" idle-noise");
            }

            if (rnd.Next(6) == 0)
            {
                plan.GmrAnswerNoise = 1 + rnd.Next(2);
                text.Append(" gmr-noise=").Append(plan.GmrAnswerNoise);
            }

            if (rnd.Next(6) == 0)
            {
                plan.NoiseBeforeAtCommands = 1 + rnd.Next(20);
                text.Append(" at-idle-noise=").Append(plan.NoiseBeforeAtCommands);
            }
        }

        private static int FirstDifferingBlock(ModuleSimulator module, byte[] image, int block)
        {
            ReceivedImage got = module.Image;
            if (!got.BytesKept)
            {
                return -1;
            }

            int n = Math.Min(got.Length, image.Length);
            for (int i = 0; i < n; i++)
            {
                if (got[i] != image[i])
                {
                    return i / block;
                }
            }

            // Same bytes as far as both go: the length or the pad differs, in the last block.
            return (Math.Max(got.Length, image.Length) - 1) / block;
        }

        /// <summary>The campaign's counts.</summary>
        public sealed class Totals
        {
            public int Runs;
            public int Succeeded;
            public int Excused;
            public int Wrong;
            public int Escapes;
            public int Hangs;
            public int Exceptions;
            public int UnexplainedRestarts;

            /// <summary>Counts one run.</summary>
            public void Add(Outcome o)
            {
                Runs++;
                if (o.Hang)
                {
                    Hangs++;
                }
                else if (o.Exception != null)
                {
                    Exceptions++;
                }
                else if (o.Problem != null)
                {
                    Wrong++;
                }
                else if (o.CrcEscape)
                {
                    Escapes++;
                }
                else if (o.Excused)
                {
                    Excused++;
                }
                else
                {
                    Succeeded++;
                    UnexplainedRestarts += o.UnexplainedRestarts;
                }
            }
        }

        /// <summary>Thrown by the guard when virtual time passes the hang limit.</summary>
        private sealed class HangException : Exception
        {
        }

        /// <summary>The updater's link and clock, stopping a run that would never end.</summary>
        /// <remarks>Forwards the wire's writer-thread model (<see cref="McuUpdater.Link.IBackgroundWriter"/>), so the engine writes as on the board.</remarks>
        private sealed class HangGuard : McuUpdater.Link.ISerialLink, McuUpdater.Link.IBackgroundWriter, McuUpdater.Timing.IClock
        {
            private readonly VirtualWire _wire;
            private readonly McuUpdater.Link.IBackgroundWriter _background;

            public HangGuard(VirtualWire wire)
            {
                _wire = wire;
                _background = wire.HostLink as McuUpdater.Link.IBackgroundWriter;
            }

            public void BeginWrite(byte[] buffer, int offset, int count)
            {
                Check();
                if (_background != null)
                {
                    _background.BeginWrite(buffer, offset, count);
                }
                else
                {
                    _wire.HostLink.Write(buffer, offset, count);
                }
            }

            public bool WaitWritten(int timeoutMs)
            {
                Check();
                return _background == null || _background.WaitWritten(timeoutMs);
            }

            public long NowMs => _wire.Clock.NowMs;

            public void Sleep(int milliseconds)
            {
                Check();
                _wire.Clock.Sleep(milliseconds);
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                Check();
                _wire.HostLink.Write(buffer, offset, count);
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                Check();
                return _wire.HostLink.Read(buffer, offset, count, timeoutMs);
            }

            private void Check()
            {
                if (_wire.Clock.NowMs > HangVirtualMs)
                {
                    throw new HangException();
                }
            }
        }

        /// <summary>Prints the wire in a replay: short writes whole, long ones by their head.</summary>
        private sealed class ConsoleTap : IWireTap
        {
            public void OnHostToModule(byte[] buffer, int offset, int count, long timeNs) => Print("H", buffer, offset, count, timeNs);

            public void OnModuleToHost(byte[] buffer, int offset, int count, long timeNs) => Print("M", buffer, offset, count, timeNs);

            public void OnPower(bool on, long timeNs) => Console.WriteLine($"{timeNs / 1000000,8} ms power {(on ? "on" : "off")}");

            private static void Print(string who, byte[] buffer, int offset, int count, long timeNs)
            {
                int shown = Math.Min(count, 12);
                Console.WriteLine($"{timeNs / 1000000,8} ms {who} {count,5} B {Convert.ToHexString(buffer, offset, shown)}{(count > shown ? "…" : string.Empty)}");
            }
        }

        /// <summary>How one run went.</summary>
        public sealed class Outcome
        {
            public UpdateResult Result { get; set; }

            public string Plan { get; set; }

            public long VirtualMs { get; set; }

            /// <summary>Why the run fails the campaign, or null.</summary>
            public string Problem { get; set; }

            /// <summary>A wrong image explained by a damaged frame that matched its CRC-16.</summary>
            public bool CrcEscape { get; set; }

            /// <summary>Failed, and every power-on it gave up on is explained by its faults.</summary>
            public bool Excused { get; set; }

            public bool Hang { get; set; }

            public Exception Exception { get; set; }

            /// <summary>Restarts in a successful run that no recorded fault explains.</summary>
            public int UnexplainedRestarts { get; set; }

            public WireLedger Ledger { get; set; }

            /// <summary>One line for a report: what went wrong, the plan, the outcome.</summary>
            public string Describe()
            {
                string what = Problem ?? (CrcEscape ? "a damaged frame passed its CRC-16 (wrong image reported as success)" : Excused ? "failed as its faults explain"
                    : UnexplainedRestarts > 0 ? "ok, after restarts no recorded fault explains: " + Ledger.UnexplainedText : "ok");
                string result = Result == null ? "no result" : OutcomeNames.Name(Result.Outcome) + ": " + Result.Detail;
                return what + " | " + Plan + " | " + result;
            }
        }
    }
}
