namespace McuUpdater.Fetch
{
    /// <summary>Names of <see cref="FetchOutcome"/> values for journals and logs (an enum's ToString gives a number on the device).</summary>
    public static class FetchOutcomeNames
    {
        /// <summary>The value's name, e.g. <c>NotFound</c>.</summary>
        public static string Name(FetchOutcome outcome)
        {
            switch (outcome)
            {
                case FetchOutcome.Fetched:
                    return "Fetched";
                case FetchOutcome.NotFound:
                    return "NotFound";
                case FetchOutcome.ServerError:
                    return "ServerError";
                case FetchOutcome.HttpRefused:
                    return "HttpRefused";
                case FetchOutcome.BadResponse:
                    return "BadResponse";
                case FetchOutcome.Interrupted:
                    return "Interrupted";
                case FetchOutcome.NetworkFailed:
                    return "NetworkFailed";
                case FetchOutcome.PackageRejected:
                    return "PackageRejected";
                case FetchOutcome.StorageFailed:
                    return "StorageFailed";
                case FetchOutcome.BadRequest:
                    return "BadRequest";
                case FetchOutcome.Cancelled:
                    return "Cancelled";
                default:
                    return "FetchOutcome " + ((int)outcome).ToString();
            }
        }
    }
}
