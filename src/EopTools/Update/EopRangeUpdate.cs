namespace EopTools
{
    /// <summary>What Update-EopIpRange did: the version before and after, whether it changed, and where the data is.</summary>
    public sealed class EopRangeUpdate
    {
        internal EopRangeUpdate(string instance, string? previousVersion, string version, bool updated, int rangeCount, string cachePath,
            bool endpointSetsChanged = false)
        {
            EndpointSetsChanged = endpointSetsChanged;
            Instance = instance;
            PreviousVersion = previousVersion;
            Version = version;
            Updated = updated;
            RangeCount = rangeCount;
            CachePath = cachePath;
        }

        public string Instance { get; }

        /// <summary>The cached version before this update; null when there was no valid cache.</summary>
        public string? PreviousVersion { get; }

        public string Version { get; }

        /// <summary>True when new data was written to the cache and the session now uses it.</summary>
        public bool Updated { get; }

        /// <summary>The number of EOP ranges in the data the session now uses.</summary>
        public int RangeCount { get; }

        public string CachePath { get; }

        /// <summary>
        /// True when any Microsoft 365 endpoint set of the new data differs from the cached data's (its IPs, URLs, ports,
        /// category or flags, or a set added or removed), whatever the EOP ranges did: for a script that tells the
        /// firewall and proxy teams. False when the cache was confirmed current.
        /// </summary>
        public bool EndpointSetsChanged { get; }

        public override string ToString() =>
            Updated
                ? Instance + " EOP ranges updated from " + (PreviousVersion ?? "none") + " to " + Version + " (" + RangeCount + " ranges)"
                : Instance + " EOP ranges unchanged at " + Version + " (" + RangeCount + " ranges)";
    }
}
