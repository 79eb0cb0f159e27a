using System.Text;
using McuUpdater.Protocol;

namespace McuUpdater.Cli.Output
{
    /// <summary>One-line human descriptions of decoded frames, shared by `trace` and `--verbose`.</summary>
    public static class FrameText
    {
        /// <summary>"CMD_DL_DATA seq 5, 1012 bytes", "CMD_DL_DATA_RSP status 0 (success), next 6" ...</summary>
        public static string Describe(FrameDecoder f)
        {
            string name = Command.Name(f.Type);
            int n = f.Length;
            switch (f.Type)
            {
                case Command.DlBegin when n == 4:
                    return name + " app version 0x" + f.DataUInt32(0).ToString("X8");
                case Command.DlData when n >= 4:
                    return name + " seq " + f.DataUInt32(0) + ", " + (n - 4) + " bytes";
                case Command.DlBeginRsp when n == 4:
                    return name + " " + StatusText(f.DataUInt16(0)) + ", MTU " + f.DataUInt16(2);
                case Command.DlDataRsp when n == 6:
                    return name + " " + StatusText(f.DataUInt16(0)) + ", next " + f.DataUInt32(2);
                case Command.DlEndRsp when n == 2:
                case Command.RunGsmSwRsp when n == 2:
                    return name + " " + StatusText(f.DataUInt16(0));
                default:
                    return name + " (" + n + " data bytes" + (n > 0 ? ": " + Hex(f.Buffer, f.DataOffset, n, 16) : string.Empty) + ")";
            }
        }

        /// <summary>"status 1 (CRC error)".</summary>
        public static string StatusText(int status)
        {
            return "status " + status + " (" + Status.Name(status) + ")";
        }

        /// <summary>"B5 B5 B5 …" with at most <paramref name="max"/> bytes shown.</summary>
        public static string Hex(byte[] data, int offset, int count, int max)
        {
            StringBuilder text = new StringBuilder();
            int shown = count < max ? count : max;
            for (int i = 0; i < shown; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                text.Append(data[offset + i].ToString("X2"));
            }

            if (count > shown)
            {
                text.Append(" …");
            }

            return text.ToString();
        }

        /// <summary>Names the sync bytes of protocol.md; null for other bytes.</summary>
        public static string SyncName(byte b)
        {
            switch (b)
            {
                case Wire.SyncWord1: return "SYNC_WORD1";
                case Wire.SyncWordRsp1: return "SYNC_WORD_RSP1";
                case Wire.SyncWord2: return "SYNC_WORD2";
                case Wire.SyncWordRsp2: return "SYNC_WORD_RSP2";
                default: return null;
            }
        }
    }
}
