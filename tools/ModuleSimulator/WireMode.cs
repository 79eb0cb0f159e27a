namespace McuUpdater.Simulator
{
    /// <summary>How the updater's UART behaves on a <see cref="VirtualWire"/>: as .NET's SerialPort, or as a nanoFramework device's.</summary>
    /// <remarks>design.md, "What the device does differently": ESP32's Write returns only when the bytes have left and its
    /// receive buffer flushes everything when it overflows; STM32 queues writes and drops the new bytes on overflow.</remarks>
    public enum WireMode
    {
        /// <summary>.NET: Write queues (unbounded), the receive side never overflows.</summary>
        DotNet = 0,

        /// <summary>ESP32: Write blocks until the bytes have left; a full receive buffer loses everything it held.</summary>
        Esp32 = 1,

        /// <summary>STM32: Write queues into a bounded transmit buffer (blocks only while it is full); a full receive buffer loses the new bytes.</summary>
        Stm32 = 2,
    }
}
