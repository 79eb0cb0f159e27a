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

        /// <summary>Creates a plan; each line direction gets its own generator derived from <paramref name="seed"/>.</summary>
        public FaultPlan(uint seed)
        {
            Seed = seed;
            HostToModule = new ByteFaults(((ulong)seed << 32) ^ 0x9E3779B97F4A7C15UL);
            ModuleToHost = new ByteFaults(((ulong)seed << 32) ^ 0xC2B2AE3D27D4EB4FUL);
            Sockets = new SocketFaults(((ulong)seed << 32) ^ 0x165667B19E3779F9UL);
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

        /// <summary>Installs the active line faults on <paramref name="wire"/>.</summary>
        public void ApplyTo(VirtualWire wire)
        {
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

        // The first unfired fault aimed at this block, marked fired; null when none.
        internal BlockFault TakeFor(int block)
        {
            for (int i = 0; i < _blockFaults.Count; i++)
            {
                BlockFault f = (BlockFault)_blockFaults[i];
                if (!f.Fired && f.Block == block)
                {
                    f.Fired = true;
                    return f;
                }
            }

            return null;
        }

        private FaultPlan Add(BlockFaultKind kind, int block, int value)
        {
            _blockFaults.Add(new BlockFault(kind, block, value));
            return this;
        }
    }
}
