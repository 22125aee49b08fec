using System.Collections.Generic;
using System.Management.Automation;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>Get-EopIpRange: the published EOP prefixes as objects whose text is the CIDR.</summary>
    [Cmdlet(VerbsCommon.Get, "EopIpRange")]
    [OutputType(typeof(EopIpRange))]
    public sealed class GetEopIpRangeCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public EopRegion Region { get; set; } = EopRegion.Global;

        [Parameter]
        public IPAddressFamily[] AddressFamily { get; set; } = { IPAddressFamily.IPv4, IPAddressFamily.IPv6 };

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Merge overlapping and adjacent prefixes into the fewest CIDR prefixes.</summary>
        [Parameter]
        public SwitchParameter Aggregate { get; set; }

        protected override void EndProcessing()
        {
            RangeIndex index = RangeSource.Resolve(this, Path);
            RangeSource.RequireTable(this, index, Region);

            var selected = new List<EopIpRange>();
            foreach (EopIpRange range in index.Ranges)
            {
                if (range.Region == Region && System.Array.IndexOf(AddressFamily, range.AddressFamily) >= 0) selected.Add(range);
            }
            if (!Aggregate)
            {
                // One at a time: enumerating a collection goes through PowerShell's dynamic binder, whose first use costs startup time.
                foreach (EopIpRange range in selected) WriteObject(range);
                return;
            }

            var prefixes = new List<IpPrefix>(selected.Count);
            foreach (EopIpRange range in selected) prefixes.Add(range.Value);
            foreach (IpPrefix prefix in AddressSpace.Aggregate(prefixes))
            {
                WriteObject(new EopIpRange(prefix, Region, index.DataSet));
            }
        }
    }
}
