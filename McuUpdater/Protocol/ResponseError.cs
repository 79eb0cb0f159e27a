namespace McuUpdater.Protocol
{
    /// <summary>Why a decoded frame is not a usable response.</summary>
    public enum ResponseError
    {
        /// <summary>The frame is a well-formed response.</summary>
        None = 0,

        /// <summary>The type is not one of the four response ids.</summary>
        UnknownType = 1,

        /// <summary>The data length does not match the response type.</summary>
        WrongLength = 2,

        /// <summary>The status is outside 0–4.</summary>
        UnknownStatus = 3,
    }
}
