namespace McuUpdater.Application
{
    /// <summary>One LED as the board wires it (a GPIO pin and its active level on a device, a recorder in tests).</summary>
    public interface IStatusLed
    {
        /// <summary>Lights the LED, or puts it out.</summary>
        void Write(bool lit);
    }
}
