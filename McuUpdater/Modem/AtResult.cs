namespace McuUpdater.Modem
{
    /// <summary>How one AT command (or a wait inside one) ended on the <see cref="AtChannel"/>.</summary>
    public enum AtResult
    {
        /// <summary>Final <c>OK</c>.</summary>
        Ok = 0,

        /// <summary>Final <c>ERROR</c>.</summary>
        Error = 1,

        /// <summary>Final <c>+CME ERROR: n</c>; n in <see cref="AtChannel.ErrorCode"/>.</summary>
        CmeError = 2,

        /// <summary>Final <c>+CMS ERROR: n</c>; n in <see cref="AtChannel.ErrorCode"/>.</summary>
        CmsError = 3,

        /// <summary>One of the dialect-specific finals the caller listed (<c>SEND OK</c>, <c>CLOSE OK</c>…); the line is in <see cref="AtChannel.FinalLine"/>.</summary>
        Final = 4,

        /// <summary>The send prompt <c>&gt; </c> came: write the payload now.</summary>
        Prompt = 5,

        /// <summary>No final within the command's limit.</summary>
        Timeout = 6,

        /// <summary><c>RDY</c> (or a power-down line) came: the module restarted.</summary>
        Restarted = 7,

        /// <summary>A line of the reply was longer than the line buffer (dropped); the command's final was consumed.</summary>
        LineTooLong = 8,

        /// <summary>A payload was not followed by CR LF, or announced more bytes than asked for: the byte stream is out of step.</summary>
        Garbled = 9,
    }
}
