namespace McuUpdater.Modem
{
    /// <summary>Which TCP/IP AT command set the module speaks (configuration key <c>at_dialect</c>).</summary>
    public enum AtDialect
    {
        /// <summary>UGxx, UC15/UC20, EC2x/EG2x, BG95/BG96, EC200U: contexts and connect ids, <c>+QIURC</c>.</summary>
        Qi = 0,

        /// <summary>M10, M66, M95, MC60, M35: no context id, <c>CONNECT OK</c>, <c>+QIRDI</c>.</summary>
        Legacy = 1,
    }
}
