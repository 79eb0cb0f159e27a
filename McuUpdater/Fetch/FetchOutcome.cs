namespace McuUpdater.Fetch
{
    /// <summary>How a fetch ended: one reason each (values are stable).</summary>
    public enum FetchOutcome
    {
        /// <summary>The package was downloaded whole, verified, and replaced the previous one.</summary>
        Fetched = 0,

        /// <summary>The server answered 404: no package at that path.</summary>
        NotFound = 1,

        /// <summary>The server answered 5xx.</summary>
        ServerError = 2,

        /// <summary>The server answered another status the fetcher cannot use (403, 416 with nothing stored, 3xx...).</summary>
        HttpRefused = 3,

        /// <summary>The answer was not usable HTTP: malformed head, no Content-Length, chunked encoding.</summary>
        BadResponse = 4,

        /// <summary>The connection kept ending early without new bytes; what was stored stays for the next fetch to resume.</summary>
        Interrupted = 5,

        /// <summary>The module's network failed (SIM, registration, APN, DNS, connect...); the socket's reason says which.</summary>
        NetworkFailed = 6,

        /// <summary>The whole package arrived but failed verification (QuecFOTA CRC16, length, version): refused, the previous package kept.</summary>
        PackageRejected = 7,

        /// <summary>The part file or the package could not be written, read or renamed.</summary>
        StorageFailed = 8,

        /// <summary>Host, port or path cannot make a request (empty, spaces, longer than one send).</summary>
        BadRequest = 9,

        /// <summary>Cancelled (or the MCU is going down).</summary>
        Cancelled = 10,
    }
}
