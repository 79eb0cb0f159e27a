using System;
using System.Collections;
using System.Diagnostics;
using McuUpdater.Application;
using McuUpdater.Link;
using nanoFramework.Hardware.Esp32;
using nanoFramework.System.IO.FileSystem;

namespace McuUpdater.Boards.Esp32
{
    /// <summary>What an ESP32 does differently: UART pins are routed before a port opens, an update session's port writes through a writer thread, and the app mounts the SD card itself.</summary>
    internal sealed class Esp32Hardware : DeviceHardware
    {
        private readonly ArrayList _ports = new ArrayList();
        private readonly ArrayList _pins = new ArrayList();

        /// <summary>Routes <paramref name="port"/> (COM2 or COM3) to <paramref name="txPin"/> and <paramref name="rxPin"/> when it is opened.</summary>
        public void RouteUart(string port, int txPin, int rxPin)
        {
            _ports.Add(port);
            _pins.Add(new int[] { txPin, rxPin });
        }

        /// <inheritdoc />
        public override ISerialLink OpenPort(string port, int bufferBytes, bool sessionWrites)
        {
            int i = _ports.IndexOf(port);
            if (i < 0)
            {
                throw new ArgumentException("no pins routed for " + port + " on this board");
            }

            int[] pins = (int[])_pins[i];
            if (port == "COM2")
            {
                Configuration.SetPinFunction(pins[0], DeviceFunction.COM2_TX);
                Configuration.SetPinFunction(pins[1], DeviceFunction.COM2_RX);
            }
            else if (port == "COM3")
            {
                Configuration.SetPinFunction(pins[0], DeviceFunction.COM3_TX);
                Configuration.SetPinFunction(pins[1], DeviceFunction.COM3_RX);
            }
            else
            {
                throw new ArgumentException(port + ": only COM2 and COM3 can be routed (COM1 is the debugger's)");
            }

            // ESP32's Write blocks until the bytes have left: an update session's port gets a writer
            // thread, so frame k+1 is read and sealed while frame k is on the wire (the board never
            // closes its ports, so the thread lives as long as the app).
            ISerialLink link = base.OpenPort(port, bufferBytes, sessionWrites);
            return sessionWrites ? new WriterThreadLink(link) : link;
        }

        /// <inheritdoc />
        /// <remarks>SDMMC slot 0 in 1-bit mode (CLK GPIO 14, CMD GPIO 15, D0 GPIO 2), no card-detect pin; without a card the board runs from internal flash.</remarks>
        public override bool MountCard(string root)
        {
            try
            {
                SDCardMmcParameters mmc = new SDCardMmcParameters();
                mmc.slotIndex = 0;
                mmc.dataWidth = SDCard.SDDataWidth._1_bit;
                CardDetectParameters detect = new CardDetectParameters();
                detect.enableCardDetectPin = false;
                SDCard card = new SDCard(mmc, detect);
                card.Mount();
                return card.IsMounted;
            }
            catch (Exception e)
            {
                Debug.WriteLine("no SD card: " + e.Message);
                return false;
            }
        }
    }
}
