namespace McuUpdater.Bench
{
    internal static class ConstructionAllocations
    {
        public static string Table() { return string.Empty; }
    }
}
