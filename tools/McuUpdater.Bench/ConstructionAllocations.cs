using System;
using System.Globalization;
using System.IO.Ports;
using System.Text;
using McuUpdater.Application;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Protocol;
using McuUpdater.Relay;
using McuUpdater.Session;
using McuUpdater.Timing;

namespace McuUpdater.Bench
{
    /// <summary>
    /// Managed bytes allocated when the device's objects are built (update session with its link,
    /// relay, two-slot bench), measured with GC.GetAllocatedBytesForCurrentThread around the
    /// constructors, against the budget of an ESP32 without PSRAM.
    /// </summary>
    /// <remarks>
    /// The <c>SerialPort</c> objects are created before the measurement: they are the driver's, and
    /// their buffers are native on both runtimes (shown in their own column). .NET object headers are
    /// 16–24 bytes where nanoCLR's are 12, so small objects count a little differently; the byte
    /// arrays, which are nearly all of it, count the same.
    /// </remarks>
    internal static class ConstructionAllocations
    {
        /// <summary>Budget for an update session with its link on a board without PSRAM (issue 9).</summary>
        public const long SessionBudget = 40 * 1024;

        private delegate object Build(SerialPort[] ports);

        /// <summary>The table (markdown) and whether the session stays under <see cref="SessionBudget"/>.</summary>
        public static string Table()
        {
            StringBuilder t = new StringBuilder();
            // The first construction also builds one-time statics (CRC table, AT command bytes): shown apart.
            long statics = Measure(Ports(1), ports => Session(ports[0], null));
            t.AppendLine("| object (library defaults unless said) | managed bytes allocated at construction | native port buffers |");
            t.AppendLine("|---|---:|---|");
            long session = Row(t, "update session + SerialPortLink (block cap 8212)", 1, ports => Session(ports[0], null));
            Row(t, "update session + SerialPortLink, opt-in block cap 16372", 1, ports => Session(ports[0], UpdateOptions.LargeMaxBlockSize));
            Row(t, "relay, no tap (2 × 1 KB chunks)", 2, ports => Relay(ports, null));
            Row(t, "relay + tap decoding both directions (decoder 8216 + 256)", 2, ports => Relay(ports, new FramesTap()));
            Row(t, "two-slot bench (BenchRig, 2 sessions + links, block cap 8212)", 2, ports => Bench(ports));
            t.AppendLine();
            t.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "One-time statics built by the first session (CRC table, AT command bytes, type data): {0:N0} bytes more, once per program.",
                statics - session));
            t.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "Update session with its link: {0:N0} bytes, budget {1:N0}: {2}.",
                session, SessionBudget, session < SessionBudget ? "met" : "NOT met"));
            return t.ToString();
        }

        /// <summary>The report section: heading, method, table.</summary>
        public static string Section()
        {
            return "## Memory at construction (a board without PSRAM)\n\n"
                + "Managed bytes allocated while each object is built, measured with GC.GetAllocatedBytesForCurrentThread around the constructors (after one warm-up construction; "
                + "the SerialPort objects are made beforehand: their buffers are native memory, listed apart). An ESP32 without PSRAM leaves roughly 100–250 KB of managed heap.\n\n"
                + Table()
                + "\n### What the default block cap costs\n\n"
                + "The block payload is the largest even number ≤ MTU − 11, capped by UpdateOptions.MaxBlockSize (protocol.md). The default cap 8212 fills MTU 8224 exactly; "
                + "only at MTU 16384 does it halve the block. The same 2.85 MB image, documented ROM answering at once, virtual time from the first DATA frame to the last answer:\n\n"
                + BlockCapCost.Table();
        }

        /// <summary>True when an update session with its link stays under <see cref="SessionBudget"/>.</summary>
        public static bool SessionFits()
        {
            SerialPort[] ports = Ports(1);
            Session(ports[0], null);
            return Measure(ports, p => Session(p[0], null)) < SessionBudget;
        }

        private static long Row(StringBuilder t, string what, int portCount, Build build)
        {
            Measure(Ports(portCount), build);
            long bytes = Measure(Ports(portCount), build);
            t.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:N0} | {2} × {3:N0} B (ESP32: twice that, IDF heap) |",
                what, bytes, portCount, SerialPortLink.DefaultBufferSize));
            return bytes;
        }

        private static long Measure(SerialPort[] ports, Build build)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            object built = build(ports);
            long after = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(built);
            return after - before;
        }

        private static SerialPort[] Ports(int count)
        {
            SerialPort[] ports = new SerialPort[count];
            for (int i = 0; i < count; i++)
            {
                // Never opened: the link only keeps it. The device sets the buffer size before Open.
                ports[i] = new SerialPort("COM" + (i + 2).ToString(CultureInfo.InvariantCulture), Wire.BaudRate);
            }

            return ports;
        }

        private static object Session(SerialPort port, object maxBlock)
        {
            UpdateOptions options = new UpdateOptions();
            if (maxBlock != null)
            {
                options.MaxBlockSize = (int)maxBlock;
            }

            SerialPortLink link = new SerialPortLink(port, false, SystemClock.Instance);
            return new UpdateSession(link, NoPower.Instance, SystemClock.Instance, options);
        }

        private static object Relay(SerialPort[] ports, IRelayTap tap)
        {
            SerialPortLink pc = new SerialPortLink(ports[0], false, SystemClock.Instance);
            SerialPortLink module = new SerialPortLink(ports[1], false, SystemClock.Instance);
            RelayEngine relay = new RelayEngine(pc, module, null, SystemClock.Instance, new RelayOptions());
            relay.Tap = tap;
            return relay;
        }

        private static object Bench(SerialPort[] ports)
        {
            UpdaterSettings settings = new UpdaterSettings();
            BenchSlot[] slots = new BenchSlot[ports.Length];
            for (int i = 0; i < ports.Length; i++)
            {
                SerialPortLink link = new SerialPortLink(ports[i], false, SystemClock.Instance);
                slots[i] = new BenchSlot("slot " + (i + 1).ToString(CultureInfo.InvariantCulture), link, NoPower.Instance, SystemClock.Instance, settings.ToUpdateOptions());
            }

            return new BenchRig(slots, null);
        }

        private sealed class NoPower : IModulePower
        {
            public static readonly NoPower Instance = new NoPower();

            public void Off()
            {
            }

            public void On()
            {
            }

            public void Release()
            {
            }
        }

        private sealed class FramesTap : IRelayTap
        {
            public bool WantsFrames(int direction)
            {
                return true;
            }

            public void BytesRelayed(int direction, int count)
            {
            }

            public void FrameSeen(int direction, FrameDecoder frame)
            {
            }

            public void PowerChanged(bool on)
            {
            }

            public void SessionChanged(bool active)
            {
            }
        }
    }
}
