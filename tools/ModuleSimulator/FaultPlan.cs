using System.Collections;

namespace McuUpdater.Simulator
{
    /// <summary>A seeded, reproducible, composable set of faults for one simulated module and its wire.</summary>
    /// <remarks>
    /// Line faults (<see cref="HostToModule"/>, <see cref="ModuleToHost"/>) are installed on a
    /// <see cref="VirtualWire"/> with <see cref="ApplyTo"/>; block faults and boot-window misses are
    /// consulted by the <see cref="ModuleSimulator"/> it is given to. Same seed, same run.
    /// </remarks>
    public sealed class FaultPlan
    {
        private readonly ArrayList _blockFaults = new ArrayList();
        private readonly XorShift _atRandom;
        private int _repeatedNoise = -1;
        private int _repeatedPosition = -1;

        /// <summary>Creates a plan; each line direction gets its own generator derived from <paramref name="seed"/>.</summary>
        public FaultPlan(uint seed)
        {
            Seed = seed;
            HostToModule = new ByteFaults(((ulong)seed << 32) ^ 0x9E3779B97F4A7C15UL);
            ModuleToHost = new ByteFaults(((ulong)seed << 32) ^ 0xC2B2AE3D27D4EB4FUL);
            _atRandom = new XorShift(((ulong)seed << 32) ^ 0x165667B19E3779F9UL);
            Sockets = new SocketFaults(((ulong)seed << 32) ^ 0x27D4EB2F165667C5UL);
        }

        /// <summary>The seed the plan was made with.</summary>
        public uint Seed { get; private set; }

        /// <summary>Faults on bytes the host writes.</summary>
        public ByteFaults HostToModule { get; private set; }

        /// <summary>Faults on bytes the module sends.</summary>
        public ByteFaults ModuleToHost { get; private set; }

        /// <summary>Faults of the firmware's TCP/IP stack (context drops, early closes, missing URCs, short reads, restarts…).</summary>
        public SocketFaults Sockets { get; private set; }

        /// <summary>The first N power-ons ignore 0xB5 (the boot window is missed).</summary>
        public int MissBootWindows;

        /// <summary>Extra delay in ms before every answer of the boot ROM (slow module).</summary>
        public int ExtraReplyDelayMs;

        /// <summary>
        /// The next N answers of the firmware to AT+GMR carry one printable noise byte inside the
        /// version text (a byte the line reader keeps, so the version reads wrong).
        /// </summary>
        public int GmrAnswerNoise;

        /// <summary>
        /// The line makes up one printable byte just before each of the next N bursts the host
        /// writes to the running firmware: idle-line noise that lands in the firmware's command
        /// buffer ahead of the host's command.
        /// </summary>
        public int NoiseBeforeAtCommands;

        /// <summary>Every noisy AT+GMR answer gets the same byte at the same place (noise that repeats, the worst case for a check that waits for two equal answers).</summary>
        public bool GmrAnswerNoiseRepeats;

        /// <summary>AT answers with noise inserted so far.</summary>
        public int GmrAnswerNoiseFired { get; private set; }

        /// <summary>Noise bytes put before AT commands so far.</summary>
        public int NoiseBeforeAtCommandsFired { get; private set; }

        /// <summary>The block faults added so far, in order.</summary>
        public ArrayList BlockFaults
        {
            get { return _blockFaults; }
        }

        /// <summary>Refuse block <paramref name="block"/> once with status 1, 2 or 4.</summary>
        public FaultPlan StatusAt(int block, int status)
        {
            return Add(BlockFaultKind.Status, block, status);
        }

        /// <summary>Accept block <paramref name="block"/> once without answering.</summary>
        public FaultPlan SilenceAt(int block)
        {
            return Add(BlockFaultKind.Silence, block, 0);
        }

        /// <summary>Answer block <paramref name="block"/> once <paramref name="delayMs"/> late.</summary>
        public FaultPlan SlowAt(int block, int delayMs)
        {
            return Add(BlockFaultKind.Slow, block, delayMs);
        }

        /// <summary>Lose power when block <paramref name="block"/> arrives (once).</summary>
        public FaultPlan PowerLossAt(int block)
        {
            return Add(BlockFaultKind.PowerLoss, block, 0);
        }

        /// <summary>Answer block <paramref name="block"/> once with "next" = <paramref name="next"/>.</summary>
        public FaultPlan WrongNextAt(int block, int next)
        {
            return Add(BlockFaultKind.WrongNext, block, next);
        }

        /// <summary>Answer block <paramref name="block"/> once with a "next" beyond what the host can have sent (furthest accepted + 2 + <paramref name="extra"/>).</summary>
        public FaultPlan NextBeyondSentAt(int block, int extra)
        {
            return Add(BlockFaultKind.NextBeyondSent, block, extra);
        }

        /// <summary>Answer block <paramref name="block"/> twice, back to back.</summary>
        public FaultPlan DuplicateReplyAt(int block)
        {
            return Add(BlockFaultKind.DuplicateReply, block, 0);
        }

        /// <summary>Answer block <paramref name="block"/>, then send the same answer again <paramref name="delayMs"/> later.</summary>
        public FaultPlan ExtraReplyAt(int block, int delayMs)
        {
            return Add(BlockFaultKind.ExtraReply, block, delayMs);
        }

        /// <summary>Just before block <paramref name="block"/>'s frame, a noise header the ROM answers (status 4, or 6 on the quirk ROM).</summary>
        public FaultPlan NoiseHeaderAt(int block)
        {
            return Add(BlockFaultKind.NoiseHeader, block, 0);
        }

        /// <summary>Report a flash error as soon as block <paramref name="block"/>'s header is in (the host's transmit side is still busy when it restarts).</summary>
        public FaultPlan EarlyFlashErrorAt(int block)
        {
            return Add(BlockFaultKind.EarlyFlashError, block, 0);
        }

        /// <summary>Installs the active line faults on <paramref name="wire"/>.</summary>
        public void ApplyTo(VirtualWire wire)
        {
            if (HasHeaderFaults && wire.DeliveryChunkBytes == 0)
            {
                // These faults act on a frame's first bytes: the ROM must see them as they arrive.
                wire.DeliveryChunkBytes = HeaderChunkBytes;
            }

            wire.HostToModuleFault = HostToModule.IsActive ? HostToModule : null;
            wire.ModuleToHostFault = ModuleToHost.IsActive ? ModuleToHost : null;
        }

        /// <summary>True when every block fault has fired.</summary>
        public bool AllBlockFaultsFired
        {
            get
            {
                for (int i = 0; i < _blockFaults.Count; i++)
                {
                    if (!((BlockFault)_blockFaults[i]).Fired)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Delivery piece a wire gets for faults that act on a frame's header: a few bytes, so the ROM sees the header before the frame's end.</summary>
        public const int HeaderChunkBytes = 16;

        /// <summary>True when some fault acts on a frame's first bytes (<see cref="BlockFaultKind.NoiseHeader"/>, <see cref="BlockFaultKind.EarlyFlashError"/>).</summary>
        public bool HasHeaderFaults
        {
            get
            {
                for (int i = 0; i < _blockFaults.Count; i++)
                {
                    if (IsHeaderFault(((BlockFault)_blockFaults[i]).Kind))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        // The first unfired fault aimed at this block that acts on the whole frame, marked fired; null when none.
        internal BlockFault TakeFor(int block)
        {
            return Take(block, false);
        }

        // The first unfired fault aimed at this block that acts when its frame starts, marked fired; null when none.
        internal BlockFault TakeAtHeader(int block)
        {
            return Take(block, true);
        }

        private BlockFault Take(int block, bool header)
        {
            for (int i = 0; i < _blockFaults.Count; i++)
            {
                BlockFault f = (BlockFault)_blockFaults[i];
                if (!f.Fired && f.Block == block && IsHeaderFault(f.Kind) == header)
                {
                    f.Fired = true;
                    return f;
                }
            }

            return null;
        }

        // A printable noise byte for an AT fault, or -1 when the fault's count is used up.
        internal int TakeGmrAnswerNoise()
        {
            if (GmrAnswerNoise <= 0)
            {
                return -1;
            }

            GmrAnswerNoise--;
            GmrAnswerNoiseFired++;
            if (!GmrAnswerNoiseRepeats || _repeatedNoise < 0)
            {
                _repeatedNoise = 0x21 + _atRandom.Next(0x7F - 0x21);
            }

            return _repeatedNoise;
        }

        // Where inside a text of length n (1..n-1) a noise byte goes.
        internal int AtNoisePosition(int n)
        {
            if (!GmrAnswerNoiseRepeats || _repeatedPosition < 0)
            {
                _repeatedPosition = n < 2 ? 0 : 1 + _atRandom.Next(n - 1);
            }

            return _repeatedPosition;
        }

        internal int TakeNoiseBeforeAtCommand()
        {
            if (NoiseBeforeAtCommands <= 0)
            {
                return -1;
            }

            NoiseBeforeAtCommands--;
            NoiseBeforeAtCommandsFired++;
            return 0x21 + _atRandom.Next(0x7F - 0x21);
        }

        private static bool IsHeaderFault(BlockFaultKind kind)
        {
            return kind == BlockFaultKind.NoiseHeader || kind == BlockFaultKind.EarlyFlashError;
        }

        private FaultPlan Add(BlockFaultKind kind, int block, int value)
        {
            _blockFaults.Add(new BlockFault(kind, block, value));
            return this;
        }
    }
}
