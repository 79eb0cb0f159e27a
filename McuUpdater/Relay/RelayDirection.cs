namespace McuUpdater.Relay
{
    /// <summary>The two directions bytes flow through a relay (ints, so counters index an array without generics).</summary>
    public static class RelayDirection
    {
        /// <summary>From the PC-side (host) UART to the module's UART: sync bytes and commands.</summary>
        public const int HostToModule = 0;

        /// <summary>From the module's UART back to the PC side: sync answers and responses.</summary>
        public const int ModuleToHost = 1;

        /// <summary>Short name for logs: "host->module" or "module->host".</summary>
        public static string Name(int direction)
        {
            return direction == HostToModule ? "host->module" : "module->host";
        }
    }
}
