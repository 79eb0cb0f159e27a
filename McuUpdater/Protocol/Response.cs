namespace McuUpdater.Protocol
{
    /// <summary>
    /// Typed view of a module response (BEGIN_RSP, DATA_RSP, END_RSP, RUN_GSMSW_RSP), reused for
    /// every frame so parsing allocates nothing.
    /// </summary>
    public sealed class Response
    {
        /// <summary>Data length of CMD_DL_BEGIN_RSP: status u16, MTU u16.</summary>
        public const int BeginLength = 4;

        /// <summary>Data length of CMD_DL_DATA_RSP: status u16, next sequence u32.</summary>
        public const int DataLength = 6;

        /// <summary>Data length of CMD_DL_END_RSP and CMD_RUN_GSMSW_RSP: status u16.</summary>
        public const int StatusLength = 2;

        /// <summary>Type of the last parsed frame.</summary>
        public ushort Type { get; private set; }

        /// <summary>Status field (valid when the length was right, even if the status is unknown).</summary>
        public ushort Status { get; private set; }

        /// <summary>MTU of a BEGIN_RSP.</summary>
        public int Mtu { get; private set; }

        /// <summary>Next expected sequence of a DATA_RSP.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Why the last frame was not usable, or <see cref="ResponseError.None"/>.</summary>
        public ResponseError Error { get; private set; }

        /// <summary>The data length the last frame had.</summary>
        public int Length { get; private set; }

        /// <summary>Parses the decoder's completed frame; returns true when it is a well-formed response with a known status.</summary>
        public bool Parse(FrameDecoder frame)
        {
            return Parse(frame.Type, frame.Buffer, frame.DataOffset, frame.Length);
        }

        /// <summary>Parses a response from its type and data; returns true when well formed with a known status.</summary>
        public bool Parse(int type, byte[] data, int offset, int length)
        {
            Type = (ushort)type;
            Length = length;
            Status = 0;
            Mtu = 0;
            NextSequence = 0;

            int expected = ExpectedLength(type);
            if (expected < 0)
            {
                Error = ResponseError.UnknownType;
                return false;
            }

            if (length != expected)
            {
                Error = ResponseError.WrongLength;
                return false;
            }

            Status = BigEndian.ReadUInt16(data, offset);
            if (type == Command.DlBeginRsp)
            {
                Mtu = BigEndian.ReadUInt16(data, offset + 2);
            }
            else if (type == Command.DlDataRsp)
            {
                NextSequence = BigEndian.ReadUInt32(data, offset + 2);
            }

            Error = Protocol.Status.IsKnown(Status) ? ResponseError.None : ResponseError.UnknownStatus;
            return Error == ResponseError.None;
        }

        /// <summary>Data length a response type must have, or -1 for a type that is not a response.</summary>
        public static int ExpectedLength(int type)
        {
            switch (type)
            {
                case Command.DlBeginRsp: return BeginLength;
                case Command.DlDataRsp: return DataLength;
                case Command.DlEndRsp: return StatusLength;
                case Command.RunGsmSwRsp: return StatusLength;
                default: return -1;
            }
        }

        /// <summary>A sentence saying what was wrong with the last frame (allocates: for errors and logs only).</summary>
        public string Describe()
        {
            string name = Command.Name(Type);
            switch (Error)
            {
                case ResponseError.None:
                    return name + " status " + Status.ToString() + " (" + Protocol.Status.Name(Status) + ")";
                case ResponseError.UnknownType:
                    return "frame type " + name + " is not a response";
                case ResponseError.WrongLength:
                    return name + " has " + Length.ToString() + " data bytes, expected " + ExpectedLength(Type).ToString();
                default:
                    return name + " carries " + Protocol.Status.Name(Status) + " (protocol.md defines 0-4)";
            }
        }
    }
}
