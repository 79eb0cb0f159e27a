using McuUpdater.Application;
using McuUpdater.Modem;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Application;
using McuUpdater.Tests.Engine;

namespace McuUpdater.Tests.Fetch
{
    /// <summary>
    /// The field flow against the simulated module in virtual time: its firmware's TCP/IP stack (in
    /// the dialect asked for) reaches an <see cref="HttpFileServer"/> through a MemoryNetwork; storage,
    /// journal store, module and server outlive one <see cref="OtaUpdater"/> (an MCU reset makes a new one).
    /// </summary>
    public sealed class SimFetchRig
    {
        /// <summary>Where the package is kept.</summary>
        public const string PackagePath = "D:\\fw\\module.pkg";

        /// <summary>The server's name and the package's path there.</summary>
        public const string Host = "fw.example.com";

        /// <summary>The package's path on the server.</summary>
        public const string ServerPath = "/fw/module.pkg";

        /// <summary>Module (powered, old firmware running), server and storage.</summary>
        public SimFetchRig(byte[] served, AtDialect dialect, int mtu)
        {
            Dialect = dialect;
            Server = new HttpFileServer(served, ServerPath);
            Network = new MemoryNetwork().Serve(Host, 80, Server.Respond);
            SimulatorOptions options = EngineRig.Simulator(0, mtu);
            options.AtDialect = dialect;
            options.Network = Network;
            options.AcceptedApn = "internet";

            // A 4 KB socket buffer (not the simulator's 8 KB): the server still waits for room, and the
            // rig fits a board's heap with its package, stored file and module image.
            options.SocketBufferBytes = 4096;
            Engine = new EngineRig(options, null, null);

            // A product's module is on and runs its firmware; the rig's own power line does it, so the counted power stays at 0.
            Engine.Wire.Power.On();
            Engine.Wire.Power.Release();
            Settings.ImagePath = PackagePath;
            Settings.ExpectedVersion = EngineRig.NewVersion;
            Settings.MaxBlockSize = mtu - 12;
            Settings.OtaHost = Host;
            Settings.OtaPath = ServerPath;
            Settings.Apn = "internet";
            Settings.AtDialect = dialect;
        }

        /// <summary>The dialect the module speaks.</summary>
        public AtDialect Dialect { get; private set; }

        /// <summary>The simulated module on its virtual wire.</summary>
        public EngineRig Engine { get; private set; }

        /// <summary>The HTTP server behind the module's network.</summary>
        public HttpFileServer Server { get; private set; }

        /// <summary>The module's network (connections counted).</summary>
        public MemoryNetwork Network { get; private set; }

        /// <summary>The device's files.</summary>
        public readonly MemoryDeviceStorage Storage = new MemoryDeviceStorage();

        /// <summary>The journal's slots.</summary>
        public readonly MemoryJournalStore Store = new MemoryJournalStore();

        /// <summary>The configuration.</summary>
        public readonly UpdaterSettings Settings = new UpdaterSettings();

        /// <summary>A fresh updater (a start-up of the MCU) over the rig's module, storage and journal.</summary>
        public OtaUpdater Updater()
        {
            IModuleNetwork network = ModuleNetworks.Create(Engine.Wire.HostLink, Engine.Wire.Clock, Settings.ToModemSettings(), null);
            return new OtaUpdater(Settings, Storage, new UpdateJournal(Store), Engine.Wire.HostLink, Engine.Power, Engine.Wire.Clock, network);
        }
    }
}
