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
    /// in virtual time. A run fails the campaign when it ends in success with a wrong image, or
    /// when its faults were survivable (few restarts' worth, gentle line noise) and it did not
    /// succeed. Every run can be replayed alone with its seed.
    /// </summary>
    public static class FaultCampaign
    {
        private const int MaxRestarts = 6;

        public static int Run(int runs, int firstSeed)
        {
            Stopwatch wall = Stopwatch.StartNew();
            int success = 0;
            int expectedFailures = 0;
            int bad = 0;
            int escapes = 0;
            double virtualSeconds = 0;
            for (int seed = firstSeed; seed < firstSeed + runs; seed++)
            {
                Outcome o = One(seed);
                virtualSeconds += o.VirtualMs / 1000.0;
                if (o.Problem != null)
                {
                    bad++;
                    Console.WriteLine("seed " + seed + ": " + o.Problem + " | " + o.Plan + " | " + OutcomeNames.Name(o.Result.Outcome) + ": " + o.Result.Detail);
                }
                else if (o.CrcEscape)
                {
                    escapes++;
                    Console.WriteLine("seed " + seed + ": a damaged frame passed its CRC-16 (wrong image reported as success) | " + o.Plan);
                }
                else if (o.Result.Outcome == UpdateOutcome.Success)
                {
                    success++;
                }
                else
                {
                    expectedFailures++;
                }
            }

            Console.WriteLine($"campaign: {runs} runs from seed {firstSeed}: {success} succeeded, {expectedFailures} failed as their faults demanded, {escapes} CRC-16 escapes under heavy line noise, {bad} wrong; {virtualSeconds / 3600:F1} h of virtual time in {wall.Elapsed.TotalSeconds:F1} s");
            return bad == 0 ? 0 : 1;
        }

        /// <summary>One seeded run; <see cref="Outcome.Problem"/> is null when it behaved.</summary>
        public static Outcome One(int seed)
        {
            return One(seed, false);
        }

        /// <summary>One seeded run, telling its restarts and resends on the console when <paramref name="tell"/>.</summary>
        public static Outcome One(int seed, bool tell)
        {
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
            int restartFaults = 0;
            int faults = rnd.Next(6);
            for (int f = 0; f < faults; f++)
            {
                int at = rnd.Next(blocks);
                switch (rnd.Next(7))
                {
                    case 0: plan.StatusAt(at, Status.CrcError); text.Append(" status1@").Append(at); break;
                    case 1: plan.StatusAt(at, Status.PackageError); text.Append(" status4@").Append(at); break;
                    case 2: plan.StatusAt(at, Status.FlashError); restartFaults++; text.Append(" status2@").Append(at); break;
                    case 3: plan.SilenceAt(at); text.Append(" silence@").Append(at); break;
                    case 4: int ms = 100 + rnd.Next(4000); plan.SlowAt(at, ms); text.Append(" slow@").Append(at).Append('=').Append(ms); break;
                    case 5: plan.PowerLossAt(at); restartFaults++; text.Append(" powerloss@").Append(at); break;
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

            ModuleSimulator module = new ModuleSimulator(sim, plan);
            VirtualWire wire = new VirtualWire(module);
            plan.ApplyTo(wire);
            UpdateOptions options = new UpdateOptions { ExpectedVersion = sim.NewFirmwareVersion, MaxRestarts = MaxRestarts, SyncAttempts = 4, MaxBlockSize = UpdateOptions.LargeMaxBlockSize };
            UpdateSession session = new UpdateSession(wire.HostLink, wire.Power, wire.Clock, options);
            if (tell)
            {
                wire.Tap = new ConsoleTap();
                Console.WriteLine(text.ToString());
                session.Events.Restart += (sender, reason, count, detail) => Console.WriteLine($"{wire.Clock.NowMs,8} ms restart {count}: {reason}: {detail}");
                session.Events.Resend += (sender, reason, seq, send) => Console.WriteLine($"{wire.Clock.NowMs,8} ms resend block {seq} ({reason}), send {send}");
                session.Events.Trace += (sender, message) => Console.WriteLine($"{wire.Clock.NowMs,8} ms {message}");
            }

            long start = wire.Clock.NowMs;
            UpdateResult r = session.Run(new BinImage(new MemoryStream(image, false), "campaign.bin"));

            Outcome o = new Outcome { Result = r, Plan = text.ToString(), VirtualMs = wire.Clock.NowMs - start };
            // Line noise is survivable when a pass rarely loses a frame three times in a row:
            // a frame is hit with probability 1 - e^-λ, λ = hits expected on it and its answer.
            double lambda = (1.5 * rate * (block + Wire.DataFrameOverhead)) + (rate * Wire.FrameOverhead);
            double hit = 1 - Math.Exp(-lambda);
            double passLost = 1 - Math.Pow(1 - (hit * hit * hit), blocks);
            bool survivable = restartFaults <= MaxRestarts - 2 && passLost <= 0.01 && plan.MissBootWindows < options.SyncAttempts;
            if (r.Outcome == UpdateOutcome.Success && !module.ImageMatches(image))
            {
                if (rate > 0 && (plan.HostToModule.Corrupted > 0 || plan.HostToModule.Dropped > 0))
                {
                    // A frame damaged on the wire that still matched its CRC-16: the protocol's own
                    // limit (1 in 65 536 damaged frames), not the engine's. Counted, not failed.
                    o.CrcEscape = true;
                }
                else
                {
                    o.Problem = "SUCCESS WITH A WRONG IMAGE";
                }
            }
            else if (r.Outcome != UpdateOutcome.Success && survivable)
            {
                o.Problem = "failed although its faults were survivable";
            }

            return o;
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

            public string Problem { get; set; }

            public bool CrcEscape { get; set; }
        }
    }
}
