namespace McuUpdater.Simulator
{
    /// <summary>Why the simulated boot ROM refused a frame; counted per reason.</summary>
    public enum RejectReason
    {
        /// <summary>The CRC did not match.</summary>
        BadCrc = 0,

        /// <summary>The length field exceeds what the ROM accepts (MTU, plus slack on the quirk ROM).</summary>
        Oversize = 1,

        /// <summary>The frame stopped arriving part-way (inter-byte timeout).</summary>
        Truncated = 2,

        /// <summary>DATA or END before BEGIN.</summary>
        NotStarted = 3,

        /// <summary>DATA with a sequence other than the expected next one.</summary>
        WrongSequence = 4,

        /// <summary>An odd-length block that was not the last one.</summary>
        OddBlock = 5,

        /// <summary>Data beyond the expected image size.</summary>
        ImageTooLarge = 6,

        /// <summary>A data length that does not fit the command.</summary>
        BadLength = 7,

        /// <summary>A type that is not a command.</summary>
        UnknownCommand = 8,

        /// <summary>A fault plan made the ROM refuse it (status 1, 2 or 4 at a chosen block).</summary>
        Injected = 9,
    }
}
