namespace McuUpdater.Protocol
{
    /// <summary>Status values in the module's responses (protocol.md, "Commands").</summary>
    public static class Status
    {
        /// <summary>Accepted.</summary>
        public const ushort Success = 0;

        /// <summary>The frame failed the module's CRC check: resend the block it asks for.</summary>
        public const ushort CrcError = 1;

        /// <summary>Flash write failed: power-cycle and start the whole download again.</summary>
        public const ushort FlashError = 2;

        /// <summary>The module is in download mode (seen in RUN responses).</summary>
        public const ushort InDownloadMode = 3;

        /// <summary>Data package error: resend from the block the response asks for.</summary>
        public const ushort PackageError = 4;

        /// <summary>Quirk ROM: length larger than it accepts.</summary>
        public const ushort QuirkOversize = 6;

        /// <summary>Quirk ROM: frame cut short (timeout inside a frame).</summary>
        public const ushort QuirkTruncated = 7;

        /// <summary>Highest status value protocol.md defines.</summary>
        public const ushort MaxKnown = PackageError;

        /// <summary>True for the statuses protocol.md defines (0–4).</summary>
        public static bool IsKnown(int status)
        {
            return status >= Success && status <= MaxKnown;
        }

        /// <summary>Protocol meaning of a status value, for logs and errors.</summary>
        public static string Name(int status)
        {
            switch (status)
            {
                case Success: return "success";
                case CrcError: return "CRC error";
                case FlashError: return "flash error";
                case InDownloadMode: return "in download mode";
                case PackageError: return "data package error";
                default: return "unknown status " + status.ToString();
            }
        }
    }
}
