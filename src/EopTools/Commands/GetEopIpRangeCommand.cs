using System.Collections.Generic;
using System.Management.Automation;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>Get-EopIpRange: the published EOP prefixes as objects whose text is the CIDR.</summary>
    [Cmdlet(VerbsCommon.Get, "EopIpRange", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(EopIpRange))]
    public sealed class GetEopIpRangeCommand : PSCmdlet
    {
        private const string SessionSet = "Session";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private bool? _withRegion;

        [Parameter(Position = 0)]
        public EopRegion Region { get; set; } = EopRegion.Global;

        [Parameter]
        public IPAddressFamily[] AddressFamily { get; set; } = { IPAddressFamily.IPv4, IPAddressFamily.IPv6 };

        /// <summary>Files to read, each on its own; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Files to read, each on its own, taken as typed; bound from Get-ChildItem's PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>Merge overlapping and adjacent prefixes into the fewest CIDR prefixes.</summary>
        [Parameter]
        public SwitchParameter Aggregate { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == SessionSet) return;
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (InputFile file in InputFiles.Resolve(this, literal ? LiteralPath : Path, literal))
            {
                RangeIndex? index = RangeSource.EachFile(this, file);
                if (index != null) WriteRanges(index);
            }
        }

        protected override void EndProcessing()
        {
            // Piped input that bound to nothing has had its errors; the session's ranges now would be a plausible wrong answer.
            if (ParameterSetName != SessionSet || MyInvocation.ExpectingInput) return;
            WriteRanges(RangeSource.Session(this));
        }

        private void WriteRanges(RangeIndex index)
        {
            RangeSource.RequireTable(this, index, Region);
            // The first file decides for every file: ranges in two views would break the table into lists.
            bool withRegion = _withRegion ??= index.HasRegionalTables;
            var selected = new List<EopIpRange>();
            foreach (EopIpRange range in index.Ranges)
            {
                if (range.Region == Region && System.Array.IndexOf(AddressFamily, range.AddressFamily) >= 0) selected.Add(range);
            }
            if (!Aggregate)
            {
                // One at a time: enumerating a collection goes through PowerShell's dynamic binder, whose first use costs startup time.
                foreach (EopIpRange range in selected) Write(range, withRegion);
                return;
            }

            var prefixes = new List<IpPrefix>(selected.Count);
            foreach (EopIpRange range in selected) prefixes.Add(range.Value);
            foreach (IpPrefix prefix in AddressSpace.Aggregate(prefixes))
            {
                Write(new EopIpRange(prefix, Region, index.DataSet), withRegion);
            }
        }

        private void Write(EopIpRange range, bool withRegion)
        {
            if (withRegion) WriteObject(RegionView.WithRegion(range));
            else WriteObject(range);
        }
    }
}
