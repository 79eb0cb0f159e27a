namespace McuUpdater.Fetch
{
    /// <summary>What to fetch (server, path), where to keep it, what it must be, and the fetcher's limits.</summary>
    public sealed class FetchOptions
    {
        /// <summary>The server: a host name or a dotted IP.</summary>
        public string Host;

        /// <summary>Its TCP port.</summary>
        public int Port = 80;

        /// <summary>The package's path on the server (starts with '/').</summary>
        public string Path;

        /// <summary>Where the verified package is kept; the download grows in <see cref="PartPath"/> beside it.</summary>
        public string PackagePath;

        /// <summary>The version the package must declare; null accepts any (a product should always set it).</summary>
        public string ExpectedVersion;

        /// <summary>The one body buffer: bytes asked for per socket read and appended per write (1500, the module's largest read).</summary>
        public int BufferSize = 1500;

        /// <summary>A connection with no byte for this long is cut and resumed.</summary>
        public int IdleTimeoutMs = 60000;

        /// <summary>Connections in a row that add no byte before the fetch gives up (it resumes at the next check).</summary>
        public int MaxStalls = 3;

        /// <summary>Connections per fetch at most, progress or not (a bound on a server that trickles).</summary>
        public int MaxConnections = 200;

        /// <summary>The part file: <see cref="PackagePath"/> + ".part".</summary>
        public string PartPath
        {
            get { return PackagePath + ".part"; }
        }
    }
}
