namespace McuUpdater.Protocol
{
    /// <summary>Command ids carried in a frame's Type field (protocol.md, "Commands").</summary>
    public static class Command
    {
        /// <summary>MCU→module: application version u32.</summary>
        public const ushort DlBegin = 0x0001;

        /// <summary>Module→MCU: status u16, MTU u16.</summary>
        public const ushort DlBeginRsp = 0x0002;

        /// <summary>MCU→module: sequence u32, image block.</summary>
        public const ushort DlData = 0x0003;

        /// <summary>Module→MCU: status u16, next expected sequence u32.</summary>
        public const ushort DlDataRsp = 0x0004;

        /// <summary>MCU→module: no data.</summary>
        public const ushort DlEnd = 0x0005;

        /// <summary>Module→MCU: status u16.</summary>
        public const ushort DlEndRsp = 0x0006;

        /// <summary>MCU→module: no data; boots the downloaded firmware.</summary>
        public const ushort RunGsmSw = 0x0007;

        /// <summary>Module→MCU: status u16 (informational).</summary>
        public const ushort RunGsmSwRsp = 0x0008;

        /// <summary>Protocol name of a command id, for logs and errors.</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case DlBegin: return "CMD_DL_BEGIN";
                case DlBeginRsp: return "CMD_DL_BEGIN_RSP";
                case DlData: return "CMD_DL_DATA";
                case DlDataRsp: return "CMD_DL_DATA_RSP";
                case DlEnd: return "CMD_DL_END";
                case DlEndRsp: return "CMD_DL_END_RSP";
                case RunGsmSw: return "CMD_RUN_GSMSW";
                case RunGsmSwRsp: return "CMD_RUN_GSMSW_RSP";
                default: return "0x" + type.ToString("X4");
            }
        }
    }
}
