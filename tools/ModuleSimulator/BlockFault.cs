namespace McuUpdater.Simulator
{
    /// <summary>One fault aimed at one DATA block; fires once.</summary>
    public sealed class BlockFault
    {
        /// <summary>Creates a fault.</summary>
        public BlockFault(BlockFaultKind kind, int block, int value)
        {
            Kind = kind;
            Block = block;
            Value = value;
        }

        /// <summary>What happens.</summary>
        public BlockFaultKind Kind { get; private set; }

        /// <summary>Sequence number of the block it hits.</summary>
        public int Block { get; private set; }

        /// <summary>Status, delay in ms, or next sequence, depending on <see cref="Kind"/>.</summary>
        public int Value { get; private set; }

        /// <summary>True once it has happened.</summary>
        public bool Fired { get; internal set; }
    }
}
