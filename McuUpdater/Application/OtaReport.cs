using McuUpdater.Fetch;

namespace McuUpdater.Application
{
    /// <summary>What one run of the field flow did: the check, the fetch (if any) and the update (if any).</summary>
    public sealed class OtaReport
    {
        /// <summary>A sentence on what the check found and decided.</summary>
        public string Check { get; internal set; }

        /// <summary>The version the module's running firmware reported before anything was done, or null when it was not asked.</summary>
        public string ModuleVersion { get; internal set; }

        /// <summary>True when the check found the expected firmware installed already: nothing was fetched or flashed.</summary>
        public bool InstalledAlready { get; internal set; }

        /// <summary>The fetch's result, or null when nothing was fetched.</summary>
        public FetchResult Fetch { get; internal set; }

        /// <summary>The update's report (decision and result), or null when no update was considered.</summary>
        public FieldReport Field { get; internal set; }

        /// <summary>True when the module is known to run the expected firmware (found so, or installed now or before).</summary>
        public bool ModuleUpToDate
        {
            get { return InstalledAlready || (Field != null && Field.ModuleUpToDate); }
        }
    }
}
