using System;
using System.Collections.Generic;
using System.Management.Automation;
using EopTools.AllowList;
using EopTools.Completers;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Sources;
using EopTools.Update;

namespace EopTools.Commands
{
    /// <summary>
    /// Compare-EopAllowList: a receive connector's, firewall rule's or gateway's allow-list against the EOP ranges: what
    /// is covered, what is retired, what is the admin's own, what is missing, and the exact edit.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "EopAllowList", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(EopAllowListEntry))]
    public sealed class CompareEopAllowListCommand : PSCmdlet
    {
        private const string SessionSet = "Session";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string InstanceSet = "Instance";

        private AllowListInput _input = null!;

        /// <summary>
        /// The entries, from the pipeline or as an argument. Typed object[] so that each input is read for what it is
        /// (a string, an IPRange, a firewall address filter), not bound through its ToString().
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public object?[] AllowList { get; set; } = Array.Empty<object>();

        /// <summary>Compare with the EOP ranges in this file instead of the session's; a wildcard must name one file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>As -Path, taken as typed. Not bound from the pipeline, which carries the allow-list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>Compare with the cached ranges of this web-service instance instead of the session's.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InstanceSet)]
        [ArgumentCompleter(typeof(InstanceCompleter))]
        [ValidateNotNullOrEmpty]
        public string Instance { get; set; } = null!;

        protected override void BeginProcessing()
        {
            _input = new AllowListInput(this);
        }

        protected override void ProcessRecord()
        {
            // A piped $null binds as a null array, not as an array holding null.
            if (AllowList == null) _input.Read(null);
            else foreach (object? entry in AllowList) _input.Read(entry);
        }

        protected override void EndProcessing()
        {
            if (_input.Rejected > 0 && _input.Items.Count == 0) return;
            RangeIndex currentIndex = CurrentRanges();
            RangeData current = currentIndex.Data;
            AllowListComparisonResult result = AllowListComparison.Compare(_input.Items, current, FormerEopData(currentIndex));
            if (_input.Rejected > 0)
            {
                Warnings.Write(this, new Diagnostic("EntriesNotRead",
                    _input.Rejected + " entries could not be read (see the errors); Missing rows may list addresses they would cover."));
            }
            Warnings.Write(this, result.Warnings);
            WriteVerbose("Compared " + _input.Items.Count + " entries with " + current.DataSet + ": after the edit the list holds " + result.EditedEntryCount + " entries.");
            foreach (EopAllowListEntry row in result.Rows) WriteObject(row);
        }

        /// <summary>
        /// The older data whose ranges, where the current data lacks them, are retired EOP space. For the session's ranges
        /// from the cache it is what Test-EopIpAddress's FormerRange looks in: the cache's previous data (previous.cache),
        /// then the embedded 2018 page; for other ranges (a file, another instance's cache, that page itself), the page.
        /// </summary>
        private IEnumerable<RangeData> FormerEopData(RangeIndex current)
        {
            if (current.Former == null) return new[] { EopSession.Seed.Data };
            var older = new List<RangeData>();
            foreach (OlderData data in current.Former.Older) older.Add(data.Index.Data);
            // A previous.cache that cannot be read is said here, as a bad cache is by the command that loads it.
            Warnings.Write(this, EopSession.TakeLoadWarnings());
            return older;
        }

        private RangeIndex CurrentRanges()
        {
            if (ParameterSetName == PathSet) return RangeSource.OneFile(this, Path, literal: false, "Path");
            if (ParameterSetName == LiteralPathSet) return RangeSource.OneFile(this, LiteralPath, literal: true, "LiteralPath");
            if (ParameterSetName != InstanceSet) return RangeSource.Session(this);

            EopInstance known = InstanceParameter.Resolve(this, Instance);
            string instance = EopInstances.Name(known);
            var problems = new List<Diagnostic>();
            CachedRanges? cached = CacheStore.ForCurrentUser(problems).Load(known, problems);
            Warnings.Write(this, problems);
            if (cached == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ItemNotFoundException("The cache holds no ranges of the " + instance + " instance; run Update-EopIpRange -Instance " + instance + " first."),
                    "InstanceNotCached", ErrorCategory.ObjectNotFound, instance));
            }
            WriteVerbose("Using the cached ranges of " + instance + ": '" + cached!.Path + "'.");
            return new RangeIndex(cached.Data);
        }
    }
}
